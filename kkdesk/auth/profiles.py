"""Connection profiles: named central databases (host, port, database, user, TLS).

Profiles are settings, kept as JSON beside the preferences in the user's config folder. They
never hold a password: :mod:`kkdesk.auth.keychain` keeps those in the OS keyring.

IT can hand out profiles for every user of a workstation in ``profiles.toml`` in the
system-wide config folder (:func:`system_profiles_path`: ``/etc/xdg/kkdesk`` on Linux,
``C:\\ProgramData\\Konekesko\\kkdesk`` on Windows, ``/Library/Application Support/kkdesk``
on macOS; see packaging/README.md). Those are read first and are read-only: a user's own
profile of the same name adds only the user's login name, so that when IT moves the
database, changing the system file reaches everyone. A password in the system file is
ignored (and logged as a mistake): passwords live only in each user's keyring.
"""

from __future__ import annotations

import json
import logging
import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy.engine import URL, make_url

from kkdesk import files
from kkdesk.auth.keychain import credential_key
from kkdesk.config import config_dir
from kkdesk.errors import FieldError, PasswordInUrl, ValidationFailed

# kkdesk's URL parameter for allow_insecure (kkdesk.store.database.INSECURE_OPT_IN: the
# store is not the auth layer's to import).
INSECURE_OPT_IN = "kkdesk_allow_insecure"
log = logging.getLogger(__name__)

SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
FILE_NAME = "profiles.json"
SYSTEM_FILE_NAME = "profiles.toml"
SYSTEM_CONFIG_ENV = "KKDESK_SITE_CONFIG_DIR"


@dataclass(frozen=True)
class Profile:
    """A central database, as a workstation connects to it."""

    name: str
    host: str
    database: str
    user: str = ""
    port: int = 5432
    sslmode: str = "prefer"
    # The CA certificate file that verify-ca / verify-full check the server against.
    sslrootcert: str = ""
    # Connect even without guaranteed TLS to a host that is not local (sslmode disable,
    # allow or prefer): an explicit choice for a trusted network, never the default.
    allow_insecure: bool = False

    def url(self, user: str | None = None) -> URL:
        """The SQLAlchemy URL, without any password."""
        query: dict[str, str] = {"sslmode": self.sslmode}
        if self.sslrootcert:
            query["sslrootcert"] = self.sslrootcert
        if self.allow_insecure:
            query[INSECURE_OPT_IN] = "yes"
        return URL.create(
            "postgresql+psycopg",
            username=user or self.user or None,
            host=self.host,
            port=self.port,
            database=self.database,
            query=query,
        )

    def key(self, user: str | None = None) -> str:
        return credential_key(user or self.user, self.host, self.port, self.database)

    def validate(self) -> Profile:
        errors: dict[str, FieldError] = {}
        if not self.name.strip():
            errors["name"] = FieldError("name", "required", "A profile needs a name.")
        if not self.host.strip():
            errors["host"] = FieldError("host", "required", "A host is required.")
        if not self.database.strip():
            errors["database"] = FieldError("database", "required", "A database is required.")
        if not 0 < self.port < 65536:
            errors["port"] = FieldError("port", "port", "A port is 1–65535.")
        if self.sslmode not in SSL_MODES:
            errors["sslmode"] = FieldError(
                "sslmode", "sslmode", f"TLS mode is one of {', '.join(SSL_MODES)}."
            )
        if self.sslmode in ("verify-ca", "verify-full") and not self.sslrootcert:
            errors["sslrootcert"] = FieldError(
                "sslrootcert", "required", "Checking the server needs its CA certificate file."
            )
        if errors:
            raise ValidationFailed(errors)
        return self

    @classmethod
    def from_url(cls, name: str, url: URL | str) -> Profile:
        """A profile from a ``postgresql://user@host:port/db?sslmode=…`` URL. A URL with a
        password is refused: it never goes into a profile, and where it came from (a
        command line, the environment) others can read it."""
        parsed = make_url(url) if isinstance(url, str) else url
        if parsed.password is not None:
            raise PasswordInUrl(name)
        query = parsed.query
        return cls(
            name=name,
            host=parsed.host or "localhost",
            port=parsed.port or 5432,
            database=parsed.database or "",
            user=parsed.username or "",
            sslmode=str(query.get("sslmode", "prefer")),
            sslrootcert=str(query.get("sslrootcert", "")),
            allow_insecure=str(query.get(INSECURE_OPT_IN, "")).lower()
            in ("1", "yes", "true", "on"),
        )


