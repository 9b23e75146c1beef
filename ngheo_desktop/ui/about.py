"""The About dialog: version, role, the standard files in use (with their hashes) and the licences of the
bundled fonts — what an office needs to confirm two laptops run the same rules."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from ngheo_desktop import __version__
from ngheo_desktop.criteria import default_registry
from ngheo_desktop.paths import bundled, data_home, is_portable

FONT_LICENCES = (("DejaVu Sans", "DejaVu-LICENSE.txt"),)


class AboutDialog(QDialog):
    def __init__(self, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Giới thiệu"))
        self.resize(640, 560)
        self.text = QTextBrowser(self)
        self.text.setHtml(self.about_html(role))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)

    def about_html(self, role: str) -> str:
        # Each self.tr() stands alone (not inside an f-string) so that lupdate finds the strings.
        title = self.tr("Rà soát hộ nghèo, hộ cận nghèo")
        version = self.tr("Phiên bản")
        folder = self.tr("Thư mục dữ liệu")
        standards_heading = self.tr("Chuẩn nghèo đang dùng")
        provisional = self.tr(" — chỉ số tạm thời, chưa xác minh")
        fonts_heading = self.tr("Phông chữ kèm theo và giấy phép")
        location = self.tr("di động (dữ liệu nằm cạnh chương trình)") if is_portable() else str(data_home())
        rows = []
        for std in default_registry().all():
            note = provisional if std.provisional_indicators else ""
            rows.append(f"<li><b>{escape(std.id)}</b>: {escape(std.title_vi)}{escape(note)}<br>"
                        f"<small>{escape(std.path.name)} · SHA-256 {std.sha256[:16]}…</small></li>")
        fonts = []
        for name, licence in FONT_LICENCES:
            path = bundled("resources", "fonts", licence)
            licence_text = escape(path.read_text(encoding="utf-8")) if path.is_file() else ""
            fonts.append(f"<li><b>{escape(name)}</b> — {escape(licence)}"
                         f"<p style='white-space: pre-wrap; font-size: small'>{licence_text}</p></li>")
        return (f"<h2>{escape(title)}</h2>"
                f"<p>{escape(version)} {escape(__version__)}{' · ' + escape(role) if role else ''}</p>"
                f"<p>{escape(folder)}: {escape(location)}</p>"
                f"<h3>{escape(standards_heading)}</h3><ul>{''.join(rows)}</ul>"
                f"<h3>{escape(fonts_heading)}</h3><ul>{''.join(fonts)}</ul>")
