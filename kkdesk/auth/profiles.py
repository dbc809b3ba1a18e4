"""Connection profiles: named central databases (host, port, database, user, TLS).

Profiles are settings, kept as JSON beside the preferences in the user's config folder. They
never hold a password: :mod:`kkdesk.auth.keychain` keeps those in the OS keyring.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy.engine import URL, make_url

from kkdesk import files
from kkdesk.auth.keychain import credential_key
from kkdesk.config import config_dir
from kkdesk.errors import FieldError, PasswordInUrl, ValidationFailed

# kkdesk's URL parameter for allow_insecure (kkdesk.store.database.INSECURE_OPT_IN: the
# store is not the auth layer's to import).
INSECURE_OPT_IN = "kkdesk_allow_insecure"
SSL_MODES = ("disable", "allow", "prefer", "require", "verify-ca", "verify-full")
FILE_NAME = "profiles.json"


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


def load_profiles(path: Path | None = None) -> list[Profile]:
    """The saved profiles; a missing or damaged file gives none (it holds no secrets)."""
    try:
        raw = json.loads(_path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    known = {f.name for f in fields(Profile)}
    profiles: list[Profile] = []
    for item in raw if isinstance(raw, list) else []:
        if not isinstance(item, dict):
            continue
        values: dict[str, Any] = {k: v for k, v in item.items() if k in known}
        try:
            profiles.append(Profile(**values))
        except TypeError:
            continue
    return profiles


def save_profiles(profiles: list[Profile], path: Path | None = None) -> None:
    # Atomic and 0600: a crash never leaves half a file (kkdesk.files).
    text = json.dumps([asdict(p) for p in profiles], indent=2)
    files.write_private(_path(path), text, make_folder=True)


def remember_profile(profile: Profile, path: Path | None = None) -> None:
    """Add or replace (by name) one profile."""
    profile.validate()
    profiles = [p for p in load_profiles(path) if p.name != profile.name]
    profiles.append(profile)
    save_profiles(sorted(profiles, key=lambda p: p.name.casefold()), path)


def find_profile(name: str, path: Path | None = None) -> Profile | None:
    for profile in load_profiles(path):
        if profile.name == name:
            return profile
    return None


def with_user(profile: Profile, user: str) -> Profile:
    return replace(profile, user=user)
