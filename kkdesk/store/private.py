"""Files only their owner may read, for backups, snapshots and the offline read journal.

Backups, snapshots and the journal hold customer data (or keys to it). They go through
:mod:`kkdesk.files` like every file kkdesk writes (0600 from the first byte, in 0700
folders, moved into place in one step); this module adds what these three need on top:
errors already in words, a refusal to replace a file that exists, and writing from chunks
so that a large image is never joined in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from kkdesk import files
from kkdesk.errors import KnownError


def private_folder(path: Path) -> None:
    """Create ``path`` (and missing parents) 0700; an existing folder is left as it is."""
    try:
        files.private_folder(path)
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
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, files.FILE_MODE)
    except FileExistsError as exc:
        raise _exists(path) from exc
    except OSError as exc:
        raise files.unwritable(path, exc) from exc
    os.close(fd)


def write_private(path: Path, chunks: Iterable[bytes], *, overwrite: bool = False) -> None:
    """Write ``chunks`` to ``path`` (0600) through a temporary name in the same folder,
    so that a full disk or a crash never leaves half a file under the real name."""
    private_folder(path.parent)
    if path.exists() and not overwrite:
        raise _exists(path)
    try:
        with files.writing(path, binary=True) as out:
            for chunk in chunks:
                out.write(chunk)
    except OSError as exc:
        raise files.unwritable(path, exc) from exc


def _exists(path: Path) -> KnownError:
    return KnownError(
        f"{path} exists already; give another name.", code="file_exists", path=str(path)
    )
