"""Where bundled files and per-user data live — one function each, frozen-aware.

Bundled files (``forms/``, ``resources/``) sit beside the package in a source checkout and under
``sys._MEIPASS`` in a PyInstaller build. User data (database, keys, settings, logs) lives, in order:
- in ``NGHEO_HOME`` when set (tests, scripts);
- beside the executable, in ``ngheo-data/``, when the marker file ``ngheo-portable.txt`` sits there
  (portable mode: the whole installation on a USB stick);
- otherwise in the platform's per-user data folder.
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


PORTABLE_MARKER = "ngheo-portable.txt"
PORTABLE_DATA = "ngheo-data"


def executable_dir() -> Path:
    """The folder of the app's executable (the frozen build) or of the source checkout."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return bundle_root()


def is_portable() -> bool:
    return "NGHEO_HOME" not in os.environ and (executable_dir() / PORTABLE_MARKER).is_file()


def identity_file() -> Path:
    """This installation's key file (``sync.keys``), named here so the window can see its role without
    loading the sync layer."""
    return data_home() / "keys" / "identity.json"


def data_home() -> Path:
    """The per-installation data folder (created on demand)."""
    override = os.environ.get("NGHEO_HOME")
    if override:
        home = Path(override)
    elif is_portable():
        home = executable_dir() / PORTABLE_DATA
    else:
        home = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    home.mkdir(parents=True, exist_ok=True)
    return home
