"""The main window: village filter, the household register table, search as you type, the actions.

The window wires screens together and owns no work of its own: households open in the editor, the
assessment in the wizard, long jobs run through ``worker`` with their own database connection, and the
table updates from change notices. Other features add their actions with ``add_action``, acting on
``selected_household_ids()`` and running long work through ``run_long``.

Start-up builds only what the first screen shows: every screen behind an action (editor, wizard, print,
reports, settings, about) is imported when the action is first used, so the register appears before
the rules core, reportlab or the crypto library are loaded.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop import __version__, criteria
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.ui import sync_screens, theme
from ngheo_desktop.ui.errors import log_error, present_error
from ngheo_desktop.ui.register_model import BLOCK, COLUMNS, HouseholdTableModel, sort_key, sort_rows
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.village_tree import VillageTree
from ngheo_desktop.ui.worker import Task, run_in_background

if TYPE_CHECKING:
    from ngheo_desktop.services.register import ChangeNotice, ReclassifyReport
    from ngheo_desktop.ui.household_editor import HouseholdEditor
    from ngheo_desktop.ui.wizard import AssessmentWizard

SEARCH_DELAY_MS = 150
# Enough for any real query; more would only slow the first letters typed ("n" matches most names).
SEARCH_LIMIT = 500
# Ids read before the first paint: more than a tall screen shows, and as many as the model fetches at once.
FIRST_IDS = BLOCK
# The rest of the list is read on the worker once the screen showing the first block has painted: the
# read would otherwise compete with that paint for the interpreter.
REST_OF_IDS_DELAY_MS = 100
ADDRESS_COLUMN = [key for key, _ in COLUMNS].index("address")


def _count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _print_actions():
    """Printing and reports (reportlab) load on the first print."""
    from ngheo_desktop.ui import print_actions

    return print_actions


class MainWindow(QMainWindow):
    _screens_styled = False  # see childEvent

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.sort = ("register", False)
        self._search_sorted = False
        self._ids_task: Task | None = None  # the table's id list being read on the worker
        self.closed = False  # the register is closed: nothing may start reading it
        self.village_id: str | None = None
        self.setWindowTitle(self.tr("Rà soát hộ nghèo, hộ cận nghèo"))
        self.resize(1280, 800)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.demo_banner = QLabel(self.tr("DỮ LIỆU MẪU — xã và các hộ trong cơ sở dữ liệu này là giả định, chỉ để "
                                          "làm quen với phần mềm. Chọn cơ sở dữ liệu thật trong Cài đặt."))
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setStyleSheet(theme.DEMO_BANNER)
        self.demo_banner.setWordWrap(True)
        layout.addWidget(self.demo_banner)
        # Said at once, not at the first save: a file on a write-protected stick opens for reading only.
        self.read_only_banner: QLabel | None = None
        if session.read_only_reason:
            self.read_only_banner = QLabel(self.tr(
                "CHỈ ĐỌC — {0}. Xem, tìm và in được nhưng không lưu được thay đổi; chép tệp sang một thư mục ghi "
                "được (hoặc gỡ khóa chống ghi) để làm việc tiếp.").format(session.read_only_reason))
            self.read_only_banner.setStyleSheet(theme.DEMO_BANNER)
            self.read_only_banner.setWordWrap(True)
            layout.addWidget(self.read_only_banner)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        self.villages = VillageTree()
        self.villages.village_chosen.connect(self._village_chosen)
        splitter.addWidget(self.villages)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 8, 8, 0)
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText(self.tr("Tìm theo tên, số định danh, địa chỉ, thôn — gõ có dấu "
                                                   "hoặc không dấu (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textChanged.connect(self._search_soon)
        right_layout.addWidget(self.search_box)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_filter)

        self.model = HouseholdTableModel(session.household_rows, self)
        # The count under the table follows the listing, also when the model catches up with the register
        # by itself (see register_model).
        self.model.modelReset.connect(self._show_listing_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        # Fixed row heights and column widths: the view never measures 100,000 rows to lay them out.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((56, 190, 165, 165, 78, 150, 130, 70)):
            header.resizeSection(col, width)
        # The address takes what room is left, so on a small screen the class and status stay in view.
        header.setSectionResizeMode(ADDRESS_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        header.sortIndicatorChanged.connect(self._sort_changed)
        self.table.doubleClicked.connect(lambda _index: self.open_household())
        self.table.activated.connect(lambda _index: self.open_household())
        right_layout.addWidget(self.table, 1)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 1020])
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)

        self.count_label = QLabel()
        self.statusBar().addWidget(self.count_label, 1)
        self.db_label = QLabel()
        self.db_label.setObjectName("help")
        self.db_label.setStyleSheet(theme.HELP_TEXT)
        self.statusBar().addPermanentWidget(self.db_label)

        self.menus: dict[str, QMenu] = {}
        self.commune_name = ""
        self.role_title = ""  # Rà soát viên / Văn phòng xã, set by the sync actions once the keys are read
        self.toolbar = QToolBar(self.tr("Thao tác"))
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.setMovable(False)
        self.addToolBar(self.toolbar)
        self._build_actions()
        session.notices.changed.connect(self._on_notice)
        self.editors: list[QWidget] = []
        self.last_report: ReclassifyReport | None = None
        self.reload()
        self.sync = sync_screens.SyncActions(self)
        self._screens_styled = True

    # -- actions
    def add_action(self, menu: str, text: str, slot: Callable[[], Any], shortcut: str | QKeySequence | None = None,
                   toolbar: bool = False, needs_selection: bool = False) -> QAction:
        """Declare an action in a menu (and optionally the toolbar); other features use this too."""
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.menus[menu].addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        if needs_selection:
            self._selection_actions.append(action)
        return action

    def _build_actions(self) -> None:
        self._selection_actions: list[QAction] = []
        bar = self.menuBar()
        self.menus["file"] = bar.addMenu(self.tr("&Tệp"))
        self.menus["household"] = bar.addMenu(self.tr("&Hộ gia đình"))
        self.menus["tools"] = bar.addMenu(self.tr("&Công cụ"))
        self.menus["help"] = bar.addMenu(self.tr("Trợ &giúp"))
        self.new_action = self.add_action("household", self.tr("Thêm hộ mới"), self.new_household,
                                          QKeySequence.StandardKey.New, toolbar=True)
        self.open_action = self.add_action("household", self.tr("Mở hộ"), self.open_household, "Ctrl+O",
                                           toolbar=True, needs_selection=True)
        self.assess_action = self.add_action("household", self.tr("Rà soát hộ"), self.assess_household, "Ctrl+R",
                                             toolbar=True, needs_selection=True)
        self.toolbar.addSeparator()
        self.print_action = self.add_action("file", self.tr("In phiếu rà soát của hộ…"),
                                            lambda: _print_actions().print_household(self),
                                            QKeySequence.StandardKey.Print, toolbar=True, needs_selection=True)
        self.add_action("file", self.tr("In phiếu cả thôn…"), lambda: _print_actions().print_village(self),
                        "Ctrl+Shift+P")
        self.add_action("file", self.tr("In biên bản họp dân…"), lambda: _print_actions().print_minutes(self))
        self.reports_action = self.add_action("file", self.tr("Báo cáo…"), lambda: _print_actions().open_reports(self),
                                              "Ctrl+Shift+B", toolbar=True)
        self.menus["file"].addSeparator()
        self.add_action("household", self.tr("Tìm hộ"), self.focus_search, QKeySequence.StandardKey.Find)
        self.add_action("tools", self.tr("Phân loại lại theo chuẩn mới (xem trước)…"), self.reclassify_preview)
        self.add_action("tools", self.tr("Kiểm tra phiếu giấy…"), lambda: _print_actions().verify_sheet(self),
                        "Ctrl+Shift+K")
        self.add_action("tools", self.tr("Đơn vị hành chính…"), self.edit_units)
        self.add_action("file", self.tr("Cài đặt…"), self.edit_settings, "Ctrl+,")
        self.menus["file"].addSeparator()
        self.add_action("file", self.tr("Thoát"), self.close, QKeySequence.StandardKey.Quit)
        self.add_action("help", self.tr("Giới thiệu"), self.about)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self._update_actions()

    def _update_actions(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        for action in self._selection_actions:
            action.setEnabled(has)

    # -- loading and filtering
    def reload(self) -> None:
        """Everything from the store: villages with counts, the demo banner, the table."""
        villages = self.session.units("village")
        communes = self.session.units("commune")
        counts = self.session.household_counts()
        commune = communes[0].name if communes else self.session.settings.commune
        self.villages.load(commune, villages, counts, sum(counts.values()))
        self.demo_banner.setVisible(self.session.is_demo)
        self.db_label.setText(self.tr("Cơ sở dữ liệu: {0}").format(self.session.db_path))
        self.commune_name = commune
        self.update_title()
        self.apply_filter()

    def update_title(self) -> None:
        """The app and its version, the commune, this installation's role, and whether the data is a demo."""
        parts = (f"{self.tr('Rà soát hộ nghèo, hộ cận nghèo')} {__version__}", self.commune_name, self.role_title)
        self.setWindowTitle(" — ".join(p for p in parts if p)
                            + (self.tr(" (dữ liệu mẫu)") if self.session.is_demo else ""))

    def _village_chosen(self, village_id: str | None) -> None:
        self.village_id = village_id
        self.apply_filter()

    def _search_soon(self) -> None:
        self._search_timer.start()

    def apply_filter(self) -> None:
        self._search_timer.stop()
        if self._ids_task is not None:
            self._ids_task.progress.cancel()  # the list being read is for the listing replaced here
            self._ids_task = None
        query = self.search_box.text().strip()
        if query:
            rows = self.session.search(query, SEARCH_LIMIT)
            if self.village_id:
                rows = [r for r in rows if r.village_id == self.village_id]
            # Results come best match first (no sort indicator) until a column header is clicked.
            if self._search_sorted:
                rows = sort_rows(rows, *self.sort)
            self.table.horizontalHeader().setSortIndicatorShown(self._search_sorted)
            self.model.set_ids([r.household_id for r in rows], rows)
            if len(rows) >= SEARCH_LIMIT:
                self.count_label.setText(self.tr("{0} hộ đầu tiên khớp với “{1}” — gõ thêm để thu hẹp").format(
                    _count(len(rows)), query))
            else:
                self.count_label.setText(self.tr("{0} hộ khớp với “{1}”").format(_count(len(rows)), query))
        else:
            self._search_sorted = False
            self.table.horizontalHeader().setSortIndicatorShown(True)
            key, descending = self.sort
            # The first block of ids now; the rest is read on the worker, or here if a row past the first
            # block is needed before it arrives (see register_model).
            village, session = self.village_id, self.session
            listing = self.model.set_ids_later(session.household_count(village),
                                               session.household_ids(village, key, descending, limit=FIRST_IDS),
                                               lambda: session.household_ids(village, key, descending))
            if self.model.rowCount() > FIRST_IDS:
                QTimer.singleShot(REST_OF_IDS_DELAY_MS, self,
                                  lambda: self._read_rest_of_ids(listing, village, key, descending))
        self._update_actions()

    def _show_listing_count(self) -> None:
        if not self.search_box.text().strip():  # a search shows its own count
            self.count_label.setText(self.tr("{0} hộ").format(_count(self.model.rowCount())))

    def _read_rest_of_ids(self, listing: int, village: str | None, key: str, descending: bool) -> None:
        # Not closed, not moved on to another listing, not read it already.
        if not self.closed and self.model.waiting_for(listing):
            self._ids_task = run_in_background(
                "", Session.household_ids_in_worker, listing, self.session.db_path, village, key, descending,
                parent=self, quiet=True, on_done=self.model.offer_ids, on_error=log_error)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        key = sort_key(column)
        if key is None:
            # Columns without a stored order keep the previous sort; put the indicator back.
            previous = next(i for i, c in enumerate(COLUMNS) if c[1] == self.sort[0])
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(previous, Qt.SortOrder.DescendingOrder if self.sort[1]
                                    else Qt.SortOrder.AscendingOrder)
            header.blockSignals(False)
            return
        self.sort = (key, order == Qt.SortOrder.DescendingOrder)
        self._search_sorted = bool(self.search_box.text().strip())
        self.apply_filter()

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _on_notice(self, notice: ChangeNotice) -> None:
        searching = bool(self.search_box.text().strip())
        self.model.refresh(notice.household_ids)
        if notice.kind == "household_saved" and not searching:
            # A household entered by hand joins the list shown, if it belongs to the village filtered on.
            new = [hid for hid in notice.household_ids if self.model.row_of(hid) is None]
            rows = self.session.household_rows(new) if new else {}
            self.model.append([hid for hid in new if hid in rows
                               and self.village_id in (None, rows[hid].village_id)])
        self.count_label.setText(self.tr("{0} hộ").format(_count(self.model.rowCount())) if not searching
                                 else self.count_label.text())

    # -- selection
    def selected_household_ids(self) -> list[str]:
        return [self.model.id_at(i.row()) for i in self.table.selectionModel().selectedRows()]

    def select_household(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row is None:
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _current_id(self) -> str | None:
        ids = self.selected_household_ids()
        index = self.table.currentIndex()
        if index.isValid() and self.model.id_at(index.row()) in ids:
            return self.model.id_at(index.row())
        return ids[0] if ids else None

    # -- screens
    def _keep(self, window: QWidget) -> QWidget:
        self.editors.append(window)
        window.destroyed.connect(lambda *_: self.editors.remove(window) if window in self.editors else None)
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def new_household(self) -> HouseholdEditor:
        from ngheo_desktop.ui.household_editor import HouseholdEditor

        editor = HouseholdEditor(self.session, self.session.new_household(self.villages.current_village()), self)
        editor.assess_requested.connect(self.assess_household)
        self._keep(editor)
        return editor

    def _draft(self, household_id: str | None):
        """The household given, or the selected one, opened as a draft; None (after saying why) if it can't be."""
        household_id = household_id or self._current_id()
        if household_id is None:
            return None
        try:
            return self.session.open_household(household_id)
        except NgheoError as exc:
            present_error(exc, self)
            return None

    def open_household(self, household_id: str | None = None) -> HouseholdEditor | None:
        from ngheo_desktop.ui.household_editor import HouseholdEditor

        draft = self._draft(household_id)
        if draft is None:
            return None
        editor = HouseholdEditor(self.session, draft, self)
        editor.assess_requested.connect(self.assess_household)
        self._keep(editor)
        return editor

    def assess_household(self, household_id: str | None = None) -> AssessmentWizard | None:
        from ngheo_desktop.ui.wizard import AssessmentWizard

        draft = self._draft(household_id)
        if draft is None:
            return None
        household_id = draft.doc["household_id"]
        wizard = AssessmentWizard(draft, self.session.save_answer, self.session.complete_assessment,
                                  self.session.resume_section(household_id), self)
        wizard.completed.connect(self.select_household)
        self._keep(wizard)
        return wizard

    # -- long work
    def run_long(self, title: str, fn: Callable[..., Any], *args: Any,
                 on_done: Callable[[Any], None] | None = None) -> Task:
        """Run ``fn(progress, *args)`` in the background with a delayed progress dialog and Cancel."""
        return run_in_background(title, fn, *args, parent=self, on_done=on_done)

    def reclassify_preview(self) -> Task:
        registry = criteria.default_registry()
        standard = max(registry.all(), key=lambda s: s.valid_from_year)
        return self.run_long(self.tr("Đang phân loại lại toàn bộ hộ theo {0}…").format(standard.title_vi),
                             _reclassify_in_worker, str(self.session.db_path), standard.id,
                             on_done=self._show_reclassify)

    def _show_reclassify(self, report: ReclassifyReport) -> None:
        lines = [self.tr("Theo {0}: {1} hộ, {2} hộ đổi phân loại, trong đó {3} hộ vào hoặc ra danh sách "
                         "hộ nghèo, cận nghèo.").format(report.standard_id, _count(report.total),
                                                        _count(report.moved), _count(report.list_changes))]
        for klass, n in report.after.most_common():
            lines.append(f"• {criteria.CLASS_VI.get(klass, str(klass))}: {_count(n)} "
                         f"({'+' if n >= report.before[klass] else ''}{n - report.before[klass]})")
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Phân loại lại (xem trước)"), "\n".join(lines),
                          QMessageBox.StandardButton.Ok, self)
        box.setInformativeText(self.tr("Đây là bản xem trước: phân loại trong sổ hộ không thay đổi."))
        box.show()
        self.last_report = report

    def childEvent(self, event) -> None:
        """Screens opened on this window (editor, wizard, dialogs) take the app's style sheet, which the
        register itself goes without (see ``theme``)."""
        # Only once the window is built: asking for each child while it is built would make PySide create
        # a Python type for every Qt class involved (layouts, actions, tool bar …: ~50 ms at start-up).
        if self._screens_styled and event.added():
            child = event.child()
            if child.isWidgetType() and child.isWindow() and not child.styleSheet():
                child.setStyleSheet(theme.STYLESHEET)
        super().childEvent(event)

    def dragEnterEvent(self, event) -> None:
        self.sync.accept_drag(event)

    def dragMoveEvent(self, event) -> None:
        self.sync.accept_drag(event)

    def dropEvent(self, event) -> None:
        self.sync.drop(event)

    def closeEvent(self, event) -> None:
        """Closing the register closes its editors and wizards (each answer is already saved), then the file."""
        self.closed = self.sync.closed = True  # nothing may read the register any more (the role is read late)
        for window in list(self.editors):
            window.close()
        self.table.setModel(None)
        self.session.close()
        super().closeEvent(event)

    # -- administrative units
    def edit_units(self) -> QWidget | None:
        """The units screen; on a field laptop the office's names and areas arrive with its assignments."""
        if self.sync.ensure_role() == "field":
            QMessageBox.information(self, self.tr("Đơn vị hành chính"), self.tr(
                "Tên và khu vực (nông thôn, thành thị) của thôn, xã do văn phòng xã sửa. Máy rà soát nhận "
                "thông tin mới khi nhập tệp giao việc của xã."))
            return None
        from ngheo_desktop.ui.units_dialog import UnitsDialog

        dialog = UnitsDialog(self.session, self, open_households=self._open_household_titles)
        dialog.changed.connect(lambda _change: None if self.closed else self.reload())
        return self._keep(dialog)

    def _open_household_titles(self) -> list[str]:
        """The titles of the household editors and wizards open on this register."""
        from ngheo_desktop.ui.household_editor import HouseholdEditor
        from ngheo_desktop.ui.wizard import AssessmentWizard

        return [w.windowTitle() for w in self.editors if isinstance(w, HouseholdEditor | AssessmentWizard)
                and w.isVisible()]

    # -- settings and about
    def edit_settings(self) -> None:
        from ngheo_desktop.ui.settings import save_settings
        from ngheo_desktop.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.session.settings, self)
        if dialog.exec():
            self.session.settings = dialog.settings()
            save_settings(self.session.settings)

    def about(self) -> None:
        from ngheo_desktop.ui.about import AboutDialog

        AboutDialog(self.role_title, self).exec()


def _reclassify_in_worker(progress, db_path: str, standard_id: str) -> ReclassifyReport:
    """Runs on the worker thread with its own connection (never the window's)."""
    from ngheo_desktop.services import register

    store = register.open_register(db_path)
    try:
        return register.reclassify(store, standard_id, dry_run=True, progress=progress)
    finally:
        store.close()
