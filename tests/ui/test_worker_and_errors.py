"""Long work off the UI thread with a delayed, cancellable dialog; typed errors shown plainly and logged."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ngheo_desktop.errors import InvalidHousehold, NgheoError
from ngheo_desktop.ui import worker
from ngheo_desktop.ui.errors import log_file, present_error


def test_quick_work_shows_no_dialog(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    results = []
    task = worker.run_in_background("Tính", lambda progress, n: n * 2, 21, parent=parent, on_done=results.append)
    # The job may finish before a waitSignal could connect: wait on its effect instead.
    qtbot.waitUntil(lambda: results == [42], timeout=5000)
    assert not task.running
    assert task.dialog is None


def test_slow_work_shows_progress_and_cancel_stops_it(qtbot, monkeypatch):
    monkeypatch.setattr(worker, "DIALOG_DELAY_MS", 50)
    parent = QWidget()
    qtbot.addWidget(parent)

    def slow(progress):
        done = 0
        while not progress.cancelled():
            done += 1
            progress.update(done, 10_000)
            threading.Event().wait(0.005)
        return done

    results = []
    task = worker.run_in_background("Đang tạo dữ liệu mẫu…", slow, parent=parent, on_done=results.append)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.isVisible(), timeout=5000)
    assert task.dialog.labelText() == "Đang tạo dữ liệu mẫu…"
    qtbot.waitUntil(lambda: task.dialog.value() > 0, timeout=5000)
    with qtbot.waitSignal(task.finished, timeout=5000):
        task.dialog.findChild(QPushButton).click()
    assert results and results[0] > 0
    assert task.dialog is None


def test_failure_reaches_the_presenter(qtbot):
    errors = []

    def broken(progress):
        raise InvalidHousehold("members[0].citizen_id", "số định danh cá nhân phải gồm đúng 12 chữ số")

    worker.run_in_background("Lưu", broken, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], InvalidHousehold)


def test_presenter_says_what_to_do_and_logs_no_personal_data(qtbot):
    try:
        raise InvalidHousehold("answers.head_name", "tên 'Nguyễn Văn Hùng' dài quá 120 ký tự")
    except InvalidHousehold as exc:
        box = present_error(exc)
    qtbot.addWidget(box)
    assert "Nguyễn Văn Hùng" in box.text()
    assert box.informativeText().startswith("Sửa thông tin")
    assert box.icon() == QMessageBox.Icon.Warning
    log = log_file().read_text(encoding="utf-8")
    assert "InvalidHousehold field=answers.head_name" in log
    assert "Nguyễn" not in log


def test_unexpected_error_points_to_the_log(qtbot):
    try:
        {}["x"]
    except KeyError as exc:
        box = present_error(exc)
    qtbot.addWidget(box)
    assert "ngoài dự kiến" in box.text()
    assert str(log_file()) in box.informativeText()


def test_cancelled_job_is_not_reported_as_a_failure(qtbot, monkeypatch):
    monkeypatch.setattr(worker, "DIALOG_DELAY_MS", 10)
    errors = []

    def stops_when_asked(progress):
        while not progress.cancelled():
            threading.Event().wait(0.005)
        raise NgheoError("Đã hủy phân loại lại; không có gì được lưu.")

    task = worker.run_in_background("Phân loại lại", stops_when_asked, on_error=errors.append)
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5000)
    task.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: not task.running, timeout=5000)
    assert errors == []
