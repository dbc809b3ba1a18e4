"""A guard against a reference-counting bug of PySide6 6.12 on Python 3.11.

PySide6 6.12's stable-ABI (abi3) build returns ``None`` from every void method, and
``True`` from ``Signal.emit()``, without taking a new reference: correct on Python 3.12,
where these objects are immortal, but on Python 3.11 every such call drops the object's
count by one. Measured here: typing a word into the search field costs ``None`` about 20
references, and a fresh desk starts with some 50,000, so a day of use (or the teardown
after a long test run) ends in "Fatal Python error: none_dealloc" or "bool_dealloc".

:func:`keep_singletons_alive` gives ``None``, ``True`` and ``False`` a reference count
that cannot run out — what Python 3.12 does for them — before any Qt call is made. It
changes nothing else: these objects are never freed anyway. Remove it once the project
requires Python ≥ 3.12 or a PySide6 without the bug.
"""

from __future__ import annotations

import ctypes
import sys

# Far more references than a process can drop in its lifetime, far from overflowing.
_RESERVE = 1 << 40
_done = False


def keep_singletons_alive() -> None:
    """Make ``None``, ``True`` and ``False`` effectively immortal (Python < 3.12 only)."""
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    for obj in (None, True, False):
        # CPython keeps the reference count in the object's first field (ob_refcnt).
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    _done = True
