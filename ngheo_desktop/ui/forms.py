"""Forms generated from the questionnaire: one for a household section, a roster for member sections.

``QuestionForm`` lays out the questions of one section for the household or for one member, hides the
ones skip logic does not ask, and hands each confirmed answer to the draft; the rules' reason for a
refused answer appears under the field and nothing is stored. ``MembersEditor`` is the roster: the list of
members above the form of the selected one, with add and remove.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria.comments import split_comment_key
from ngheo_desktop.criteria.questionnaire import Question, Questionnaire, Section
from ngheo_desktop.errors import InvalidHousehold
from ngheo_desktop.text import format_date_vi
from ngheo_desktop.ui.draft import HouseholdDraft
from ngheo_desktop.ui.fields import AnswerField, make_field
from ngheo_desktop.ui.i18n import label

# The sign beside a section holding a question the office commented on.
COMMENTED = "⚑"


def office_comment_lines(comments: dict[str, str], questionnaire: Questionnaire,
                         member_names: dict[str, str] | None = None) -> list[str]:
    """The office's comments as "• question: comment" lines, a member's question followed by the member's
    name ("• Ngày sinh (Lò Thị Hương): …"); the village meeting's under its own name."""
    names = {"village_meeting": QCoreApplication.translate("Forms", "Họp dân")}
    questions = questionnaire.questions
    lines = []
    for key, comment in comments.items():
        question_id, member_id = split_comment_key(key)
        what = label(questions[question_id]) if question_id in questions else names.get(key, key)
        if member_id:
            who = (member_names or {}).get(member_id) or QCoreApplication.translate("Forms", "thành viên đã xóa")
            what = f"{what} ({who})"
        lines.append(f"• {what}: {comment}")
    return lines


def returned_banner(draft: HouseholdDraft, *, flagged_sections: bool) -> QLabel | None:
    """For a household the office returned, a notice above the form; None otherwise. With
    ``flagged_sections`` (the wizard, which marks them and shows each comment under its question) it
    lists only the comments about no single question; otherwise every comment."""
    if not draft.office_comments:
        return None
    if flagged_sections:
        text = QCoreApplication.translate(
            "Forms", "Xã trả lại hộ này để rà soát lại: sửa các câu có nhận xét của xã (phần có dấu {0}).").format(
            COMMENTED)
        comments = draft.general_comments()
    else:
        text = QCoreApplication.translate("Forms", "Xã trả lại hộ này để rà soát lại. Nhận xét của xã:")
        comments = draft.office_comments
    banner = QLabel("\n".join([text, *office_comment_lines(comments, draft.questionnaire, draft.member_names())]))
    banner.setObjectName("warning")
    banner.setWordWrap(True)
    return banner


