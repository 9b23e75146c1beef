"""scripts/screenshots.py, the review screenshots of issue #4, keeps working."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "screenshots.py"
SHOTS = ("main-window.png", "main-window-search.png", "household-editor.png", "wizard-midway.png",
         "result-panel.png", "main-window-en.png")


def test_the_screenshot_script_writes_every_screen(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    subprocess.run([sys.executable, str(SCRIPT), str(tmp_path)], check=True, env=env, capture_output=True,
                   timeout=120)
    for name in SHOTS:
        image = QImage(str(tmp_path / name))
        assert image.width() >= 300 and image.height() >= 500, name  # the result panel is the narrow one
