"""Files only their owner may read: 0600 files in 0700 folders, written atomically.

Backups, snapshots and the offline read journal hold customer data (or keys to it): they
are created with the right mode from the first byte (``os.open(..., 0o600)``), never
chmod-ed afterwards, so there is no moment when another local user could open them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kkdesk.errors import KnownError


def private_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) 0700; an existing folder is left as it is."""
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise KnownError(
            f"The folder {path} cannot be created: {exc.strerror}.",
            code="folder_unwritable",
            path=str(path),
        ) from exc


def create_private(path: Path) -> None:
    """Create ``path`` as an empty 0600 file; refuses one that exists (never truncates)."""
    private_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError as exc:
        raise KnownError(
            f"{path} exists already; give another name.", code="file_exists", path=str(path)
        ) from exc
    except OSError as exc:
        raise _unwritable(path, exc) from exc
    os.close(fd)


def write_private(path: Path, chunks: Iterable[bytes], *, overwrite: bool = False) -> None:
    """Write ``chunks`` to ``path`` (0600) through a temporary name in the same folder,
    so that a full disk or a crash never leaves half a file under the real name."""
    private_folder(path.parent)
    if path.exists() and not overwrite:
        raise KnownError(
            f"{path} exists already; give another name.", code="file_exists", path=str(path)
        )
    tmp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as out:
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _unwritable(path, exc) from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _unwritable(path: Path, exc: OSError) -> KnownError:
    return KnownError(
        f"{path} cannot be written: {exc.strerror}.",
        code="file_unwritable",
        path=str(path),
        reason=str(exc.strerror or exc),
    )
