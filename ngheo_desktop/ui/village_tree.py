"""The village filter: the commune and its villages with household counts; "all" at the top."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QWidget

from ngheo_desktop.store import Unit


class VillageTree(QTreeWidget):
    village_chosen = Signal(object)  # a village id, or None for every household

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setColumnCount(2)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)
        self.header().setStretchLastSection(False)
        self.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # A fixed count column, sized on load: fitting it to its contents would measure every village
        # each time the selection changes.
        self.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        self.currentItemChanged.connect(self._changed)
        self.villages: dict[str, Unit] = {}

    def load(self, commune: str, villages: list[Unit], counts: dict[str, int], total: int) -> None:
        self.blockSignals(True)
        self.clear()
        self.villages = {v.id: v for v in villages}
        root = QTreeWidgetItem([self.tr("Cả xã"), f"{total:,}".replace(",", ".")])
        root.setToolTip(0, commune)
        root.setData(0, Qt.ItemDataRole.UserRole, None)
        font = root.font(0)
        font.setBold(True)
        root.setFont(0, font)
        items = [root]
        for village in villages:
            item = QTreeWidgetItem([village.name, f"{counts.get(village.id, 0):,}".replace(",", ".")])
            item.setData(0, Qt.ItemDataRole.UserRole, village.id)
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            items.append(item)
        root.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self.addTopLevelItems(items)
        # The widest count is the commune's total (measured in bold: a little room to spare).
        self.header().resizeSection(1, QFontMetrics(font).horizontalAdvance(root.text(1)) + 16)
        self.setCurrentItem(root)
        self.blockSignals(False)

    def current_village(self) -> Unit | None:
        item = self.currentItem()
        vid = item.data(0, Qt.ItemDataRole.UserRole) if item else None
        return self.villages.get(vid) if vid else None

    def _changed(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.village_chosen.emit(item.data(0, Qt.ItemDataRole.UserRole))
