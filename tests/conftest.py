"""Test isolation: no test touches the real machine.

Qt runs offscreen; the app-data folder (database, keys, settings, logs) is a fresh ``tmp_path`` per test.
"""

from __future__ import annotations

import os

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path, monkeypatch):
    home = tmp_path / "ngheo-home"
    home.mkdir()
    monkeypatch.setenv("NGHEO_HOME", str(home))
    monkeypatch.delenv("NGHEO_DB", raising=False)
    monkeypatch.delenv("NGHEO_PASSPHRASE", raising=False)
    return home
