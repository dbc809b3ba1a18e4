"""The register's own information: complete in three languages, stored and read back."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest

from kkdesk.domain import register_info as ri
from kkdesk.errors import ValidationFailed


def _texts(info: ri.RegisterInfo) -> list[ri.LocalText]:
    out: list[ri.LocalText] = []
    for f in fields(info):
        value = getattr(info, f.name)
        if isinstance(value, ri.LocalText):
            out.append(value)
        elif isinstance(value, tuple):
            for item in value:
                if isinstance(item, ri.LocalText):
                    out.append(item)
                elif isinstance(item, ri.PurposeBasis):
                    out += [item.purpose, item.legal_basis]
    return out


def test_every_default_text_exists_in_three_languages() -> None:
    texts = _texts(ri.DEFAULT)
    assert len(texts) > 30
    for t in texts:
        assert t.fi.strip() and t.sv.strip() and t.en.strip(), t
        assert len({t.fi, t.sv}) == 2 or t.fi == t.sv == t.en  # translated, not copied


def test_defaults_keep_the_register_description() -> None:
    d = ri.DEFAULT
    assert d.controller_name == "Konekesko Oy"
    assert d.controller_address == ("Vanha Porvoontie 245", "01380 VANTAA")
    assert d.contact_name == "Antti Riuttala"
    assert d.register_name.fi == "Konekesko Webshop asiakasrekisteri"
    assert d.authority_address == ("PL 800", "00531 HELSINKI")
    assert "2 luvun 10" in d.retention[1].fi and "kuusi vuotta" in d.retention[1].fi


def test_settings_round_trip_through_json() -> None:
    values = json.loads(json.dumps(ri.to_settings(ri.DEFAULT)))
    assert ri.from_settings(values) == ri.DEFAULT
    assert ri.from_settings({}) == ri.DEFAULT
    assert ri.from_settings({"a_key_from_the_future": 1}) == ri.DEFAULT


def test_a_value_changes_only_its_key() -> None:
    info = ri.from_settings({"contact_name": "Maija Meikäläinen", "controller_address": ["A 1"]})
    assert info.contact_name == "Maija Meikäläinen"
    assert info.controller_address == ("A 1",)
    assert info.purposes == ri.DEFAULT.purposes


@pytest.mark.parametrize(
    ("key", "raw"),
    [
        ("controller_name", ""),
        ("controller_name", 5),
        ("controller_address", "not a list"),
        ("register_name", {"sv": "only Swedish"}),
        ("purposes", [{"purpose": {"fi": "x"}}]),
        ("no_such_key", "x"),
    ],
)
def test_malformed_values_are_refused(key: str, raw: object) -> None:
    with pytest.raises(ValidationFailed):
        ri.value_from_json(key, raw)


def test_the_staff_naming_setting_is_a_true_or_false() -> None:
    assert ri.DEFAULT.letters_name_staff is False
    assert ri.value_from_json("letters_name_staff", True) is True
    for wrong in ("yes", 1, None):
        with pytest.raises(ValidationFailed):
            ri.value_from_json("letters_name_staff", wrong)