def _path(path: Path | None) -> Path:
    return path or config_dir() / FILE_NAME


def system_profiles_path() -> Path:
    """IT's profiles for every user of this computer (platformdirs' site config folder)."""
    override = os.environ.get(SYSTEM_CONFIG_ENV)
    folder = Path(override) if override else platformdirs.site_config_path("kkdesk", "Konekesko")
    return folder / SYSTEM_FILE_NAME


def _profile(name: str, item: dict[str, Any]) -> Profile | None:
    known = {f.name for f in fields(Profile)}
    values: dict[str, Any] = {k: v for k, v in item.items() if k in known}
    values["name"] = name
    try:
        return Profile(**values)
    except TypeError:
        return None


def _own_items(path: Path | None) -> list[dict[str, Any]]:
    try:
        raw = json.loads(_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []


def load_system_profiles(path: Path | None = None) -> list[Profile]:
    """IT's profiles (``[profiles.NAME]`` tables of host, port, database, sslmode,
    sslrootcert and optionally user); none if the file is missing or damaged."""
    source = path or system_profiles_path()
    try:
        raw = tomllib.loads(source.read_text(encoding="utf-8")).get("profiles", {})
    except (OSError, ValueError):
        return []
    profiles = []
    for profile_name, item in raw.items() if isinstance(raw, dict) else ():
        if not isinstance(item, dict):
            continue
        if "password" in item:
            log.warning(
                "ignored a password in profile %r of %s: keyring only", profile_name, source
            )
        profile = _profile(str(profile_name), item)
        if profile is not None:
            profiles.append(profile)
    return profiles


def load_profiles(path: Path | None = None, system: Path | None = None) -> list[Profile]:
    """IT's profiles first (each with the user's own login name, if they saved one), then
    the user's own; a missing or damaged file gives none (it holds no secrets)."""
    own = _own_items(path)
    users = {item.get("name"): str(item.get("user") or "") for item in own}
    central = load_system_profiles(system)
    profiles = [replace(p, user=users.get(p.name) or p.user) for p in central]
    names = {p.name for p in central}
    for item in own:
        name = item.get("name")
        if isinstance(name, str) and name not in names:
            profile = _profile(name, item)
            if profile is not None:
                profiles.append(profile)
    return profiles


def save_profiles(profiles: list[Profile], path: Path | None = None) -> None:
    _save([asdict(p) for p in profiles], path)


def _save(items: list[dict[str, Any]], path: Path | None) -> None:
    # Atomic and 0600: a crash never leaves half a file (kkdesk.files).
    files.write_private(_path(path), json.dumps(items, indent=2), make_folder=True)


def remember_profile(
    profile: Profile, path: Path | None = None, system: Path | None = None
) -> None:
    """Add or replace (by name) one of the user's profiles. For a profile IT provides, only
    the login name is the user's to keep: the rest comes from the system file."""
    profile.validate()
    items = [item for item in _own_items(path) if item.get("name") != profile.name]
    if any(p.name == profile.name for p in load_system_profiles(system)):
        items.append({"name": profile.name, "user": profile.user})
    else:
        items.append(asdict(profile))
    _save(sorted(items, key=lambda item: str(item.get("name", "")).casefold()), path)


def find_profile(name: str, path: Path | None = None) -> Profile | None:
    for profile in load_profiles(path):
        if profile.name == name:
            return profile
    return None


def with_user(profile: Profile, user: str) -> Profile:
    return replace(profile, user=user)
