"""The one error presenter: typed errors become a plain Vietnamese message with what to do next.

Details go to ``data_home()/logs/ngheo-desktop.log``: the error type and the code location only. The
message text is never logged, because it may quote a name, an ID number or an answer.
"""

from __future__ import annotations

import logging
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from ngheo_desktop.errors import FormDefinitionError, InvalidHousehold, NgheoError, UnknownStandard
from ngheo_desktop.paths import data_home

log = logging.getLogger("ngheo_desktop.ui")


def log_file():
    return data_home() / "logs" / "ngheo-desktop.log"


def setup_logging() -> None:
    # logging.handlers (which loads socket, pickle and queue) is imported with the first log line, not at
    # start-up.
    from logging.handlers import RotatingFileHandler

    path = log_file()
    for handler in list(log.handlers):
        if isinstance(handler, RotatingFileHandler):
            if handler.baseFilename == str(path.absolute()):
                return
            # The data folder changed (NGHEO_HOME, as the tests set it): log into the current one.
            log.removeHandler(handler)
            handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def next_step(exc: BaseException) -> str:
    """What the user can do about an error, by its type."""
    if isinstance(exc, InvalidHousehold):
        return QCoreApplication.translate("ErrorPresenter", "Sửa thông tin ở trường được nêu rồi lưu lại.")
    if isinstance(exc, FormDefinitionError):
        return QCoreApplication.translate("ErrorPresenter", "Tệp định nghĩa trong thư mục forms/ bị hỏng: "
                                                            "cài lại phần mềm hoặc báo cán bộ phụ trách.")
    if isinstance(exc, UnknownStandard):
        return QCoreApplication.translate("ErrorPresenter", "Kiểm tra ngày rà soát hoặc cài chuẩn nghèo "
                                                            "áp dụng cho năm đó.")
    # The sync package (and its crypto library) loads with the first sync action, not at start-up; until
    # it is loaded no sync error can exist.
    sync_errors = sys.modules.get("ngheo_desktop.sync.errors")
    if sync_errors is not None and isinstance(exc, sync_errors.FileRejected):
        return QCoreApplication.translate("ErrorPresenter", "Không có gì thay đổi trong cơ sở dữ liệu. Nếu cần, đề "
                                                            "nghị người gửi xuất lại tệp.")
    if sync_errors is not None and isinstance(exc, sync_errors.TrustError):
        return QCoreApplication.translate("ErrorPresenter", "Danh sách thiết bị tin cậy không thay đổi. Khi đăng ký "
                                                            "khóa, hãy đọc đối chiếu dấu vân tay với người gửi.")
    if isinstance(exc, NgheoError):
        return QCoreApplication.translate("ErrorPresenter", "Làm theo hướng dẫn trong thông báo rồi thử lại.")
    return QCoreApplication.translate("ErrorPresenter", "Hãy thử lại. Nếu lỗi lặp lại, gửi tệp nhật ký cho "
                                                        "cán bộ hỗ trợ kỹ thuật: {0}").format(log_file())


def log_error(exc: BaseException, tb: TracebackType | None = None) -> None:
    """Record where an error happened, without its message (which may hold personal data)."""
    setup_logging()
    # File, line and function only: source lines are left out like the message, to keep the log plain.
    frames = "\n".join(f"  {f.filename}:{f.lineno} in {f.name}" for f in traceback.extract_tb(tb or exc.__traceback__))
    extra = ""
    if isinstance(exc, InvalidHousehold):
        extra = f" field={exc.field}"
    elif isinstance(exc, FormDefinitionError):
        extra = f" file={exc.file} key={exc.key}"
    log.error("%s.%s%s\n%s", type(exc).__module__, type(exc).__name__, extra, frames.rstrip())


def user_message(exc: BaseException) -> str:
    if isinstance(exc, NgheoError):
        return exc.message
    return QCoreApplication.translate("ErrorPresenter",
                                      "Đã xảy ra lỗi ngoài dự kiến; thao tác vừa rồi chưa hoàn thành.")


def present_error(exc: BaseException, parent: QWidget | None = None) -> QMessageBox:
    """Log the error and show it; returns the (non-blocking, already shown) message box."""
    log_error(exc)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if isinstance(exc, NgheoError) else QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate(
            "ErrorPresenter", "Không thực hiện được"))
    box.setText(user_message(exc))
    box.setInformativeText(next_step(exc))
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setModal(True)
    box.show()
    return box


def install_excepthook() -> None:
    """Unhandled errors in slots reach the presenter instead of vanishing into stderr."""
    def hook(exc_type, exc, tb):
        if not isinstance(exc, Exception):
            sys.__excepthook__(exc_type, exc, tb)
            return
        exc.__traceback__ = tb
        present_error(exc, QApplication.activeWindow())

    sys.excepthook = hook
