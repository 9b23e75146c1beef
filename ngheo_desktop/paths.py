"""Where bundled files and per-user data live — one function each, frozen-aware.

Bundled files (``forms/``, ``resources/``) sit beside the package in a source checkout and under
``sys._MEIPASS`` in a PyInstaller build. User data (database, keys, settings, logs) lives in the
platform's data folder, moved by ``NGHEO_HOME`` for tests, scripts and portable use.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from ngheo_desktop import APP_NAME


def bundle_root() -> Path:
    """The folder holding ``forms/`` and ``resources/``, from source or from a frozen build."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def bundled(*parts: str) -> Path:
    return bundle_root().joinpath(*parts)


def forms_dir() -> Path:
    return bundled("forms")


def data_home() -> Path:
    """The per-installation data folder (created on demand)."""
    override = os.environ.get("NGHEO_HOME")
    home = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home
