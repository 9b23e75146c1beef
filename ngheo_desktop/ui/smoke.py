"""``ngheo-desktop --smoke-test OUT_DIR``: prove a build works end to end, without a person.

Starts the real app on a fresh data folder (so the first start builds the demo commune), waits for the
main window, opens the first assessed household in its editor, prints that household's assessment sheet to
``OUT_DIR/smoke-sheet.pdf`` through the reports service, draws its first page as the print preview does,
and exits. Exit code 0 means every step worked;
otherwise one line on stderr says which step failed. Used by scripts/build.sh on the frozen app.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ngheo_desktop.services import reports
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.pdf_preview import PdfPages

STEP_TIMEOUT_S = 180


def _wait_for(app: QApplication, condition, what: str) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"quá {STEP_TIMEOUT_S} s chờ {what}")
        app.processEvents()
        time.sleep(0.02)


def run(app: QApplication, shown, out_dir: Path) -> int:
    """``shown`` is what ``app.start`` returned: the main window, or the first-start screen."""
    started = time.monotonic()
    try:
        _wait_for(app, lambda: isinstance(shown, MainWindow) or getattr(shown, "main_window", None) is not None,
                  "cửa sổ chính")
        window: MainWindow = shown if isinstance(shown, MainWindow) else shown.main_window
        ids = window.session.household_ids()
        assessed = next((hid for hid in ids if window.session.assessments(hid)), None)
        if assessed is None:
            raise RuntimeError("cơ sở dữ liệu mẫu không có hộ nào đã rà soát")
        editor = window.open_household(assessed)
        if editor is None:
            raise RuntimeError("không mở được hộ")
        app.processEvents()
        out_dir.mkdir(parents=True, exist_ok=True)
        sheet = out_dir / "smoke-sheet.pdf"
        pages = reports.print_sheet(window.session.store, assessed, sheet)
        if pages < 1 or sheet.stat().st_size == 0:
            raise RuntimeError("phiếu rà soát rỗng")
        # The print preview draws pages with PDFium: a frozen build that lost its native library fails here.
        preview = PdfPages(sheet)
        try:
            image = preview.render(0, 72)
        finally:
            preview.close()
        if image.isNull() or image.width() < 500:
            raise RuntimeError("không vẽ được trang phiếu để xem trước")
        editor.close()
        window.close()
        app.processEvents()
    except Exception as exc:  # a smoke test reports any failure as one line and a non-zero code
        print(f"smoke-test: THẤT BẠI: {exc}", file=sys.stderr)
        return 1
    print(f"smoke-test: OK — {len(ids)} hộ mẫu, phiếu {pages} trang, {time.monotonic() - started:.1f} s")
    return 0
