"""The settings dialog: surveyor name, commune, interface language and database location."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ngheo_desktop.ui.settings import Settings


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cài đặt"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.surveyor = QLineEdit(settings.surveyor_name)
        self.surveyor.setPlaceholderText(self.tr("Họ tên người rà soát, in trên phiếu"))
        form.addRow(self.tr("&Người rà soát:"), self.surveyor)
        self.commune = QLineEdit(settings.commune)
        self.commune.setPlaceholderText(self.tr("Ví dụ: Xã Quỳnh Thắng"))
        form.addRow(self.tr("&Xã/phường:"), self.commune)
        self.language = QComboBox()
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        form.addRow(self.tr("Ngôn n&gữ:"), self.language)
        row = QHBoxLayout()
        self.database = QLineEdit(str(settings.database_file()))
        browse = QPushButton(self.tr("&Chọn…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.database, 1)
        row.addWidget(browse)
        # A label made by addRow for a layout has no buddy, so its shortcut would show as a literal "&".
        database_label = QLabel(self.tr("Cơ sở &dữ liệu:"))
        database_label.setBuddy(self.database)
        form.addRow(database_label, row)
        note = QLabel(self.tr("Đổi ngôn ngữ hoặc cơ sở dữ liệu có hiệu lực khi mở lại phần mềm."))
        note.setObjectName("help")
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Lưu"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._default_db = str(Settings().database_file())

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Chọn tệp cơ sở dữ liệu"), self.database.text(), self.tr("Cơ sở dữ liệu (*.sqlite)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.database.setText(path)

    def settings(self) -> Settings:
        db = self.database.text().strip()
        return Settings(surveyor_name=self.surveyor.text().strip(), commune=self.commune.text().strip(),
                        language=self.language.currentData(),
                        database_path="" if db == self._default_db else db)