class QuestionForm(QWidget):
    """The questions of one section for the household (``member_id`` None) or for one member.

    Each question is a block — caption, input, help, error — stacked vertically: long Vietnamese labels
    and help texts wrap freely instead of being squeezed into a label column.
    """

    answered = Signal(str, object)  # question id, member id (None for household answers)

    def __init__(self, draft: HouseholdDraft, questions: tuple[Question, ...], member_id: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.member_id = draft, member_id
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        self.fields: dict[str, AnswerField] = {}
        self.office_notes: dict[str, QLabel] = {}  # the office's comment under a question it returned
        self.captions: dict[str, QLabel] = {}
        self._blocks: dict[str, QWidget] = {}
        for q in questions:
            block = QWidget()
            block_layout = QVBoxLayout(block)
            block_layout.setContentsMargins(0, 0, 0, 0)
            block_layout.setSpacing(3)
            unverified = self.tr("(chưa xác minh)")
            caption = QLabel(label(q) + (" <span style='color:#b3261e'>*</span>" if q.required else "")
                             + (f" <span style='color:#7a4f00'>{unverified}</span>" if not q.verified else ""))
            caption.setObjectName("question")
            caption.setWordWrap(True)
            if not q.verified:
                # The wording or the choice list is not yet checked against the official form: say where it is from.
                caption.setToolTip(q.source)
            field = make_field(q, lambda value, qid=q.id: self._commit(qid, value), block)
            caption.setBuddy(field.editor)
            block_layout.addWidget(caption)
            self.captions[q.id] = caption
            comment = draft.comment_for(q.id, member_id)
            if comment:
                note = QLabel(self.tr("Xã nhận xét: {0}").format(comment))
                note.setObjectName("warning")
                note.setWordWrap(True)
                block_layout.addWidget(note)
                self.office_notes[q.id] = note
            block_layout.addWidget(field)
            layout.addWidget(block)
            self.fields[q.id] = field
            self._blocks[q.id] = block
        layout.addStretch(1)
        self.refresh()

    def _apply_skip_logic(self) -> None:
        for qid, field in self.fields.items():
            self._blocks[qid].setVisible(self.draft.is_asked(field.question, self.member_id))

    def refresh(self) -> None:
        """Show stored values and apply skip logic (a question that is not asked is hidden)."""
        self._apply_skip_logic()
        for qid, field in self.fields.items():
            if not field.has_error():
                field.set_value(self.draft.value(qid, self.member_id))

    def _commit(self, qid: str, value: Any) -> None:
        field = self.fields[qid]
        try:
            self.draft.set_answer(qid, value, self.member_id)
        except InvalidHousehold as exc:
            field.show_error(exc.reason)
            return
        field.accept(self.draft.value(qid, self.member_id))
        # Other questions may hang on this answer (skip logic), so re-apply it.
        self._apply_skip_logic()
        self.answered.emit(qid, self.member_id)

    def first_invalid_or_empty(self) -> AnswerField | None:
        for field in self.fields.values():
            if self._blocks[field.question.id].isVisibleTo(self) and (field.has_error() or (
                    field.question.required and self.draft.value(field.question.id, self.member_id) is None)):
                return field
        return None

    def is_shown(self, qid: str) -> bool:
        return self._blocks[qid].isVisibleTo(self)


def confirm_field_in_focus(window: QWidget) -> None:
    """Before a window closes, confirm what is typed in the focused field (its focus-out saves it)."""
    focus = window.focusWidget()
    if focus is not None:
        focus.clearFocus()


def scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(widget)
    return area


class MembersEditor(QWidget):
    """The roster: the list of members above, the selected member's answers below."""

    changed = Signal(str, object)  # what changed ("answer", "added", "removed"), member id

    def __init__(self, draft: HouseholdDraft, section: Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.draft, self.section = draft, section
        self.form: QuestionForm | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Họ và tên"), self.tr("Quan hệ"), self.tr("Ngày sinh"),
                                              self.tr("Tuổi"), self.tr("Còn thiếu")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 5):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setMinimumHeight(110)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        left_layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.tr("Thêm thành viên"))
        self.add_button.setToolTip(self.tr("Thêm một thành viên (Ctrl+M)"))
        self.add_button.clicked.connect(self.add_member)
        self.remove_button = QPushButton(self.tr("Xóa thành viên"))
        self.remove_button.setToolTip(self.tr("Xóa thành viên đang chọn (Delete trong danh sách)"))
        self.remove_button.clicked.connect(self.remove_selected)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        QShortcut(QKeySequence("Ctrl+M"), self, self.add_member)
        QShortcut(QKeySequence.StandardKey.Delete, self.table, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        splitter.addWidget(left)
        self.form_holder = QWidget()
        self.form_layout = QVBoxLayout(self.form_holder)
        self.form_layout.setContentsMargins(0, 8, 0, 0)
        self.form_title = QLabel()
        self.form_title.setObjectName("subtitle")
        self.form_layout.addWidget(self.form_title)
        self.placeholder = QLabel(self.tr("Chưa có thành viên. Bấm “Thêm thành viên” (Ctrl+M) để nhập người đầu "
                                          "tiên, thường là chủ hộ."))
        self.placeholder.setWordWrap(True)
        self.form_layout.addWidget(self.placeholder)
        self.form_layout.addStretch(1)
        splitter.addWidget(scrolling(self.form_holder))
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([190, 500])
        outer.addWidget(splitter)
        self.reload()

    def selected_member(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)

    def reload(self, select: str | None = None) -> None:
        select = select or self.selected_member()
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.draft.members))
        for row, member in enumerate(self.draft.members):
            self._fill_row(row, member)
        self.table.blockSignals(False)
        ids = [m["member_id"] for m in self.draft.members]
        if select in ids:
            self.table.selectRow(ids.index(select))
        elif ids:
            self.table.selectRow(0)
        self.remove_button.setEnabled(bool(ids))
        self._selection_changed()

    def _fill_row(self, row: int, member: dict[str, Any]) -> None:
        mid = member["member_id"]
        relation = self.draft.questionnaire.question("relation")
        age = self.draft.age(member)
        missing = len([m for m in self.draft.missing(self.section) if m.member_id == mid])
        name = member.get("full_name") or self.tr("(chưa có tên)")
        cells = [
            f"{name} {COMMENTED}" if mid in self.draft.members_commented() else name,
            next((label(c) for c in relation.choices if c.value == member.get("relation")), ""),
            format_date_vi(member["birth_date"]) if member.get("birth_date") else "",
            "" if age is None else str(age),
            self.tr("{0} câu").format(missing) if missing else "✔",
        ]
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, mid)
            self.table.setItem(row, col, item)

    def _selection_changed(self) -> None:
        mid = self.selected_member()
        if self.form is not None and self.form.member_id == mid:
            return
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.placeholder.setVisible(mid is None)
        if mid is None:
            self.form_title.setText("")
            return
        self.form_title.setText(self.draft.member_label(mid))
        self.form = QuestionForm(self.draft, self.section.questions, mid)
        self.form.answered.connect(self._answered)
        self.form_layout.insertWidget(1, self.form)
        # Shown now rather than on the next event-loop turn, so focus can move into it straight away.
        self.form.show()

    def _answered(self, qid: str, member_id: str) -> None:
        row = self.draft.member_index(member_id)
        self._fill_row(row, self.draft.member(member_id))
        self.form_title.setText(self.draft.member_label(member_id))
        self.changed.emit("answer", member_id)

    def add_member(self) -> None:
        mid = self.draft.add_member()
        self.reload(select=mid)
        self.changed.emit("added", mid)
        if self.form is not None:
            self.form.fields[self.section.questions[0].id].setFocus()

    def remove_selected(self) -> None:
        mid = self.selected_member()
        if mid is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Xóa thành viên"),
            self.tr("Xóa {0} khỏi hộ? Câu trả lời của người này sẽ bị xóa.").format(self.draft.member_label(mid)))
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.draft.remove_member(mid)
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        self.reload()
        self.changed.emit("removed", mid)
