"""One input widget per questionnaire question type, each with its help text and an error line.

A field parses what was typed into the document's value (``1.500.000`` → 1500000, ``05/10/1984`` →
``1984-10-05``) and calls its ``on_commit(value)`` when the user confirms it: Enter or leaving a text
box, picking a choice, ticking a box. Rule checks (ranges, 12 digits, dates not in the future) are not
repeated here: the draft validates through the rules core and the form shows its reason with
``show_error``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria.questionnaire import Question
from ngheo_desktop.text import format_date_vi
from ngheo_desktop.ui.i18n import label

_DATE_VI = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")



class FieldParseError(ValueError):
    """What was typed cannot be read as this question's type; the message is shown beside the field."""


def format_number(value: Any, money: bool) -> str:
    if value is None:
        return ""
    if money or isinstance(value, int):
        return f"{int(value):,}".replace(",", ".")
    return f"{value:g}".replace(".", ",")


def parse_number(text: str, kind: str) -> int | float | None:
    """Vietnamese number entry: dots group thousands, a comma is the decimal mark."""
    cleaned = text.strip().replace(" ", "").removesuffix("đ")
    if not cleaned:
        return None
    if kind in ("money", "integer"):
        digits = cleaned.replace(".", "")
        if not re.fullmatch(r"-?\d+", digits):
            raise FieldParseError(QCoreApplication.translate("Fields", "Chỉ nhập chữ số, ví dụ 1.500.000"))
        return int(digits)
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    try:
        number = float(cleaned)
    except ValueError:
        raise FieldParseError(QCoreApplication.translate("Fields", "Nhập một số, ví dụ 30 hoặc 30,5")) from None
    return int(number) if number.is_integer() else number


