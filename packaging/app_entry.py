"""PyInstaller entry point of the desktop app (``ngheo-desktop``)."""

from ngheo_desktop.ui.app import main

raise SystemExit(main())
