"""Start-up: bundled font, settings in NGHEO_HOME, first start on a labelled demo commune, English."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QToolButton,
)

from ngheo_desktop.criteria import default_questionnaire
from ngheo_desktop.paths import data_home
from ngheo_desktop.store import DamagedFile
from ngheo_desktop.ui import app as app_module
from ngheo_desktop.ui import first_start
from ngheo_desktop.ui.i18n import install_language, label, translations_dir
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.settings import Settings, load_settings, save_settings
from ngheo_desktop.ui.settings_dialog import SettingsDialog


def test_bundled_font_is_the_app_font(qapp):
    assert "DejaVu Sans" in QFontDatabase.families()
    assert QApplication.font().family() == "DejaVu Sans"


def test_settings_live_in_ngheo_home():
    save_settings(Settings(surveyor_name="Hà Thị Lan", commune="Xã Bát Xát", language="en"))
    assert (data_home() / "settings.ini").exists()
    loaded = load_settings()
    assert (loaded.surveyor_name, loaded.commune, loaded.language) == ("Hà Thị Lan", "Xã Bát Xát", "en")
    assert loaded.database_file() == data_home() / "ngheo.sqlite"


def test_first_start_opens_a_demo_commune(qtbot, monkeypatch):
    monkeypatch.setattr(first_start, "DEMO_HOUSEHOLDS", 40)
    first = app_module.start(Settings())
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.main_window is not None, timeout=30_000)
    window: MainWindow = first.main_window
    qtbot.addWidget(window)
    assert window.session.is_demo
    assert not window.demo_banner.isHidden()
    assert "dữ liệu mẫu" in window.windowTitle()
    assert window.model.rowCount() == 40
    window.close()
    # A second start opens the same file directly, no demo generation.
    again = app_module.start(Settings())
    qtbot.addWidget(again)
    assert isinstance(again, MainWindow)
    assert again.model.rowCount() == 40
    again.close()


def test_english_translation_switches_our_strings_and_form_labels(qapp):
    section = default_questionnaire().sections[0]
    try:
        assert install_language(qapp, "en")
        assert qapp.translate("MainWindow", "Thêm hộ mới") == "New household"
        assert label(section) == "Household"
    finally:
        install_language(qapp, "vi")
    assert label(section) == "Thông tin hộ"


@pytest.mark.parametrize("catalogue", ["ngheo_en", "qt_vi"])
def test_translation_is_complete_and_compiled_from_its_source(tmp_path, catalogue):
    """The .qm in the repository is exactly what lrelease makes of the .ts, and nothing is left untranslated."""
    source = translations_dir() / f"{catalogue}.ts"
    assert 'type="unfinished"' not in source.read_text(encoding="utf-8")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    if not Path(lrelease).exists():
        pytest.skip("pyside6-lrelease is not installed")
    out = tmp_path / f"{catalogue}.qm"
    subprocess.run([lrelease, "-silent", str(source), "-qm", str(out)], check=True)
    assert out.read_bytes() == (translations_dir() / f"{catalogue}.qm").read_bytes()


def test_qt_s_own_buttons_menus_and_file_dialog_speak_vietnamese(qapp):
    """Qt ships no Vietnamese: standard buttons, the text-field menu and the file dialog (where the
    system has no native one) come from our qt_vi catalogue, and go back to English with the language."""
    def button_texts():
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                               | QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Yes
                               | QDialogButtonBox.StandardButton.No)
        return {b.text() for b in box.buttons()}

    def menu_texts():
        edit = QLineEdit()
        menu = edit.createStandardContextMenu()
        return {a.text().split("\t")[0] for a in menu.actions() if a.text()}

    def file_dialog_texts():
        dialog = QFileDialog(None, "", str(Path.home()), "Tệp đồng bộ (*.ngheo)")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        texts = {w.text() for w in dialog.findChildren(QLabel)}
        texts |= {w.toolTip() for w in dialog.findChildren(QToolButton)}
        dialog.deleteLater()
        return texts - {""}

    assert install_language(qapp, "vi")
    assert button_texts() == {"OK", "Hủy", "Đóng", "&Có", "&Không"}
    assert menu_texts() == {"&Hoàn tác", "&Làm lại", "Cắ&t", "&Sao chép", "&Dán", "Xóa", "Chọn tất cả"}
    assert {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:", "Thư mục cha", "Tạo thư mục mới"} <= file_dialog_texts()
    # The GNOME platform theme names its buttons under its own context.
    assert qapp.translate("QGnomeTheme", "&Cancel") == "&Hủy" and qapp.translate("QGnomeTheme", "&Close") == "Đó&ng"
    try:
        assert install_language(qapp, "en")
        assert "Cancel" in button_texts() and "&Copy" in menu_texts()
    finally:
        install_language(qapp, "vi")


def test_a_damaged_database_is_reported_after_the_window_opens(qtbot, monkeypatch, tmp_path):
    """The integrity check runs behind the opened window; a failure reaches the error presenter."""
    shown = []
    monkeypatch.setattr("ngheo_desktop.ui.app.present_error", lambda exc, parent=None: shown.append(exc))
    def damaged(_progress, db_path):
        raise DamagedFile(db_path, "trang 7 hỏng", None)

    monkeypatch.setattr(app_module.Session, "check_integrity", staticmethod(damaged))
    monkeypatch.setattr(first_start, "DEMO_HOUSEHOLDS", 5)
    first = app_module.start(Settings())
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.main_window is not None, timeout=30_000)
    qtbot.addWidget(first.main_window)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert isinstance(shown[0], DamagedFile)
    first.main_window.close()


def test_settings_dialog_round_trip(qtbot, keyboard):
    dialog = SettingsDialog(Settings(surveyor_name="", commune="Xã Quỳnh Thắng"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.surveyor.setFocus()
    keyboard.type("Đặng Thị Huệ", dialog.surveyor)
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    chosen = dialog.settings()
    assert (chosen.surveyor_name, chosen.commune, chosen.language) == ("Đặng Thị Huệ", "Xã Quỳnh Thắng", "en")
    assert chosen.database_path == ""          # the default file stays "default", not a fixed path
    # Every label's Alt shortcut reaches its field (none shows a literal "&"), and no two collide.
    shortcuts = [label.text().split("&")[1][0].lower() for label in dialog.findChildren(QLabel) if "&" in label.text()]
    assert all(label.buddy() is not None for label in dialog.findChildren(QLabel) if "&" in label.text())
    assert len(shortcuts) == len(set(shortcuts)) == 4


def test_every_interface_string_has_an_english_translation(tmp_path):
    """lupdate over the ui package finds no string that the English catalogue lacks (run
    scripts/build-translations.sh and translate in resources/translations/ngheo_en.ts when this fails)."""
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent / "pyside6-lupdate")
    if not Path(lupdate).exists():
        pytest.skip("pyside6-lupdate is not installed")
    copy = tmp_path / "ngheo_en.ts"
    shutil.copyfile(translations_dir() / "ngheo_en.ts", copy)
    sources = sorted(str(p) for p in (Path(app_module.__file__).parent).glob("*.py"))
    subprocess.run([lupdate, *sources, "-source-language", "vi_VN", "-target-language", "en_GB", "-no-obsolete",
                    "-locations", "none", "-silent", "-ts", str(copy)], check=True)
    untranslated = [m.find("source").text for m in ElementTree.parse(copy).iter("message")
                    if m.find("translation").get("type") == "unfinished"]
    assert untranslated == []


def _demo_made_then_on_a_removable_drive(qtbot, monkeypatch, households: int) -> None:
    """A first start builds a demo of ``households`` and its window is closed; the drive then reads as removable."""
    from ngheo_desktop import drives
    from ngheo_desktop.services import register

    monkeypatch.setattr(first_start, "DEMO_HOUSEHOLDS", households)
    first = app_module.start(Settings())
    qtbot.addWidget(first)
    qtbot.waitUntil(lambda: first.main_window is not None, timeout=30_000)
    first.main_window.close()
    monkeypatch.setattr(register, "drive_kind", lambda path: drives.REMOVABLE)


def test_a_database_on_a_removable_drive_is_warned_about_without_blocking(qtbot, monkeypatch, keyboard):
    _demo_made_then_on_a_removable_drive(qtbot, monkeypatch, 20)
    window = app_module.start(Settings())
    qtbot.addWidget(window)
    assert isinstance(window, MainWindow)
    # The drive is checked right after the window is on screen.
    qtbot.waitUntil(lambda: getattr(window, "drive_warning", None) is not None)
    assert window.drive_warning.isVisible() and "ổ đĩa rời" in window.drive_warning.text()
    # The register is usable behind the warning: listed, and its shortcuts answer (Ctrl+F to search).
    assert window.model.rowCount() == 20
    assert QApplication.activeModalWidget() is None
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    keyboard.press(Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier, widget=window.table)
    assert window.search_box.hasFocus()
    window.drive_warning.close()
    window.close()


def test_a_window_closed_before_its_drive_check_leaves_no_warning_behind(qtbot, monkeypatch):
    """The drive check runs once the window is on screen; if the user closed it first, no box is left open."""
    _demo_made_then_on_a_removable_drive(qtbot, monkeypatch, 5)
    window = app_module.open_window(Settings())
    qtbot.addWidget(window)
    window.close()                       # before the event loop runs the check
    qtbot.wait(50)
    assert getattr(window, "drive_warning", None) is None
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
