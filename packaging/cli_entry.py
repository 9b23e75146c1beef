"""PyInstaller entry point of the command line (``ngheo``)."""

from ngheo_desktop.cli import main

raise SystemExit(main())
