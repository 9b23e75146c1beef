"""The app's own smoke test (what scripts/build.sh runs on the frozen build) and the About dialog."""

from __future__ import annotations

import os
import subprocess
import sys

from ngheo_desktop import __version__


def test_smoke_test_starts_on_a_demo_prints_a_sheet_and_exits_cleanly(tmp_path, _isolated_home):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "NGHEO_HOME": str(_isolated_home)}
    done = subprocess.run([sys.executable, "-m", "ngheo_desktop.ui.app", "--smoke-test", str(tmp_path / "out")],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "smoke-test: OK" in done.stdout
    sheet = tmp_path / "out" / "smoke-sheet.pdf"
    assert sheet.read_bytes().startswith(b"%PDF")
    assert (_isolated_home / "ngheo.sqlite").is_file()


def test_smoke_test_without_a_folder_is_a_usage_error():
    from ngheo_desktop.ui.app import main

    assert main(["--smoke-test"]) == 2


def test_about_names_version_standards_and_font_licence(qtbot):
    from ngheo_desktop.ui.about import AboutDialog

    dialog = AboutDialog("Văn phòng xã")
    qtbot.addWidget(dialog)
    text = dialog.text.toPlainText()
    assert __version__ in text and "Văn phòng xã" in text
    assert "vn-2022-2025" in text and "vn-2027-2030" in text and "chưa xác minh" in text
    assert "DejaVu" in text and "Bitstream" in text
