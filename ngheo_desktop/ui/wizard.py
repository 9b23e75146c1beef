"""The assessment wizard, generated from the questionnaire: one page per section, result alongside.

Household sections become forms, member sections the roster; skip logic hides questions and whole
sections live. Each confirmed answer goes to the ``save`` callback at once (with the section the user is
on, so a draft resumes there); ``complete`` stores the finished assessment. Keyboard: Tab / Enter between
fields, Ctrl+PgDown / Ctrl+PgUp between sections, Ctrl+M adds a member, Delete in the roster removes
one, Ctrl+Enter completes.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria.questionnaire import Section
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.text import format_date_vi
from ngheo_desktop.ui.draft import HouseholdDraft
from ngheo_desktop.ui.errors import present_error
from ngheo_desktop.ui.forms import (
    COMMENTED,
    MembersEditor,
    QuestionForm,
    confirm_field_in_focus,
    returned_banner,
    scrolling,
)
from ngheo_desktop.ui.i18n import label
from ngheo_desktop.ui.result_panel import ResultPanel

SaveCallback = Callable[[HouseholdDraft, str], None]
CompleteCallback = Callable[[HouseholdDraft], None]


class AssessmentWizard(QWidget):
    completed = Signal(str)  # household id

    def __init__(self, draft: HouseholdDraft, save: SaveCallback, complete: CompleteCallback,
                 start_section: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlag(Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.draft, self._save, self._complete = draft, save, complete
        self.sections: list[Section] = list(draft.questionnaire.sections)
        self.setWindowTitle(self.tr("Rà soát hộ — {0}").format(
            label(draft.questionnaire)))
        self.resize(1280, 800)

        root = QVBoxLayout(self)
        self.heading = QLabel()
        self.heading.setObjectName("title")
        root.addWidget(self.heading)
        self.subheading = QLabel()
        self.subheading.setObjectName("help")
        root.addWidget(self.subheading)
        self.returned_banner = returned_banner(draft, flagged_sections=True)
        if self.returned_banner is not None:
            root.addWidget(self.returned_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        nav = QWidget()
        nav_layout = QVBoxLayout(nav)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        self.nav = QListWidget()
        self.nav.setObjectName("sectionNav")
        self.nav.setWordWrap(True)
        # Long names wrap (see the style sheet's item padding) instead of scrolling the list sideways.
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for i, sec in enumerate(self.sections):
            item = QListWidgetItem(f"{i + 1}. {label(sec)}")
            item.setData(Qt.ItemDataRole.UserRole, sec.id)
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self._go)
        nav_layout.addWidget(self.nav)
        self.progress_label = QLabel()
        self.progress_label.setWordWrap(True)
        nav_layout.addWidget(self.progress_label)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        nav_layout.addWidget(self.progress)
        splitter.addWidget(nav)

        center = QWidget()
        center_layout = QVBoxLayout(center)
        center_layout.setContentsMargins(8, 0, 8, 0)
        self.page_title = QLabel()
        self.page_title.setObjectName("pageTitle")
        center_layout.addWidget(self.page_title)
        self.stack = QStackedWidget()
        self.forms: dict[str, QuestionForm] = {}
        self.roster: dict[str, MembersEditor] = {}
        for sec in self.sections:
            if sec.scope == "member":
                editor = MembersEditor(draft, sec)
                editor.changed.connect(lambda _kind, _mid, sid=sec.id: self._changed(sid))
                self.roster[sec.id] = editor
                self.stack.addWidget(editor)
            else:
                form = QuestionForm(draft, sec.questions)
                form.answered.connect(lambda _qid, _mid, sid=sec.id: self._changed(sid))
                self.forms[sec.id] = form
                self.stack.addWidget(scrolling(form))
        center_layout.addWidget(self.stack, 1)
        splitter.addWidget(center)

        self.result_panel = ResultPanel()
        splitter.addWidget(self.result_panel)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 3)
        splitter.setStretchFactor(2, 2)
        splitter.setSizes([230, 680, 370])
        root.addWidget(splitter, 1)

        bottom = QHBoxLayout()
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        bottom.addWidget(self.status, 1)
        # Explicit shortcuts rather than "&" mnemonics: some platforms turn mnemonics off, and a mnemonic
        # plus a shortcut on the same keys would cancel each other out.
        self.back_button = QPushButton(self.tr("← Quay lại"))
        self.back_button.setToolTip(self.tr("Phần trước (Ctrl+PgUp)"))
        self.back_button.clicked.connect(self.previous_section)
        self.next_button = QPushButton(self.tr("Tiếp theo →"))
        self.next_button.setToolTip(self.tr("Phần sau (Ctrl+PgDown)"))
        self.next_button.clicked.connect(self.next_section)
        self.finish_button = QPushButton(self.tr("✔ Hoàn tất rà soát"))
        self.finish_button.setToolTip(self.tr("Lưu kết quả rà soát (Ctrl+Enter)"))
        self.finish_button.setObjectName("primary")
        self.finish_button.clicked.connect(self.finish)
        self.close_button = QPushButton(self.tr("Đóng, làm tiếp sau"))
        self.close_button.setToolTip(self.tr("Mọi câu trả lời đã được lưu; mở lại sẽ tiếp tục ở phần này (Esc)"))
        self.close_button.clicked.connect(self.close)
        for b in (self.close_button, self.back_button, self.next_button, self.finish_button):
            bottom.addWidget(b)
        root.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+PgDown"), self, self.next_section)
        QShortcut(QKeySequence("Ctrl+PgUp"), self, self.previous_section)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.finish)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.finish)
        QShortcut(QKeySequence("Escape"), self, self.close)

        self._refresh_overview()
        self._opening = True
        self.nav.setCurrentRow(next((i for i, s in enumerate(self.sections) if s.id == start_section), 0))
        self._opening = False

    # -- navigation
    def current_section(self) -> Section:
        return self.sections[self.stack.currentIndex()]

    def _go(self, row: int) -> None:
        if row < 0 or row >= len(self.sections):
            return
        sec = self.sections[row]
        if self.nav.currentRow() != row:
            self.nav.setCurrentRow(row)
            return
        self.stack.setCurrentIndex(row)
        self.page_title.setText(self.tr("Phần {0}/{1}: {2}").format(row + 1, len(self.sections), label(sec)))
        if sec.id in self.forms:
            self.forms[sec.id].refresh()
        else:
            self.roster[sec.id].reload()
        self._update_buttons()
        self._focus_first(sec)
        if not self._opening:
            # The position is part of the draft: reopening resumes on this section.
            self._persist(sec.id)

    def _focus_first(self, sec: Section) -> None:
        if sec.id in self.roster:
            editor = self.roster[sec.id]
            (editor.table if self.draft.members else editor.add_button).setFocus()
            return
        form = self.forms[sec.id]
        target = form.first_invalid_or_empty() or next(
            (f for qid, f in form.fields.items() if form.is_shown(qid)), None)
        if target is not None:
            target.setFocus()

    def _step(self, direction: int) -> None:
        row = self.stack.currentIndex() + direction
        while 0 <= row < len(self.sections) and not self.draft.section_asked(self.sections[row]):
            row += direction
        if 0 <= row < len(self.sections):
            self._go(row)

    def next_section(self) -> None:
        self._step(+1)

    def previous_section(self) -> None:
        self._step(-1)

    def _update_buttons(self) -> None:
        row = self.stack.currentIndex()
        asked = [i for i, s in enumerate(self.sections) if self.draft.section_asked(s)]
        self.back_button.setEnabled(bool(asked) and row > asked[0])
        self.next_button.setEnabled(bool(asked) and row < asked[-1])

    # -- changes
    def _changed(self, section_id: str) -> None:
        self._persist(section_id)
        self._refresh_overview()
        self._update_buttons()

    def _persist(self, section_id: str) -> None:
        try:
            self._save(self.draft, section_id)
        except NgheoError as exc:
            present_error(exc, self)

    def _refresh_overview(self) -> None:
        answers = self.draft.answers
        head = answers.get("head_name") or self.tr("(chưa có tên chủ hộ)")
        self.heading.setText(self.tr("Rà soát hộ: {0}").format(head))
        loc = self.draft.doc["location"]
        where = ", ".join(v for v in (loc.get("village"), loc.get("commune"), loc.get("province")) if v)
        self.subheading.setText(self.tr("{0} · Ngày rà soát {1} · {2} thành viên").format(
            where, format_date_vi(self.draft.doc["review"]["date"]), len(self.draft.members)))
        commented = self.draft.sections_commented()
        for i, sec in enumerate(self.sections):
            item = self.nav.item(i)
            asked = self.draft.section_asked(sec)
            flags = item.flags()
            item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if asked else flags & ~Qt.ItemFlag.ItemIsEnabled)
            if not asked:
                mark = self.tr("bỏ qua")
            elif self.draft.missing(sec) or (sec.scope == "member" and not self.draft.members):
                mark = ""
            else:
                mark = "✔"
            if sec.id in commented:
                mark = f"{COMMENTED} {mark}".strip()
            item.setText(f"{i + 1}. {label(sec)}" + (f" — {mark}" if mark and not asked else f"  {mark}" if mark
                                                     else ""))
        answered, total = self.draft.required_count()
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(answered)
        self.progress_label.setText(self.tr("Đã trả lời {0}/{1} câu bắt buộc").format(answered, total))
        self.result_panel.show_result(self.draft.live_result())
        problem = self.draft.completion_problem()
        self.status.setText(problem or self.tr("Đã đủ thông tin: có thể hoàn tất rà soát."))
        self.status.setProperty("ok", "true" if problem is None else "false")
        self.status.style().unpolish(self.status)
        self.status.style().polish(self.status)

    def closeEvent(self, event) -> None:
        confirm_field_in_focus(self)
        super().closeEvent(event)

    def finish(self) -> None:
        missing = self.draft.missing()
        if not self.draft.members:
            section = next(s for s in self.sections if s.scope == "member")
            self._go(self.sections.index(section))
            self.status.setText(self.draft.completion_problem())
            return
        if missing:
            first = missing[0]
            row = next(i for i, s in enumerate(self.sections) if s.id == first.section)
            self._go(row)
            if first.member_id is not None:
                self.roster[first.section].reload(select=first.member_id)
                form = self.roster[first.section].form
            else:
                form = self.forms[first.section]
            # Every unanswered required question on the page says so beside itself.
            for gap in missing:
                if gap.section == first.section and gap.member_id == first.member_id:
                    form.fields[gap.question].show_error(self.tr("Câu bắt buộc: cần trả lời trước khi hoàn tất."))
            form.fields[first.question].setFocus()
            self.status.setText(self.draft.completion_problem())
            return
        try:
            self.draft.result()  # a review date no standard covers is reported here, before storing anything
            self._complete(self.draft)
        except NgheoError as exc:
            present_error(exc, self)
            return
        self.completed.emit(self.draft.doc["household_id"])
        self.close()
