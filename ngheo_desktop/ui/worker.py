"""Long work off the UI thread: a plain function with a progress/cancel handle, run on a thread pool.

The function takes a ``Progress`` as its first argument and calls ``progress.update(done, total)`` and
``progress.cancelled()``; it must open its own database connection (never one made on the GUI thread).
A progress dialog appears only if the work takes longer than ``DIALOG_DELAY_MS``; its Cancel button sets
the flag, and the function decides where it is safe to stop.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.ui.errors import present_error

DIALOG_DELAY_MS = 500
POLL_MS = 100


class Progress:
    """Shared between the worker and the UI: counts written by the worker, the cancel flag by the UI."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0

    def update(self, done: int, total: int) -> None:
        with self._lock:
            self._done, self._total = done, total

    def snapshot(self) -> tuple[int, int]:
        with self._lock:
            return self._done, self._total

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(QObject):
    """One background job. ``finished(result)`` or ``failed(exception)`` arrives on the GUI thread."""

    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        # No QObject parent: the task must outlive a window closed while it runs (it is kept in ``_live``
        # until it reports), and the worker must never emit on a deleted object.
        super().__init__()
        self.title = title
        self.progress = Progress()
        self.dialog: QProgressDialog | None = None
        self.running = True
        self._parent_widget = parent
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._refresh)
        self.finished.connect(self._stop)
        self.failed.connect(self._stop)

    def _show_dialog(self) -> None:
        if not self.running or (self._parent_widget is not None and not shiboken6.isValid(self._parent_widget)):
            return
        dialog = QProgressDialog(self.title, self.tr("Hủy"), 0, 0, self._parent_widget)
        dialog.setWindowTitle(self.tr("Đang xử lý"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self._on_cancel)
        self.dialog = dialog
        self._refresh()
        dialog.show()
        self._poll.start()

    def _on_cancel(self) -> None:
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Đang dừng…"))
            # The dialog stays up until the function returns, so the user never sees a half-done job as done.
            self.dialog.show()

    def _refresh(self) -> None:
        if self.dialog is None:
            return
        done, total = self.progress.snapshot()
        self.dialog.setMaximum(max(total, 0))
        if total:
            self.dialog.setValue(min(done, total))

    def _stop(self, _payload: object) -> None:
        self.running = False
        self._poll.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        _live.discard(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task, fn: Callable[..., Any], args: tuple[Any, ...]) -> None:
        super().__init__()
        self.task, self.fn, self.args = task, fn, args

    def run(self) -> None:
        try:
            result = self.fn(self.task.progress, *self.args)
        except Exception as exc:  # handed to the GUI thread's error presenter, never lost
            self._report(self.task.failed, exc)
        else:
            self._report(self.task.finished, result)

    @staticmethod
    def _report(signal, payload: object) -> None:
        try:
            signal.emit(payload)
        except RuntimeError:
            # The application is shutting down and has already destroyed the task: nobody is left to tell.
            return


# Tasks stay referenced until they report, so a caller may drop its handle safely.
_live: set[Task] = set()


def run_in_background(title: str, fn: Callable[..., Any], *args: Any, parent: QWidget | None = None,
                      on_done: Callable[[Any], None] | None = None,
                      on_error: Callable[[BaseException], None] | None = None, quiet: bool = False) -> Task:
    """Run ``fn(progress, *args)`` on the global thread pool; returns the task handle at once.

    ``quiet`` work (a check the user did not ask for) never shows a progress dialog."""
    task = Task(title, parent)
    if on_done is not None:
        task.finished.connect(on_done)
    report_error = on_error or (lambda exc: present_error(exc, parent))

    def failed(exc: BaseException) -> None:
        # A job stopped by its Cancel button raises its own "cancelled, nothing saved" error: the user
        # asked for that, so it is not reported as a failure.
        if not (task.progress.cancelled() and isinstance(exc, NgheoError)):
            report_error(exc)

    task.failed.connect(failed)
    _live.add(task)
    if not quiet:
        QTimer.singleShot(DIALOG_DELAY_MS, task, task._show_dialog)
    QThreadPool.globalInstance().start(_Runnable(task, fn, args))
    return task
