"""TLS with ``sslmode=verify-full`` and a CA file, as docs/central-database.md sets it up:
the connection is encrypted and the server's certificate checked, and a certificate that
does not verify is refused with its own clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from kkdesk.auth.profiles import Profile
from kkdesk.domain.levels import Level
from kkdesk.errors import DatabaseUnavailable
from kkdesk.services.session import open_session

pytestmark = pytest.mark.postgres


def _openssl(*args: str, cwd: Path) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


def _make_ca(folder: Path, name: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    _openssl(
        "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", f"/CN={name}",
        "-keyout", "ca.key", "-out", "ca.pem", cwd=folder,
    )  # fmt: skip
    return folder / "ca.pem", folder / "ca.key"


@pytest.fixture(scope="module")
def tls_ca(pg_server: Any, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The test server with TLS on, its certificate signed by a CA of ours."""
    if shutil.which("openssl") is None:
        pytest.skip("the openssl command is needed to make test certificates")
    folder = tmp_path_factory.mktemp("tls")
    ca, ca_key = _make_ca(folder, "kkdesk test CA")
    (folder / "san.cnf").write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\n")
    _openssl(
        "req", "-new", "-nodes", "-subj", "/CN=localhost",
        "-keyout", "server.key", "-out", "server.csr", cwd=folder,
    )  # fmt: skip
    _openssl(
        "x509", "-req", "-in", "server.csr", "-CA", str(ca), "-CAkey", str(ca_key),
        "-CAcreateserial", "-days", "2", "-extfile", "san.cnf", "-out", "server.crt",
        cwd=folder,
    )  # fmt: skip
    data: Path = pg_server.data_dir
    for name in ("server.crt", "server.key"):
        target = data / f"kkdesk-test-{name}"
        shutil.copyfile(folder / name, target)
        target.chmod(0o600)
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            shutil.chown(target, "postgres", "postgres")
    with pg_server.connect() as su:
        su.execute(f"ALTER SYSTEM SET ssl_cert_file = '{data / 'kkdesk-test-server.crt'}'".encode())
        su.execute(f"ALTER SYSTEM SET ssl_key_file = '{data / 'kkdesk-test-server.key'}'".encode())
        su.execute(b"ALTER SYSTEM SET ssl = on")
        su.execute(b"SELECT pg_reload_conf()")
    try:
        yield ca
    finally:
        with pg_server.connect() as su:
            for setting in ("ssl", "ssl_cert_file", "ssl_key_file"):
                su.execute(f"ALTER SYSTEM RESET {setting}".encode())
            su.execute(b"SELECT pg_reload_conf()")


def _url(pg_db: Any, login: str, ca: Path) -> str:
    profile = Profile(
        "office",
        "localhost",
        pg_db.name,
        user=login,
        port=pg_db.server.port,
        sslmode="verify-full",
        sslrootcert=str(ca),
    ).validate()
    return str(profile.url().render_as_string(hide_password=False))


def test_verify_full_with_the_right_ca(pg_db: Any, tls_ca: Path) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    ds = open_session(_url(pg_db, clerk.login, tls_ca), password=clerk.password)
    try:
        assert ds.level is Level.CLERK
        with ds.db.engine.connect() as conn:
            encrypted = conn.execute(
                text("select ssl from pg_stat_ssl where pid = pg_backend_pid()")
            ).scalar_one()
        assert encrypted is True
    finally:
        ds.close()


def test_a_certificate_that_does_not_verify_is_refused(
    pg_db: Any, tls_ca: Path, tmp_path: Path
) -> None:
    clerk = pg_db.add_user(Level.CLERK)
    other_ca, _ = _make_ca(tmp_path / "other", "someone else's CA")
    with pytest.raises(DatabaseUnavailable) as info:
        open_session(_url(pg_db, clerk.login, other_ca), password=clerk.password)
    assert info.value.code == "tls_failed"
    assert "certificate" in info.value.message
    with pytest.raises(DatabaseUnavailable) as missing:
        open_session(_url(pg_db, clerk.login, tmp_path / "no-such-ca.pem"), password="x")
    assert missing.value.code == "tls_failed"
