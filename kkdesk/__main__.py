"""`python -m kkdesk` is the same as the `kkdesk` command."""

from kkdesk.app import main

raise SystemExit(main())
