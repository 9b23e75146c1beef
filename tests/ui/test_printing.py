"""Printing, reports and the paper-sheet check from the windows (offscreen, on a small demo commune)."""

from __future__ import annotations

import csv
import re
import subprocess
import threading
import unicodedata

import pypdfium2 as pdfium
import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QPushButton

from ngheo_desktop.paths import data_home
from ngheo_desktop.reports.checkcode import SheetStamp
from ngheo_desktop.services import reports
from ngheo_desktop.ui import pdf_preview, print_actions, worker
from ngheo_desktop.ui.pdf_preview import PreviewDialog
from ngheo_desktop.ui.reports_dialog import ReportsDialog
from ngheo_desktop.ui.sheet_verify import SheetVerifyDialog

CODE = re.compile(r"\b[0-9A-Z]{4}-[0-9A-Z]{4}-\d+-[0-9A-Z]{7}\b")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def assessed(session, window) -> str:
    return next(hid for hid in window.model.ids() if session.household_rows([hid])[hid].status == "approved")


def previews(window) -> list[PreviewDialog]:
    return [d for d in window.findChildren(PreviewDialog) if d.isVisible()]


def choose_village(window, village_id: str) -> None:
    tree = window.villages
    tree.setCurrentItem(next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
                             if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == village_id))


def jobs() -> list:
    folder = data_home() / print_actions.JOBS_FOLDER
    return sorted(folder.rglob("*")) if folder.exists() else []


@pytest.fixture
def opened(monkeypatch):
    """Files the app asked the desktop to open (never really opened in a test)."""
    urls = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def test_print_a_household_preview_save_and_print(main_window, session, qtbot, tmp_path, monkeypatch):
    hid = assessed(session, main_window)
    head = session.household(hid)["answers"]["head_name"]
    main_window.select_household(hid)
    main_window.print_action.trigger()
    qtbot.waitUntil(lambda: bool(previews(main_window)), timeout=10_000)
    preview = previews(main_window)[0]
    assert head in preview.windowTitle()
    assert preview.page_label.text().startswith("Trang 1/")
    assert not preview.view.grab().isNull()

    saved = tmp_path / "phieu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), "PDF (*.pdf)"))
    out = preview.save_as()
    assert out == tmp_path / "phieu.pdf"
    text = pdf_text(out)
    assert unicodedata.normalize("NFC", head) in text          # the head's name with its diacritics

    printed = tmp_path / "may-in.pdf"

    class PrintDialog:                                          # the system dialog, answered "print page 2"
        def __init__(self, printer, _parent):
            self.printer = printer

        def setWindowTitle(self, _title):
            pass

        def setMinMax(self, first, last):
            assert (first, last) == (1, len(preview.pages))

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(printed))
            self.printer.setFromTo(2, 2)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(pdf_preview, "QPrintDialog", PrintDialog)
    with qtbot.waitSignal(preview.printed, timeout=15_000) as blocker:
        qtbot.keyClick(preview, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == [1]
    assert len(pdfium.PdfDocument(str(printed))) == 1

    folder = preview.job_folder
    assert folder is not None and folder.exists()
    preview.close()
    qtbot.waitUntil(lambda: not folder.exists())                # the job's copy is gone with the preview


def test_village_batch_cancel_leaves_no_file(main_window, session, qtbot, monkeypatch):
    monkeypatch.setattr(worker, "DIALOG_DELAY_MS", 0)
    # The first household waits until Cancel has been pressed, so the batch is surely still running then.
    pressed = threading.Event()
    sheet_input = reports.sheet_input
    monkeypatch.setattr(reports, "sheet_input", lambda *a, **k: pressed.wait(10) and sheet_input(*a, **k))
    villages = session.units("village")
    biggest = max(villages, key=lambda v: session.household_count(v.id))
    choose_village(main_window, biggest.id)
    task = print_actions.print_village(main_window)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5_000)
    qtbot.mouseClick(task.dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)   # "Hủy"
    pressed.set()
    qtbot.waitUntil(lambda: "Đã hủy" in main_window.statusBar().currentMessage(), timeout=10_000)
    assert not task.running
    assert not previews(main_window)
    assert jobs() == []


def test_village_batch_opens_one_preview_of_every_assessed_household(main_window, session, qtbot, monkeypatch):
    village = session.units("village")[-1]
    asked = []

    def answer(dialog):                                          # "Cả xã" is selected: the village is asked for
        asked.append((dialog.labelText(), dialog.comboBoxItems()))
        dialog.setTextValue(village.name)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_actions.QInputDialog, "exec", answer)
    assert main_window.villages.current_village() is None
    print_actions.print_village(main_window)
    assert asked == [("In phiếu của mọi hộ đã rà soát trong thôn:", [v.name for v in session.units("village")])]
    qtbot.waitUntil(lambda: bool(previews(main_window)), timeout=30_000)
    preview = previews(main_window)[0]
    assessed_ids = [h for h in session.household_ids(village.id) if session.household_rows([h])[h].status]
    assert len(preview.pages) >= len(assessed_ids)
    preview.view.show_page(len(preview.pages) - 1)
    qtbot.waitUntil(lambda: preview.page_label.text() == f"Trang {len(preview.pages)}/{len(preview.pages)}")
    preview.close()


