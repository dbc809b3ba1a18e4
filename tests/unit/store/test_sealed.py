"""The sealed file format: round trip, and each kind of damage told apart."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kkdesk.store import sealed


def _seal(payload: bytes, key: bytes, **kw: object) -> bytes:
    now = datetime(2026, 12, 2, 10, tzinfo=UTC)
    return b"".join(
        sealed.seal(
            payload,
            key,
            kind="snapshot",
            key_id="k1",
            created=now,
            expires=now + timedelta(days=14),
            meta={"customers": 3},
        )
    )


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sealed, "CHUNK", 1000)


@pytest.mark.usefixtures("small_chunks")
@pytest.mark.parametrize("size", [0, 1, 999, 1000, 1001, 5500])
def test_round_trip_any_size(size: int) -> None:
    key = sealed.new_key()
    payload = bytes(range(256)) * (size // 256 + 1)
    payload = payload[:size]
    data = _seal(payload, key)
    header, _ = sealed.read_header(data)
    assert header.kind == "snapshot" and header.payload_length == size
    assert header.meta == {"customers": 3}
    assert bytes(sealed.unseal(data, key)) == payload


def _code(data: bytes, key: bytes) -> str:
    with pytest.raises(sealed.SealedFileError) as refused:
        sealed.unseal(data, key)
    return refused.value.code


@pytest.mark.usefixtures("small_chunks")
def test_damage_is_told_apart() -> None:
    key = sealed.new_key()
    data = _seal(b"x" * 3500, key)
    _header, start = sealed.read_header(data)
    chunk = 1000 + 16
    assert _code(data, sealed.new_key()) == "sealed_wrong_key"
    assert _code(data[:-chunk], key) == "sealed_truncated"  # the last chunk dropped whole
    assert _code(data[:-1], key) == "sealed_truncated"
    assert _code(data[:10], key) == "sealed_truncated"
    assert _code(data + b"\0", key) == "sealed_damaged"
    flipped = bytearray(data)
    flipped[start + 5] ^= 1
    assert _code(bytes(flipped), key) == "sealed_damaged"
    swapped = data[:start] + data[start + chunk : start + 2 * chunk] + data[start + chunk :]
    swapped = swapped[: len(data)]
    assert _code(swapped, key) == "sealed_damaged"
    later = data.replace(b'"expires": "2026-12-16', b'"expires": "2027-12-16')
    assert later != data and _code(later, key) == "sealed_damaged"
    assert _code(b"PK\x03\x04 a zip file", key) == "sealed_foreign"
