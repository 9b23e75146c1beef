"""Kiểm tra phiếu giấy: does a printed assessment sheet still match the data?

The clerk types the short check code printed under the QR code (or a QR scanner types the code's
payload, ending with Enter). ``services.reports.verify_sheet_code`` answers match, outdated (the record
changed after printing) or unknown; a mistyped code is caught by its check character and explained
beside the field.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.ui.session import Session


class SheetVerifyDialog(QDialog):
    open_household = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.household_id: str | None = None
        self.status: str | None = None
        self.setWindowTitle(self.tr("Kiểm tra phiếu giấy"))
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Gõ mã kiểm tra in dưới mã QR của phiếu (ví dụ 7WE2-N7JV-1-XX8RWT2), hoặc quét mã "
                               "QR bằng máy quét, rồi bấm Enter."))
        intro.setWordWrap(True)
        layout.addWidget(intro)

        row = QHBoxLayout()
        self.code = QLineEdit()
        font = self.code.font()  # the bundled font: a system monospace one may lack Vietnamese
        font.setPointSize(font.pointSize() + 2)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self.code.setFont(font)
        self.code.setPlaceholderText(self.tr("Mã kiểm tra trên phiếu"))
        self.code.setClearButtonEnabled(True)
        self.code.returnPressed.connect(self.check)
        self.code.textEdited.connect(lambda _t: self._clear())
        self.check_button = QPushButton(self.tr("&Kiểm tra"))
        self.check_button.setObjectName("primary")
        self.check_button.clicked.connect(self.check)
        row.addWidget(self.code, 1)
        row.addWidget(self.check_button)
        layout.addLayout(row)
        self.code_error = QLabel()
        self.code_error.setObjectName("error")
        self.code_error.setWordWrap(True)
        layout.addWidget(self.code_error)

        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.verdict.setWordWrap(True)
        self.verdict.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.verdict)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(3 * self.fontMetrics().lineSpacing())
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.detail)

        buttons = QHBoxLayout()
        self.open_button = QPushButton(self.tr("&Mở hồ sơ hộ"))
        self.open_button.clicked.connect(lambda: self.household_id and self.open_household.emit(self.household_id))
        close = QPushButton(self.tr("Đó&ng"))
        close.clicked.connect(self.reject)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self._clear()
        self.resize(640, 300)
        self.code.setFocus()

    def _clear(self) -> None:
        self.status = self.household_id = None
        self.code_error.clear()
        self._show_verdict("none", self.tr("Chưa kiểm tra"))
        self.detail.clear()
        self.open_button.setEnabled(False)

    def _show_verdict(self, status: str, text: str) -> None:
        self.verdict.setText(text)
        self.verdict.setProperty("status", status)
        self.verdict.style().unpolish(self.verdict)
        self.verdict.style().polish(self.verdict)

    def check(self) -> str | None:
        """Check the code in the field; returns match, outdated or unknown (None for a malformed code)."""
        from ngheo_desktop.reports.checkcode import MATCH, OUTDATED
        from ngheo_desktop.services.reports import verify_sheet_code

        self._clear()
        text = self.code.text().strip()
        if not text:
            self.code_error.setText(self.tr("Chưa có mã để kiểm tra."))
            return None
        try:
            result = verify_sheet_code(self.session.store, text)
        except NgheoError as exc:  # a malformed or mistyped code: say why, beside the field
            self.code_error.setText(exc.message)
            self.code.selectAll()
            return None
        self.status, self.household_id = result.status, result.household_id
        who = ""
        if result.household_id is not None:
            row = self.session.household_rows([result.household_id])[result.household_id]
            who = self.tr("Hộ {0} (số {1} trong sổ hộ, {2}).").format(row.head_name, row.register_no, row.village)
        if result.status == MATCH:
            verdict = self.tr("✔ Phiếu khớp với dữ liệu")
            detail = self.tr("{0} Hồ sơ chưa thay đổi từ khi in phiếu (phiên bản {1}).").format(
                who, result.current_version)
        elif result.status == OUTDATED:
            verdict = self.tr("⚠ Phiếu đã cũ: hồ sơ đã thay đổi sau khi in")
            detail = self.tr("{0} Phiếu in từ phiên bản {1} của hồ sơ; hồ sơ hiện là phiên bản {2}. Hãy in lại "
                             "phiếu và cho hộ ký lại.").format(who, result.printed_version, result.current_version)
        else:
            verdict = self.tr("✖ Không tìm thấy hồ sơ của phiếu này")
            detail = self.tr("Mã đúng dạng nhưng không ứng với hộ nào trong cơ sở dữ liệu này. Phiếu có thể in "
                             "từ máy khác hoặc từ hồ sơ đã xóa.")
        self._show_verdict(result.status, verdict)
        self.detail.setText(detail.strip())
        self.open_button.setEnabled(self.household_id is not None)
        return result.status
