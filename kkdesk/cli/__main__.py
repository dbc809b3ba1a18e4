"""``python -m kkdesk.cli``: the command line without the desk."""

from kkdesk.cli import main

raise SystemExit(main())