def test_reports_dialog_writes_xlsx_and_csv(session, qtbot, tmp_path, opened):
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.kind.count() == len(reports.report_kinds())
    dialog.kind.setCurrentIndex(dialog.kind.findData("summary"))
    dialog.formats.button(1).setChecked(True)                  # XLSX
    assert dialog.destination.text().endswith(".xlsx")
    out = tmp_path / "tong-hop.xlsx"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.make_button.click()
    sheet = load_workbook(out).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c is not None]
    assert any(isinstance(c, str) and "Thôn" in c for c in cells)
    assert any(isinstance(c, int) for c in cells)              # real number cells
    assert opened == [str(out)]
    assert str(out) in dialog.status.text()

    dialog.kind.setCurrentIndex(dialog.kind.findData("posting"))
    dialog.formats.button(2).setChecked(True)                  # CSV
    out = tmp_path / "niem-yet.csv"
    dialog.destination.setText(str(out))
    with qtbot.waitSignal(dialog.saved, timeout=15_000):
        dialog.make_button.click()
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")                     # UTF-8 with BOM, for Excel
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    names = {session.household_rows([h])[h].head_name for h in session.household_ids()}
    assert names & {cell for row in rows for cell in row}


def test_every_report_kind_says_what_it_holds(session, qtbot):
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    for i in range(dialog.kind.count()):
        dialog.kind.setCurrentIndex(i)
        assert len(dialog.kind_help.text()) > 20, dialog.kind_id()


def test_trend_report_needs_no_round(session, qtbot):
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData("trend"))
    assert not dialog.round.isEnabled()
    dialog.kind.setCurrentIndex(dialog.kind.findData("movement"))
    assert dialog.round.isEnabled()


def test_verify_dialog_says_match_then_outdated(main_window, session, qtbot, tmp_path, keyboard):
    hid = assessed(session, main_window)
    sheet = tmp_path / "phieu.pdf"
    reports.print_sheet(session.store, hid, sheet)
    code = CODE.search(pdf_text(sheet)).group(0)

    dialog = SheetVerifyDialog(session)
    qtbot.addWidget(dialog)
    dialog.show()
    keyboard.type(code.lower(), dialog.code)                   # typed in lower case: forgiven
    keyboard.press(Qt.Key.Key_Return, widget=dialog.code)
    assert dialog.status == "match"
    assert dialog.verdict.text() == "✔ Phiếu khớp với dữ liệu"
    assert session.household_rows([hid])[hid].head_name in dialog.detail.text()

    draft = session.open_household(hid)
    draft.doc["answers"]["address"] = "Xóm Đình, ngõ 4"
    session.save_household(draft)
    dialog.check_button.click()
    assert dialog.status == "outdated"
    assert dialog.verdict.text().startswith("⚠ Phiếu đã cũ")
    with qtbot.waitSignal(dialog.open_household) as blocker:
        dialog.open_button.click()
    assert blocker.args == [hid]

    dialog.code.setText(SheetStamp("ffffffff-0000-4000-8000-000000000000", 1, "0" * 64).code)
    assert dialog.check() == "unknown"
    dialog.code.setText(code[:-1] + ("A" if code[-1] != "A" else "B"))
    assert dialog.check() is None
    assert "ký tự kiểm tra" in dialog.code_error.text()
    assert dialog.verdict.text() == "Chưa kiểm tra"


def test_a_household_without_result_is_explained_and_leaves_no_file(main_window, session, qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(worker, "present_error", lambda exc, parent=None: shown.append(exc))
    hid = next(h for h in main_window.model.ids() if session.household_rows([h])[h].status is None)
    main_window.select_household(hid)
    task = print_actions.print_household(main_window)
    qtbot.waitUntil(lambda: bool(shown) and jobs() == [], timeout=10_000)
    assert not task.running
    assert "chưa có kết quả rà soát" in shown[0].message
    assert not previews(main_window)


def test_meeting_minutes_from_a_recorded_meeting(main_window, session, qtbot, monkeypatch):
    from ngheo_desktop.services import sync

    rnd = session.rounds()[-1]
    village = session.units("village")[0]
    heads = [h for h in session.household_ids(village.id) if session.household_rows([h])[h].status][:3]
    sync.record_village_meeting(session.store, rnd.id, village.id, village.name, "2026-11-20", 40, "Lê Văn Hùng",
                                "Phạm Thị Lan", {h: 30 for h in heads}, actor="Cán bộ Thử")
    chosen = []

    def accept(dialog):
        chosen.append(dialog.meeting.currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(print_actions.MinutesDialog, "exec", accept)
    print_actions.print_minutes(main_window)
    assert chosen == [f"{village.name} — họp ngày 20/11/2026, 40 người dự"]
    qtbot.waitUntil(lambda: bool(previews(main_window)), timeout=10_000)
    preview = previews(main_window)[0]
    text = pdf_text(preview.path)
    assert "BIÊN BẢN" in text.upper() and "Lê Văn Hùng" in text
    assert session.household_rows(heads[:1])[heads[0]].head_name in text
    preview.close()


def test_reports_dialog_explains_an_unwritable_file(session, qtbot, tmp_path, monkeypatch, opened):
    shown = []
    monkeypatch.setattr(worker, "present_error", lambda exc, parent=None: shown.append(exc))
    dialog = ReportsDialog(session)
    qtbot.addWidget(dialog)
    dialog.destination.setText(str(tmp_path / "khong-co" / "bao-cao.pdf"))
    dialog.make_button.click()
    qtbot.waitUntil(lambda: dialog.task is None, timeout=15_000)
    assert "thư mục không tồn tại" in shown[0].message
    assert dialog.status.text() == "Chưa lập được báo cáo."
    assert dialog.make_button.isEnabled() and opened == []
