"""``python -m ngheo_desktop`` is the ``ngheo`` command line."""

from ngheo_desktop.cli import main

raise SystemExit(main())
