"""The bundled font, icon and the app's look: the same on every machine, never relying on system fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from ngheo_desktop.paths import bundled

FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")
FONT_POINT_SIZE = 10

# Colours: a calm blue for structure, red/amber/green only where they carry meaning (class, marks).
#
# The sheet is set on each screen opened from the main window (``MainWindow.childEvent``), not on the
# application: a widget under any style sheet paints through Qt's style-sheet engine, which made the
# register's table ~40 % slower to paint and the window ~40 ms slower to start. The main window's own
# styled labels take their rule directly.
HELP_TEXT = "color: #5f6b76; font-size: 9pt;"
DEMO_BANNER = ("background: #fff4d6; border-bottom: 1px solid #e8c96a; padding: 6px 10px; color: #5c4300; "
               "font-weight: bold;")
STYLESHEET = "QLabel#help { " + HELP_TEXT + " }\nQLabel#demoBanner { " + DEMO_BANNER + " }\n" + """
QLabel#title { font-size: 15pt; font-weight: bold; color: #17324d; }
QLabel#pageTitle { font-size: 13pt; font-weight: bold; color: #17324d; padding: 4px 0 8px 0; }
QLabel#subtitle { font-size: 12pt; font-weight: bold; color: #17324d; padding-bottom: 6px; }
QLabel#caption { font-size: 9pt; color: #5a6b7b; }
QLabel#question { font-weight: bold; color: #22303c; }
QLabel#error { color: #b3261e; font-size: 9pt; }
QLabel#warning { background: #fff4d6; border: 1px solid #e8c96a; border-radius: 4px; padding: 6px;
                 color: #5c4300; }
QLabel#status[ok="true"] { color: #1b7f3b; }
QLabel#status[ok="false"] { color: #8a5a00; }
QLabel#classBadge { font-size: 14pt; font-weight: bold; border-radius: 6px; padding: 10px; }
QLabel#classBadge[kind="poor"] { background: #fde4e1; color: #8c1d18; border: 1px solid #f0a79f; }
QLabel#classBadge[kind="near_poor"] { background: #fff0d1; color: #7a4f00; border: 1px solid #f0c56a; }
QLabel#classBadge[kind="above"] { background: #e2f3e6; color: #1b5e2f; border: 1px solid #9fd3ad; }
QLabel#classBadge[kind="unknown"] { background: #eceff3; color: #3f4b57; border: 1px solid #c6cdd5; }
QLineEdit[invalid="true"], QComboBox[invalid="true"] { border: 1px solid #b3261e; background: #fff5f4; }
QListWidget#sectionNav { font-size: 10pt; }
QListWidget#sectionNav::item { padding: 6px 0px; }
QListWidget#sectionNav::item:selected { background: #d6e6f5; color: #17324d; }
QListWidget#sectionNav::item:disabled { color: #9aa5b1; }
QPushButton#primary { font-weight: bold; padding: 5px 14px; }
QScrollArea#resultPanel { background: #f7f9fb; border-left: 1px solid #dde3ea; }
QLabel#verdict { font-size: 13pt; font-weight: bold; border-radius: 6px; padding: 10px; }
QLabel#verdict[status="match"] { background: #e2f3e6; color: #1b5e2f; border: 1px solid #9fd3ad; }
QLabel#verdict[status="outdated"] { background: #fff0d1; color: #7a4f00; border: 1px solid #f0c56a; }
QLabel#verdict[status="unknown"] { background: #fde4e1; color: #8c1d18; border: 1px solid #f0a79f; }
QLabel#verdict[status="none"] { background: #eceff3; color: #5f6b76; border: 1px solid #c6cdd5;
                                font-weight: normal; }
"""


def register_fonts() -> str:
    """Register the bundled DejaVu Sans and return its family name."""
    family = ""
    for name in FONT_FILES:
        font_id = QFontDatabase.addApplicationFont(str(bundled("resources", "fonts", name)))
        if font_id >= 0 and not family:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


# Qt's own style, the same on every system. ``ui.app`` passes it on the command line Qt reads when the
# application is created: asking the style object for its name from Python first builds PySide's QStyle
# type, ~10 ms of start-up.
STYLE = "Fusion"


def apply_theme(app: QApplication, *, style_chosen: bool = False) -> None:
    """The bundled font, the icon and (unless ``style_chosen`` at creation) the style."""
    family = register_fonts()
    if family:
        app.setFont(QFont(family, FONT_POINT_SIZE))
    app.setWindowIcon(QIcon(str(bundled("resources", "icons", "ngheo.png"))))
    if not style_chosen and app.style().name().lower() != STYLE.lower():
        app.setStyle(STYLE)
