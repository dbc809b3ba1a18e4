"""Private files: everything kkdesk writes is readable by its user alone.

The register, letters, JSON copies, marketing exports, preferences and profiles hold
personal data or say where it is, and the usual umask (022) would leave them readable by
every account on the machine. So every file kkdesk writes goes through here: created 0600
(``tempfile.mkstemp`` does that whatever the umask), written beside its final name and
moved into place in one step, so that a crash or a full disk never leaves half a file or
an earlier file damaged. A folder kkdesk creates for itself is 0700; a folder the user
chose is left as it is (it is theirs), but the file in it is still 0600.

Domain-free and below every layer (like :mod:`kkdesk.errors` and :mod:`kkdesk.config`),
so that the store, the services, the command line and the desk all use the same helper.
Failures stay ``OSError``: each caller says in its own words what could not be written
(:func:`unwritable` makes the usual sentence).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import IO, Literal, overload

from kkdesk.errors import KnownError

log = logging.getLogger(__name__)

FILE_MODE = 0o600
FOLDER_MODE = 0o700
# SQLite's companions of a database file: the write-ahead log, its shared-memory index and
# the rollback journal. SQLite creates them with the database file's own mode.
SQLITE_COMPANIONS = ("-wal", "-shm", "-journal")


def private_folder(path: str | os.PathLike[str]) -> Path:
    """``path`` as a folder: every part that is missing is created 0700 (parents too); a
    folder that already exists is left as it is."""
    folder = Path(path)
    missing: list[Path] = []
    probe = folder
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=FOLDER_MODE)
        except FileExistsError:
            continue  # made meanwhile by someone else: theirs, left alone
        part.chmod(FOLDER_MODE)  # an odd umask (e.g. 0277) must not narrow or widen it
    return folder


def restrict_folder(path: str | os.PathLike[str]) -> None:
    """Make kkdesk's own folder (never one the user chose) 0700 if it is wider."""
    folder = Path(path)
    if folder.is_dir() and stat.S_IMODE(folder.stat().st_mode) & 0o077:
        folder.chmod(FOLDER_MODE)


def restrict(path: str | os.PathLike[str]) -> None:
    """Make an existing file 0600 if others could read or write it (a file written by an
    older kkdesk, or copied in with the umask's mode)."""
    file = Path(path)
    try:
        mode = stat.S_IMODE(file.stat().st_mode)
    except FileNotFoundError:
        return
    if mode & 0o077:
        file.chmod(mode & 0o700 | FILE_MODE)


def prepare_sqlite_file(path: str | os.PathLike[str]) -> None:
    """Before SQLite opens ``path``: the file exists and is 0600, and so are any journal
    files beside it. SQLite gives the journal, WAL and shared-memory files the database
    file's mode, so creating the database file 0600 first covers them all without
    touching the process-wide umask (which the desk's worker threads share)."""
    file = Path(path)
    if not file.exists():
        # Made meanwhile by another kkdesk (FileExistsError): made private below.
        with contextlib.suppress(FileExistsError):
            os.close(os.open(file, os.O_RDWR | os.O_CREAT | os.O_EXCL, FILE_MODE))
    if not _is_sqlite(file):
        return  # some other file given by mistake: SQLite refuses it, and it is left as it is
    for candidate in (file, *(Path(f"{file}{suffix}") for suffix in SQLITE_COMPANIONS)):
        try:
            restrict(candidate)
        except PermissionError:
            # Someone else's file (a shared register): not ours to change; SQLite still
            # opens it as far as its own mode allows.
            log.warning("%s is readable by others and not ours to make private", candidate)


def _is_sqlite(path: Path) -> bool:
    """Empty (a register about to be made) or starting with SQLite's header."""
    try:
        with path.open("rb") as f:
            head = f.read(16)
    except OSError:
        return False
    return head in (b"", b"SQLite format 3\x00")


@overload
def writing(
    path: str | os.PathLike[str],
    *,
    binary: Literal[False] = ...,
    newline: str | None = ...,
    make_folder: bool = ...,
) -> AbstractContextManager[IO[str]]: ...
@overload
def writing(
    path: str | os.PathLike[str],
    *,
    binary: Literal[True],
    newline: str | None = ...,
    make_folder: bool = ...,
) -> AbstractContextManager[IO[bytes]]: ...
def writing(
    path: str | os.PathLike[str],
    *,
    binary: bool = False,
    newline: str | None = None,
    make_folder: bool = False,
) -> AbstractContextManager[IO[str]] | AbstractContextManager[IO[bytes]]:
    """``with writing(path) as out:`` — a 0600 file that appears as ``path`` only when the
    block ends without an exception (UTF-8 text, or bytes with ``binary=True``).

    Whatever else the block does before it ends (record a disclosure, audit an export)
    happens before the file appears; if it fails, no file appears and an earlier file of
    that name is kept. ``make_folder`` creates a missing folder 0700 (kkdesk's own
    folders); otherwise a missing folder is the caller's to report (``FileNotFoundError``).
    """
    staged = _staged(Path(path), binary=binary, newline=newline, make_folder=make_folder)
    return staged  # type: ignore[return-value]  # the overloads say which IO it is


def staged(path: str | os.PathLike[str], *, make_folder: bool = False) -> tuple[int, Path]:
    """A new 0600 file beside ``path`` (an open descriptor and its name) to write and then
    :func:`publish` as ``path``; the caller removes it if anything fails first."""
    target = Path(path)
    if target.is_dir():
        raise IsADirectoryError(errno.EISDIR, "Is a folder", str(target))
    folder = target.parent
    if make_folder:
        private_folder(folder)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    return fd, Path(tmp_name)


def publish(tmp: Path, path: str | os.PathLike[str]) -> None:
    """Move a finished :func:`staged` file into place as ``path``, on disk first."""
    fd = os.open(tmp, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


@contextmanager
def _staged(
    target: Path, *, binary: bool, newline: str | None, make_folder: bool
) -> Iterator[IO[str] | IO[bytes]]:
    fd, tmp = staged(target, make_folder=make_folder)
    try:
        # Closed by the with below, before the move.
        out: IO[str] | IO[bytes] = (
            open(fd, "wb")  # noqa: SIM115
            if binary
            else open(fd, "w", encoding="utf-8", newline=newline)  # noqa: SIM115
        )
        with out:
            yield out
        publish(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def write_private(
    path: str | os.PathLike[str], data: bytes | str, *, make_folder: bool = False
) -> None:
    """Write ``data`` (bytes, or text as UTF-8) to ``path`` as a 0600 file, atomically."""
    with _staged(
        Path(path), binary=isinstance(data, bytes), newline=None, make_folder=make_folder
    ) as out:
        out.write(data)  # type: ignore[arg-type]  # bytes into a binary file, str into text


def unwritable(path: str | os.PathLike[str], exc: OSError) -> KnownError:
    """The sentence for a file that could not be written (code ``file_unwritable``; the
    folder missing: ``no_such_folder``)."""
    target = Path(path)
    if isinstance(exc, FileNotFoundError) and not target.parent.is_dir():
        return KnownError(
            f"The folder {target.parent} does not exist; choose an existing folder. "
            "Nothing was written.",
            code="no_such_folder",
            folder=str(target.parent),
        )
    reason = exc.strerror or str(exc)
    return KnownError(
        f"{target} could not be written: {reason}. Nothing was written.",
        code="file_unwritable",
        path=str(target),
        reason=reason,
    )
