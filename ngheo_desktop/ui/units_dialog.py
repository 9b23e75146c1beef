"""The administrative units screen: the office corrects a unit's name, kind or rural/urban area.

The area decides the income line households are measured against, so a change is confirmed first, and
then carried into every household of the unit on a worker (``services.units.update_unit``, one
transaction, with progress and Cancel). The screen then names the households whose recorded class the
rules now give differently, for the office to re-assess.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ngheo_desktop.criteria.vocabulary import AREAS
from ngheo_desktop.services import units as units_svc
from ngheo_desktop.store import AREA_OF_KIND, INHERIT_AREA, UNIT_KINDS, HouseholdRow
from ngheo_desktop.ui import theme
from ngheo_desktop.ui.errors import log_error, present_error
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.worker import Task, run_in_background

# How many households the result names before it says "and N more" (the CLI lists them all).
NAMED_HOUSEHOLDS = 10


class UnitsDialog(QDialog):
    changed = Signal(object)  # services.units.UnitChange, once committed

    def __init__(self, session: Session, parent: QWidget | None = None,
                 open_households: Callable[[], list[str]] | None = None) -> None:
        """``open_households`` names the household windows open beside this one: a unit edit gives their
        households new versions, so they must be closed first (their answers are already saved)."""
        super().__init__(parent)
        self.session = session
        self.open_households = open_households or (lambda: [])
        self.task: Task | None = None
        self.area_names = {"rural": self.tr("nông thôn"), "urban": self.tr("thành thị")}
        self.setWindowTitle(self.tr("Đơn vị hành chính"))
        self.resize(760, 560)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Khu vực (nông thôn hay thành thị) quyết định chuẩn thu nhập áp dụng cho các hộ. "
                               "Sửa ở đây thì vị trí ghi trong hồ sơ của mọi hộ thuộc đơn vị được cập nhật theo."))
        intro.setWordWrap(True)
        intro.setStyleSheet(theme.HELP_TEXT)
        layout.addWidget(intro)

        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Đơn vị"), self.tr("Loại"), self.tr("Khu vực"), self.tr("Số hộ")])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(lambda *_: self._show_selected())
        layout.addWidget(self.tree, 1)

        form = QFormLayout()
        self.name = QLineEdit()
        self.kind = QComboBox()
        self.area = QComboBox()  # filled per unit: a village may take its commune's area
        for text, field in ((self.tr("&Tên:"), self.name), (self.tr("&Loại:"), self.kind)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        area_label = QLabel(self.tr("&Khu vực:"))
        area_label.setBuddy(self.area)
        form.addRow(area_label, self.area)
        layout.addLayout(form)
        self.kind.currentIndexChanged.connect(self._kind_chosen)

        self.status = QLabel()
        self.status.setStyleSheet(theme.HELP_TEXT)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(self.tr("&Lưu thay đổi"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, self.save)
        self.load()

    # -- showing
    def load(self, select_id: str | None = None) -> None:
        self.rows = {row.unit.id: row for row in self.session.unit_tree()}
        self.tree.clear()
        items: dict[str, QTreeWidgetItem] = {}
        for row in self.rows.values():
            parent = items.get(row.unit.parent_id or "")
            item = QTreeWidgetItem([row.unit.name, UNIT_KINDS[row.unit.level][row.unit.kind], self._area_text(row),
                                    f"{row.households:,}".replace(",", ".")])
            item.setData(0, Qt.ItemDataRole.UserRole, row.unit.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            (parent.addChild(item) if parent else self.tree.addTopLevelItem(item))
            items[row.unit.id] = item
        self.tree.expandAll()
        chosen = items.get(select_id or "") or next(iter(items.values()), None)
        if chosen is not None:
            self.tree.setCurrentItem(chosen)
        self._show_selected()

    def _area_text(self, row: units_svc.UnitRow) -> str:
        if row.unit.level == "province":
            return ""  # the area is set per commune (or village), never per province
        if row.area is None:
            return self.tr("chưa rõ")
        text = self.area_names[row.area]
        return self.tr("{0} (theo cấp trên)").format(text) if row.area_inherited else text

    def selected(self) -> units_svc.UnitRow | None:
        item = self.tree.currentItem()
        return self.rows.get(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show_selected(self) -> None:
        row = self.selected()
        for widget in (self.name, self.kind, self.area, self.save_button):
            widget.setEnabled(row is not None)
        if row is None:
            return
        self.status.clear()
        self.name.setText(row.unit.name)
        self.kind.blockSignals(True)
        self.kind.clear()
        for kind, label in UNIT_KINDS[row.unit.level].items():
            self.kind.addItem(label, kind)
        self.kind.setCurrentIndex(self.kind.findData(row.unit.kind))
        self.kind.blockSignals(False)
        self.area.clear()
        if row.unit.level == "village":
            above = self.rows.get(row.unit.parent_id or "")
            inherited = self.area_names.get(above.area, self.tr("chưa rõ")) if above else self.tr("chưa rõ")
            self.area.addItem(self.tr("Theo xã, phường ({0})").format(inherited), INHERIT_AREA)
        if row.unit.level != "province":  # the area is set per commune or village, never per province
            for area in AREAS:
                self.area.addItem(self.area_names[area].capitalize(), area)
        self.area.setEnabled(row.unit.level != "province")
        current = row.unit.area or (INHERIT_AREA if row.unit.level == "village" else None)
        self.area.setCurrentIndex(self.area.findData(current) if current else -1)

    def _kind_chosen(self) -> None:
        """A commune chosen as xã or phường takes the area that kind implies (a special zone keeps its own),
        and a name starting with the old kind's word takes the new one (Xã … → Phường …)."""
        row = self.selected()
        if row is None:
            return
        implied = AREA_OF_KIND.get(self.kind.currentData())
        if implied and row.unit.level == "commune":
            self.area.setCurrentIndex(self.area.findData(implied))
        levels = UNIT_KINDS[row.unit.level]
        typed = self.name.text().strip()
        for word in levels.values():
            if typed.startswith(word + " "):
                self.name.setText(levels[self.kind.currentData()] + typed[len(word):])
                break

    # -- saving
    def _changes(self, row: units_svc.UnitRow) -> dict[str, Any]:
        changes: dict[str, Any] = {}
        name = self.name.text().strip()
        if name and name != row.unit.name:
            changes["name"] = name
        if self.kind.currentData() != row.unit.kind:
            changes["kind"] = self.kind.currentData()
        chosen = self.area.currentData()
        if chosen is not None and chosen != (row.unit.area or INHERIT_AREA):
            changes["area"] = chosen
        return changes

    def _area_after(self, row: units_svc.UnitRow, area: str) -> str:
        """The name of the area in force once ``area`` is set (a village may take its commune's)."""
        if area == INHERIT_AREA:
            above = self.rows.get(row.unit.parent_id or "")
            area = above.area if above else None
        return self.area_names.get(area, self.tr("chưa rõ"))

    def save(self) -> Task | None:
        row = self.selected()
        if row is None or self.task is not None:
            return None
        if not self.name.text().strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Tên đơn vị không được để trống."))
            self.name.setFocus()
            return None
        changes = self._changes(row)
        if not changes:
            self.status.setText(self.tr("Không có gì thay đổi."))
            return None
        open_windows = self.open_households()
        if open_windows:
            QMessageBox.information(self, self.windowTitle(), self.tr(
                "Hãy đóng các cửa sổ hộ đang mở trước ({0}): hồ sơ các hộ sẽ được cập nhật theo đơn vị hành "
                "chính. Mọi câu trả lời đã được lưu.").format(", ".join(open_windows)))
            return None
        moved = self._households_moved(row)
        if "area" in changes and moved:
            area = self._area_after(row, changes["area"])
            answer = QMessageBox.question(self, self.tr("Đổi khu vực?"), self.tr(
                "{0} sẽ là khu vực {1}. Hồ sơ của {2} hộ được cập nhật và các hộ này được đo theo chuẩn thu nhập "
                "của khu vực {1}. Tiếp tục?").format(changes.get("name", row.unit.name), area, moved))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        self.save_button.setEnabled(False)
        self.task = run_in_background(self.tr("Đang cập nhật hồ sơ các hộ của {0}…").format(row.unit.name),
                                      _update_in_worker, self.session.db_path, row.unit.id, self.session.actor,
                                      changes, parent=self, on_done=self._saved, on_error=self._failed)
        return self.task

    def _households_moved(self, row: units_svc.UnitRow) -> int:
        """Households whose area in force a new area for ``row`` changes: a village's own, or a commune's
        in the villages that take its area (a village with its own area keeps it)."""
        if row.unit.level == "village":
            return row.households
        return sum(r.households for r in self.rows.values()
                   if r.unit.parent_id == row.unit.id and r.unit.level == "village" and r.unit.area is None)

    def _failed(self, exc: BaseException) -> None:
        self.task = None
        if not self.isVisible():  # closed meanwhile: nothing was saved, and no box is left on its own
            log_error(exc)
            return
        self.save_button.setEnabled(True)
        present_error(exc, self)

    def _saved(self, outcome: tuple[units_svc.UnitChange, dict[str, HouseholdRow]]) -> None:
        change, to_reassess = outcome
        self.task = None
        if not self.isVisible():
            # Closed while the households were updated (the change is saved): the register, if still open,
            # catches up; no box is put up on its own, and a closed register is not read.
            self.changed.emit(change)
            return
        self.load(change.unit.id)
        self.changed.emit(change)
        lines = [self.tr("Đã sửa {0}; cập nhật vị trí trong hồ sơ của {1} hộ.").format(
            change.unit.name, len(change.households_updated))]
        if to_reassess:
            lines.append(self.tr("{0} hộ có kết quả đã ghi khác với kết quả theo khu vực mới, cần rà soát lại:")
                         .format(len(to_reassess)))
            named = sorted(to_reassess.values(), key=lambda r: r.register_no)
            lines += [self.tr("• số {0}: {1}, {2}").format(r.register_no, r.head_name, r.village)
                      for r in named[:NAMED_HOUSEHOLDS]]
            if len(named) > NAMED_HOUSEHOLDS:
                lines.append(self.tr("… và {0} hộ khác.").format(len(named) - NAMED_HOUSEHOLDS))
        if change.households_updated:
            lines.append(self.tr("Gửi lại tệp giao việc cho các thôn này để máy rà soát viên nhận thông tin mới."))
        self.result_box = QMessageBox(QMessageBox.Icon.Information, self.tr("Đã sửa đơn vị hành chính"),
                                      "\n".join(lines), QMessageBox.StandardButton.Ok, self)
        self.result_box.show()


def _update_in_worker(progress: Any, db_path: Path, unit_id: str, actor: str, changes: dict[str, Any]
                      ) -> tuple[units_svc.UnitChange, dict[str, HouseholdRow]]:
    """Runs on the worker thread with its own connection (never the window's)."""
    from ngheo_desktop.services import register

    store = register.open_register(db_path)
    try:
        change = units_svc.update_unit(store, unit_id, actor=actor, progress=progress, **changes)
        return change, store.household_rows(change.results_differ)
    finally:
        store.close()
