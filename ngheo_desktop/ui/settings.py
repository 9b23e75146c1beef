"""The app's settings, declared with defaults and a version, kept in QSettings.

With ``NGHEO_HOME`` set (tests, portable use) the settings file lives inside it as ``settings.ini``, so
nothing is written to the real user profile; otherwise Qt's per-user location is used.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QSettings

from ngheo_desktop import APP_NAME
from ngheo_desktop.paths import data_home
from ngheo_desktop.store import default_db_path

SETTINGS_VERSION = 1
LANGUAGES = ("vi", "en")


@dataclass
class Settings:
    """What the user can change in the settings dialog; an empty database path means the default file."""

    surveyor_name: str = ""
    commune: str = ""
    language: str = "vi"
    database_path: str = ""

    def database_file(self) -> Path:
        return Path(self.database_path) if self.database_path else default_db_path()


def qsettings() -> QSettings:
    if os.environ.get("NGHEO_HOME"):
        return QSettings(str(data_home() / "settings.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_NAME, APP_NAME)


def ui_state(key: str, default: str | None = None) -> str | None:
    """Per-machine screen state (e.g. where an unfinished assessment stopped), beside the settings."""
    value = qsettings().value(f"state/{key}", default)
    return None if value is None else str(value)


def set_ui_state(key: str, value: str | None) -> None:
    store = qsettings()
    if value is None:
        store.remove(f"state/{key}")
    else:
        store.setValue(f"state/{key}", value)
    store.sync()


def load_settings() -> Settings:
    store = qsettings()
    values = {}
    for f in fields(Settings):
        raw = store.value(f.name, f.default)
        values[f.name] = str(raw) if raw is not None else f.default
    settings = Settings(**values)
    if settings.language not in LANGUAGES:
        settings.language = "vi"
    return settings


def save_settings(settings: Settings) -> None:
    store = qsettings()
    store.setValue("version", SETTINGS_VERSION)
    for f in fields(Settings):
        store.setValue(f.name, getattr(settings, f.name))
    store.sync()