def parse_date_vi(text: str) -> str | None:
    """``5/10/1984`` → ``1984-10-05``; empty → None."""
    if not text.strip():
        return None
    match = _DATE_VI.match(text)
    if not match:
        raise FieldParseError(QCoreApplication.translate("Fields", "Ngày phải có dạng dd/mm/yyyy, ví dụ 05/10/1984"))
    day, month, year = (int(g) for g in match.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        message = QCoreApplication.translate("Fields", "Ngày {0} không có trong lịch")
        raise FieldParseError(message.format(text.strip())) from None


class AnswerField(QWidget):
    """Base: an editor, a grey help line and a red error line, stacked."""

    def __init__(self, question: Question, on_commit: Callable[[Any], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.question = question
        self.on_commit = on_commit
        self._value: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(2)
        self.editor = self._build()
        self._layout.addWidget(self.editor)
        self.help = QLabel(question.help_vi)
        self.help.setWordWrap(True)
        self.help.setObjectName("help")
        self.help.setVisible(bool(question.help_vi))
        self._layout.addWidget(self.help)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.hide()
        self._layout.addWidget(self.error)
        self.setFocusProxy(self.editor)

    def _build(self) -> QWidget:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a stored value without calling ``on_commit``."""
        self._value = value
        self.clear_error()
        self._show(value)

    def value(self) -> Any:
        return self._value

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _emit(self, value: Any) -> None:
        self.clear_error()
        if value == self._value:
            return
        self.on_commit(value)

    def accept(self, value: Any) -> None:
        """The draft took the value: remember it so confirming the same text again saves nothing."""
        self._value = value

    def show_error(self, message: str) -> None:
        self.error.setText("⚠ " + message)
        self.error.show()
        self.editor.setProperty("invalid", "true")
        self.editor.style().unpolish(self.editor)
        self.editor.style().polish(self.editor)

    def clear_error(self) -> None:
        if not self.error.isHidden() or self.editor.property("invalid") == "true":
            self.error.hide()
            self.editor.setProperty("invalid", "false")
            self.editor.style().unpolish(self.editor)
            self.editor.style().polish(self.editor)

    def has_error(self) -> bool:
        return not self.error.isHidden()


class LineField(AnswerField):
    """Text, numbers, money, dates and citizen IDs: a line edit confirmed by Enter or leaving it."""

    def _build(self) -> QWidget:
        edit = QLineEdit()
        q = self.question
        if q.max_length:
            edit.setMaxLength(q.max_length)
        if q.type == "citizen_id":
            edit.setMaxLength(12)
            edit.setValidator(QRegularExpressionValidator(QRegularExpression("[0-9]{0,12}"), edit))
            edit.setPlaceholderText(self.tr("12 chữ số"))
        elif q.type == "date":
            edit.setPlaceholderText(self.tr("dd/mm/yyyy"))
            edit.setMaxLength(10)
        elif q.type in ("money", "integer", "number"):
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        if q.type in ("money", "integer", "number", "date", "citizen_id"):
            edit.setMaximumWidth(220)
        edit.editingFinished.connect(self._confirm)
        edit.returnPressed.connect(self._confirm_and_advance)
        if q.type == "money":
            box = QWidget()
            row = QHBoxLayout(box)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(edit)
            row.addWidget(QLabel("đ"))
            row.addStretch(1)
            self.line = edit
            box.setFocusProxy(edit)
            return box
        self.line = edit
        return edit

    def _show(self, value: Any) -> None:
        t = self.question.type
        if value is None:
            text = ""
        elif t in ("money", "integer", "number"):
            text = format_number(value, money=t == "money")
        elif t == "date":
            text = format_date_vi(value)
        else:
            text = str(value)
        self.line.setText(text)

    def parse(self) -> Any:
        text = self.line.text()
        t = self.question.type
        if t in ("money", "integer", "number"):
            return parse_number(text, t)
        if t == "date":
            return parse_date_vi(text)
        return text.strip() or None

    def _confirm(self) -> None:
        try:
            value = self.parse()
        except FieldParseError as exc:
            self.show_error(str(exc))
            return
        self._emit(value)

    def _confirm_and_advance(self) -> None:
        """Enter confirms and moves on, so a whole page can be filled without the mouse.

        Confirming first matters: the answer may reveal the next question (skip logic), which must be
        visible before focus moves, or the focus would jump past it.
        """
        self._confirm()
        if not self.has_error():
            self.focusNextChild()

    def accept(self, value: Any) -> None:
        super().accept(value)
        # Re-show in the canonical form (1500000 → 1.500.000) once the value is stored.
        self._show(value)


class ChoiceField(AnswerField):
    """Choices and yes/no questions: a combo box whose first entry means "not answered yet"."""

    def _build(self) -> QWidget:
        combo = QComboBox()
        # Values stay in a Python list, index-aligned with the items, so True/False/None and strings keep
        # their exact Python type (item data would round-trip them through QVariant).
        self._values: list[Any] = [None]
        combo.addItem(self.tr("— Chưa chọn —"))
        if self.question.type == "boolean":
            options = [(self.tr("Có"), True), (self.tr("Không"), False)]
        else:
            options = [(label(choice), choice.value) for choice in self.question.choices]
        for text, value in options:
            combo.addItem(text)
            self._values.append(value)
        # Long choice labels must not force the whole form wider than the window.
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(18)
        combo.setMaximumWidth(520)
        combo.currentIndexChanged.connect(self._picked)
        self._loading = False
        self.combo = combo
        return combo

    def _show(self, value: Any) -> None:
        self._loading = True
        index = next((i for i, v in enumerate(self._values) if v == value and type(v) is type(value)), 0)
        self.combo.setCurrentIndex(index)
        self._loading = False

    def _picked(self, index: int) -> None:
        if not self._loading and index >= 0:
            self._emit(self._values[index])


class MultiChoiceField(AnswerField):
    """Tick every choice that applies, or the explicit "none of these" box (an answer, not a blank)."""

    COLUMNS = 2

    def _build(self) -> QWidget:
        box = QWidget()
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: list[tuple[str, QCheckBox]] = []
        for i, choice in enumerate(self.question.choices):
            check = QCheckBox(label(choice))
            check.toggled.connect(self._toggled)
            grid.addWidget(check, i // self.COLUMNS, i % self.COLUMNS)
            self.boxes.append((choice.value, check))
        self.none_box = QCheckBox(self.tr("Không có mục nào"))
        self.none_box.toggled.connect(self._none_toggled)
        grid.addWidget(self.none_box, (len(self.boxes) + self.COLUMNS - 1) // self.COLUMNS, 0)
        self._loading = False
        if self.boxes:
            box.setFocusProxy(self.boxes[0][1])
        return box

    def _show(self, value: Any) -> None:
        self._loading = True
        chosen = set(value or [])
        for v, check in self.boxes:
            check.setChecked(v in chosen)
        self.none_box.setChecked(value == [])
        self._loading = False

    def _current(self) -> list[str] | None:
        chosen = [v for v, check in self.boxes if check.isChecked()]
        if chosen:
            return chosen
        return [] if self.none_box.isChecked() else None

    def _toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked and self.none_box.isChecked():
            self._loading = True
            self.none_box.setChecked(False)
            self._loading = False
        self._emit(self._current())

    def _none_toggled(self, checked: bool) -> None:
        if self._loading:
            return
        if checked:
            self._loading = True
            for _, check in self.boxes:
                check.setChecked(False)
            self._loading = False
        self._emit(self._current())


def make_field(question: Question, on_commit: Callable[[Any], None], parent: QWidget | None = None) -> AnswerField:
    if question.type in ("choice", "boolean"):
        return ChoiceField(question, on_commit, parent)
    if question.type == "multi_choice":
        return MultiChoiceField(question, on_commit, parent)
    return LineField(question, on_commit, parent)
