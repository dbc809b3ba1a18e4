"""The files kkdesk ships inside its package: the report fonts, the icons and the compiled
translations (``i18n/*.qm``, built from ``resources/i18n/*.ts`` by the wheel build and by
``make translations``).

They are found through :mod:`importlib.resources`, so they are wherever the package is —
a wheel's ``site-packages``, a PyInstaller bundle or the source tree — and never at a path
worked out from the source tree's layout.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
from importlib import resources
from pathlib import Path

# Files extracted from a zipped package live as long as the process (reportlab and Qt
# read them by path, long after they were looked up).
_extracted = contextlib.ExitStack()
atexit.register(_extracted.close)


@functools.cache
def path(name: str) -> Path:
    """The real path of one of our files or folders, e.g. ``path("fonts")``."""
    traversable = resources.files(__name__).joinpath(name)
    return Path(_extracted.enter_context(resources.as_file(traversable)))
