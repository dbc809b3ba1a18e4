"""The desk's long-lived objects kept out of the garbage collector's full passes.

A full collection (generation 2) walks every object the collector tracks and holds the
GIL while it does, whichever thread set it off: a search on the worker thread that made
the allocation which tipped the count stopped the GUI thread for the whole pass. On the
bench (issue 12) that pass was the GUI thread's longest stall: 57 ms on a quiet machine
with the 1,000,000-customer register, up to 441 ms on a loaded one, at some 0.8 µs per
object. Nearly all of those objects are the desk's own, made while it starts (modules,
Qt wrappers, SQLAlchemy's tables and compiled statements) and alive until it closes.

So once the desk's window is up, :func:`settle` collects start-up's garbage once and
freezes the survivors (``gc.freeze()``): full passes skip frozen objects, and objects made
later are collected exactly as before.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """Collect once, then keep every surviving object out of later full collections."""
    gc.collect()
    gc.freeze()
