"""The sealed file format of offline snapshots and encrypted backups: AES-GCM over bytes.

A sealed file is::

    magic "KKDESKSF" | format version (2 bytes) | header length (4 bytes) | header (JSON)
    | nonce prefix (8 bytes) | chunk 0 | chunk 1 | ...

Every chunk is AES-256-GCM (``cryptography``'s AESGCM) over at most :data:`CHUNK` bytes of
the payload, with the nonce ``prefix || chunk number`` and, as associated data, everything
before the first chunk plus the chunk number and a last-chunk flag (the STREAM
construction). So the header — kind, format version, created, expires, key id, sizes — is
authenticated too, chunks cannot be reordered, dropped or cut off unnoticed, and a payload
over AESGCM's 2 GiB limit (a big register's backup) still seals.

The header is readable without the key, on purpose: it says which key is needed and when
the file expires, and holds no personal data. It carries a *key check* (an HMAC of the key
id under the key), so that a wrong key is told apart from a damaged file. Each failure has
its own :class:`~kkdesk.errors.KnownError` code: ``sealed_foreign``, ``sealed_newer``,
``sealed_truncated``, ``sealed_damaged`` and ``sealed_wrong_key``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import struct
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kkdesk.errors import KnownError

MAGIC = b"KKDESKSF"
FORMAT_VERSION = 1
KEY_BYTES = 32
CHUNK = 16 * 1024 * 1024
_TAG = 16
_PREFIX = struct.Struct(">8sHI")
_NONCE_PREFIX = 8


class SealedFileError(KnownError):
    """A sealed file that cannot be opened; ``code`` says why."""

    code = "sealed_damaged"


@dataclass(frozen=True)
class SealedHeader:
    """What a sealed file says about itself before it is opened."""

    kind: str  # "snapshot" or "backup"
    key_id: str
    created: datetime
    expires: datetime | None
    payload_length: int
    key_check: str
    format_version: int = FORMAT_VERSION
    meta: dict[str, Any] = field(default_factory=dict)

    def expired(self, now: datetime | None = None) -> bool:
        return self.expires is not None and (now or datetime.now(UTC)) >= self.expires


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=KEY_BYTES * 8)


def key_check(key: bytes, key_id: str) -> str:
    return hmac.new(key, b"kkdesk key check\0" + key_id.encode(), hashlib.sha256).hexdigest()[:32]


def seal(
    payload: bytes | memoryview,
    key: bytes,
    *,
    kind: str,
    key_id: str,
    created: datetime,
    expires: datetime | None = None,
    meta: dict[str, Any] | None = None,
) -> Iterator[bytes]:
    """The sealed file's bytes, a piece at a time (write them with
    :func:`kkdesk.store.private.write_private`)."""
    view = memoryview(payload)
    header = {
        "kind": kind,
        "key_id": key_id,
        "created": created.astimezone(UTC).isoformat(),
        "expires": expires.astimezone(UTC).isoformat() if expires else None,
        "payload_length": len(view),
        "key_check": key_check(key, key_id),
        "meta": meta or {},
    }
    head = json.dumps(header, sort_keys=True).encode()
    prefix = os.urandom(_NONCE_PREFIX)
    preamble = _PREFIX.pack(MAGIC, FORMAT_VERSION, len(head)) + head + prefix
    yield preamble
    aead = AESGCM(key)
    count = max(1, -(-len(view) // CHUNK))
    for i in range(count):
        part = view[i * CHUNK : (i + 1) * CHUNK]
        yield aead.encrypt(_nonce(prefix, i), bytes(part), _aad(preamble, i, i == count - 1))


def read_header(data: bytes | memoryview) -> tuple[SealedHeader, int]:
    """The header and where the chunks start; refuses what is no sealed kkdesk file."""
    view = memoryview(data)
    if len(view) < len(MAGIC) or bytes(view[: len(MAGIC)]) != MAGIC:
        raise SealedFileError(
            "This is not a kkdesk snapshot or encrypted backup.", code="sealed_foreign"
        )
    if len(view) < _PREFIX.size:
        raise _truncated()
    _magic, version, head_len = _PREFIX.unpack(view[: _PREFIX.size])
    if version > FORMAT_VERSION:
        raise SealedFileError(
            f"The file was made by a newer kkdesk (format {version}); install that version.",
            code="sealed_newer",
            version=version,
        )
    start = _PREFIX.size + head_len + _NONCE_PREFIX
    if len(view) < start:
        raise _truncated()
    try:
        raw = json.loads(bytes(view[_PREFIX.size : _PREFIX.size + head_len]))
        header = SealedHeader(
            kind=str(raw["kind"]),
            key_id=str(raw["key_id"]),
            created=datetime.fromisoformat(raw["created"]),
            expires=datetime.fromisoformat(raw["expires"]) if raw["expires"] else None,
            payload_length=int(raw["payload_length"]),
            key_check=str(raw["key_check"]),
            format_version=int(version),
            meta=dict(raw.get("meta") or {}),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise _damaged() from exc
    return header, start


def unseal(data: bytes | memoryview, key: bytes) -> bytearray:
    """The payload, checked: wrong key, cut-off file and any altered byte each refused."""
    view = memoryview(data)
    header, start = read_header(view)
    if not hmac.compare_digest(key_check(key, header.key_id), header.key_check):
        raise SealedFileError(
            "The key does not fit this file: it belongs to another snapshot or backup.",
            code="sealed_wrong_key",
        )
    count = max(1, -(-header.payload_length // CHUNK))
    expected = start + header.payload_length + count * _TAG
    if len(view) < expected:
        raise _truncated()
    if len(view) > expected:
        raise _damaged()
    preamble = bytes(view[:start])
    prefix = preamble[-_NONCE_PREFIX:]
    aead = AESGCM(key)
    out = bytearray()
    pos = start
    for i in range(count):
        size = min(CHUNK, header.payload_length - i * CHUNK) + _TAG
        try:
            out += aead.decrypt(
                _nonce(prefix, i), bytes(view[pos : pos + size]), _aad(preamble, i, i == count - 1)
            )
        except InvalidTag as exc:
            raise _damaged() from exc
        pos += size
    return out


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def _aad(preamble: bytes, index: int, last: bool) -> bytes:
    return preamble + struct.pack(">I?", index, last)


def _truncated() -> SealedFileError:
    return SealedFileError(
        "The file is incomplete (cut off, e.g. by an interrupted copy).", code="sealed_truncated"
    )


def _damaged() -> SealedFileError:
    return SealedFileError(
        "The file has been altered or damaged: its contents fail the integrity check.",
        code="sealed_damaged",
    )
