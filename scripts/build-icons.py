"""Renders the app icon (resources/icons/ngheo.svg) to the PNG and ICO files the builds need.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/build-icons.py

PyInstaller wants an .ico on Windows; Linux desktops and the About dialog use the PNG.
"""

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"

app = QGuiApplication([])
icon = QIcon(str(ICONS / "ngheo.svg"))
icon.pixmap(256, 256).save(str(ICONS / "ngheo.png"))
icon.pixmap(256, 256).save(str(ICONS / "ngheo.ico"))
print("wrote", ICONS / "ngheo.png", ICONS / "ngheo.ico")
