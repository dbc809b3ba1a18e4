"""The log files: private, rotated, redacted; and the log calls pass no personal values."""

from __future__ import annotations

import ast
import logging
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kkdesk import logs

KKDESK = Path(logs.__file__).resolve().parent

# A customer's personal fields (kkdesk/domain/customer.py) and secrets: never an argument
# of a log call, as a variable or an attribute (customer numbers and ids are fine).
PERSONAL = {
    "name",
    "surname",
    "first_names",
    "company_name",
    "email",
    "phone",
    "phone_home",
    "phone_mobile",
    "phone_work",
    "street",
    "postal_code",
    "post_office",
    "address",
    "birth_date",
    "notes",
    "old_value",
    "new_value",
    "password",
    "secret",
    "draft",
    "customer",
    "summary",
}


@pytest.fixture
def log_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv(logs.LOG_ENV, str(tmp_path / "log"))
    root = logging.getLogger()
    level = root.level
    path = logs.install(logging.DEBUG, stderr=False)
    yield path
    logs.uninstall()
    root.setLevel(level)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("opened customer 1000009", "opened customer 1000009"),
        ("mail matti.mottonen@example.fi", "mail <e-mail>"),
        ("call 040 123 4567 or +358401234567", "call <phone> or <phone>"),
        ("landline (09) 123 4567", "landline <phone>"),
        ("id 131052-308T", "id <id-code>"),
        (
            "postgresql://clerk:Secr3t@db.example:5432/kk",
            "postgresql://clerk:***@db.example:5432/kk",
        ),
        ("connect password=hunter2 host=x", "connect password=*** host=x"),
        (
            "[SQL: SELECT x]\n[parameters: ('Möttönen', 'Mannerheimintie 1')]\n(Background on",
            "[SQL: SELECT x]\n[parameters: <hidden>]\n(Background on",
        ),
        (
            "DETAIL:  Key (email)=(a@b.fi) already exists.",
            "DETAIL:  Key (email)=(<hidden>) already exists.",
        ),
        # What the log is for stays readable.
        ("Y-tunnus 0109862-8, order 20240001234", "Y-tunnus 0109862-8, order 20240001234"),
        (
            "2026-12-02 13:00:01 took 1234.5 ms for 20000 rows",
            "2026-12-02 13:00:01 took 1234.5 ms for 20000 rows",
        ),
    ],
)
def test_redact(text: str, expected: str) -> None:
    assert logs.redact(text) == expected


def test_the_log_folder_and_files_are_private_and_rotate(
    log_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert stat.S_IMODE(log_file.parent.stat().st_mode) == 0o700
    handler = next(
        h for h in logging.getLogger().handlers if isinstance(h, logs.PrivateRotatingFileHandler)
    )
    handler.maxBytes = 2000
    for i in range(400):
        logging.getLogger("kkdesk.test").info("line %d of the rotation test", i)
    files = sorted(log_file.parent.iterdir())
    assert len(files) == 1 + logs.BACKUPS
    for file in files:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_records_are_redacted_in_messages_arguments_and_tracebacks(log_file: Path) -> None:
    log = logging.getLogger("kkdesk.test")
    log.info("customer %s wrote from %s", "1000009", "matti@example.fi")
    try:
        raise ValueError("no such address: matti@example.fi, 040 123 4567")
    except ValueError:
        log.exception("a bug")
    logging.getLogger("sqlalchemy.engine.Engine").info("[cached] ('Möttönen%%',)")
    text = log_file.read_text(encoding="utf-8")
    assert "customer 1000009 wrote from <e-mail>" in text
    assert "Traceback" in text and "ValueError: no such address: <e-mail>, <phone>" in text
    assert "matti@" not in text and "123 4567" not in text
    assert "Möttönen" not in text  # SQLAlchemy's statement log never reaches the file


def _log_calls(tree: ast.AST) -> Iterator[ast.Call]:
    levels = {"debug", "info", "warning", "error", "exception", "critical", "log"}
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in levels
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in {"log", "logger", "logging", "_log"}
        ):
            yield node


def test_no_log_call_passes_a_personal_value() -> None:
    """Every log call of the package, by the names its arguments use: a customer's fields,
    a whole customer or draft, or a secret never go in (the number does)."""
    bad = []
    calls = 0
    for source in sorted(KKDESK.rglob("*.py")):
        tree = ast.parse(source.read_text(encoding="utf-8"))
        for call in _log_calls(tree):
            calls += 1
            for arg in [*call.args[1:], *(k.value for k in call.keywords if k.arg != "exc_info")]:
                for node in ast.walk(arg):
                    used = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
                    if used in PERSONAL:
                        bad.append(f"{source.relative_to(KKDESK)}:{call.lineno} {used}")
    assert calls >= 5  # the walk found the package's log calls
    assert not bad, bad


def test_an_unwritable_log_folder_leaves_standard_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv(logs.LOG_ENV, str(blocker / "log"))  # a folder inside a file
    level = logging.getLogger().level
    try:
        assert logs.install(stderr=False) is None
        assert any(
            isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler)
            for h in logging.getLogger().handlers
            if any(isinstance(f, logs.Redactor) for f in h.filters)
        )
    finally:
        logs.uninstall()
        logging.getLogger().setLevel(level)
