"""Connection profiles: settings without passwords, TLS included."""

from __future__ import annotations

from pathlib import Path

import pytest

from kkdesk.auth.profiles import Profile, find_profile, load_profiles, remember_profile
from kkdesk.errors import PasswordInUrl, ValidationFailed


def test_round_trip_without_password(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    url = "postgresql://anna@db.example.fi:6543/kkdesk?sslmode=verify-full&sslrootcert=/ca.pem"
    profile = Profile.from_url("office", url)
    assert (profile.host, profile.port, profile.database, profile.user) == (
        "db.example.fi",
        6543,
        "kkdesk",
        "anna",
    )
    remember_profile(profile, path)
    assert load_profiles(path) == [profile]
    assert find_profile("office", path) == profile
    rendered = profile.url().render_as_string(hide_password=False)
    assert rendered.startswith("postgresql+psycopg://anna@db.example.fi:6543/kkdesk?")
    assert "sslmode=verify-full" in rendered and "sslrootcert=%2Fca.pem" in rendered
    assert profile.key() == "anna@db.example.fi:6543/kkdesk"


def test_replace_by_name_and_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    remember_profile(Profile("a", "h1", "db"), path)
    remember_profile(Profile("a", "h2", "db"), path)
    assert [p.host for p in load_profiles(path)] == ["h2"]
    path.write_text("{not json")
    assert load_profiles(path) == []


def test_validation() -> None:
    with pytest.raises(ValidationFailed) as info:
        Profile("", "", "", sslmode="verify-full").validate()
    assert set(info.value.errors) == {"name", "host", "database", "sslrootcert"}


def test_a_url_with_a_password_makes_no_profile() -> None:
    with pytest.raises(PasswordInUrl) as info:
        Profile.from_url("office", "postgresql://anna:secret@db.example.fi/kkdesk")
    assert info.value.code == "password_in_url"
    assert "secret" not in info.value.message


def test_the_opt_in_to_connect_without_tls_travels_with_the_profile(tmp_path: Path) -> None:
    url = "postgresql://anna@db.example.fi/kkdesk?sslmode=disable&kkdesk_allow_insecure=yes"
    profile = Profile.from_url("lan", url)
    assert profile.allow_insecure
    remember_profile(profile, tmp_path / "p.json")
    assert load_profiles(tmp_path / "p.json") == [profile]
    assert profile.url().query["kkdesk_allow_insecure"] == "yes"
    assert not Profile("x", "db.example.fi", "kkdesk").allow_insecure
    assert "kkdesk_allow_insecure" not in Profile("x", "h", "d").url().query


SYSTEM = """
# IT's profiles for every user of the workstation (packaging/README.md)
[profiles.office]
host = "db.konekesko.example"
database = "kkdesk"
sslmode = "verify-full"
sslrootcert = "/etc/ssl/konekesko-ca.pem"

[profiles.leaky]
host = "db2.example"
database = "kkdesk"
password = "never-here"
"""


@pytest.fixture
def system_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    from kkdesk.auth import profiles

    folder = tmp_path / "site"
    folder.mkdir()
    monkeypatch.setenv(profiles.SYSTEM_CONFIG_ENV, str(folder))
    path = folder / profiles.SYSTEM_FILE_NAME
    path.write_text(SYSTEM, encoding="utf-8")
    assert profiles.system_profiles_path() == path
    return path


def test_it_provides_profiles_read_before_the_users_own(system_file: Path, tmp_path: Path) -> None:
    own = tmp_path / "profiles.json"
    remember_profile(Profile("home", "localhost", "kk"), own)
    assert [p.name for p in load_profiles(own)] == ["office", "leaky", "home"]
    office = find_profile("office", own)
    assert office == Profile(
        "office", "db.konekesko.example", "kkdesk", sslmode="verify-full",
        sslrootcert="/etc/ssl/konekesko-ca.pem",
    )  # fmt: skip


def test_the_system_profile_is_read_only_but_keeps_the_users_login(
    system_file: Path, tmp_path: Path
) -> None:
    """A user's save of IT's profile keeps only their login name, so that when IT moves
    the database, the new host reaches every user."""
    own = tmp_path / "profiles.json"
    remember_profile(Profile("office", "elsewhere.example", "other", user="anna"), own)
    assert "elsewhere" not in own.read_text()
    office = find_profile("office", own)
    assert office is not None
    assert (office.host, office.database, office.user) == ("db.konekesko.example", "kkdesk", "anna")
    system_file.write_text(SYSTEM.replace("db.konekesko.example", "new-db.example"), "utf-8")
    assert find_profile("office", own).host == "new-db.example"  # type: ignore[union-attr]
    # IT withdraws the profile: the user's login name alone is no profile.
    system_file.write_text("", "utf-8")
    assert find_profile("office", own) is None


def test_a_password_in_the_system_file_is_never_used(system_file: Path) -> None:
    from dataclasses import asdict

    leaky = find_profile("leaky")
    assert leaky is not None and "never-here" not in str(asdict(leaky))


def test_a_damaged_system_file_gives_no_profiles(system_file: Path) -> None:
    system_file.write_text("[profiles.office\nhost=", "utf-8")
    assert load_profiles() == []
