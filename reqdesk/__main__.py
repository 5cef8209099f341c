"""``python -m reqdesk``: the same as the ``reqdesk`` command."""

from reqdesk.cli import main

raise SystemExit(main())
