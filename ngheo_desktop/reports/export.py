"""Writers of a ``Report`` as PDF (reportlab), XLSX (openpyxl, real number cells) and CSV (UTF-8 with BOM).

All three carry the same heading (commune, round, date made), tables and notes; the PDF adds the charts
and the signature block the province expects on a paper report.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from ngheo_desktop.reports.compute import KINDS
from ngheo_desktop.reports.data import ReportContext
from ngheo_desktop.reports.errors import OutputError, cannot_write
from ngheo_desktop.reports.fonts import BOLD, REGULAR, markup, pdf_text
from ngheo_desktop.reports.layout import (
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NationalHeading,
    grid_style,
    make_styles,
    wrap_cell,
)
from ngheo_desktop.reports.model import DECIMAL, INT, POINTS, RATE, YEAR, Column, Report
from ngheo_desktop.text import format_date_vi, nfc

FORMATS = ("pdf", "xlsx", "csv")
# A table at most this share of a page tall is kept in one piece; a longer one is split between pages.
SHORT_TABLE_SHARE = 1 / 3
# Body rows that must fit under a table's title on its first page, or the title moves to the next page.
ROWS_UNDER_TITLE = 3
SERIES_COLOURS = [colors.HexColor("#b03a2e"), colors.HexColor("#2e86c1"), colors.HexColor("#7d8c3a")]


def format_cell(value: Any, kind: str) -> str:
    """A cell as Vietnamese print text: ``1.234``, ``12,5%``, ``0,283``."""
    if value is None:
        return ""
    if kind == INT:
        return f"{int(value):,}".replace(",", ".")
    if kind == RATE:
        return f"{value * 100:.1f}".replace(".", ",") + "%"
    if kind == DECIMAL:
        return f"{value:.3f}".replace(".", ",")
    if kind == POINTS:
        return f"{value:+.1f}".replace(".", ",")
    return pdf_text(value)


# ---------------------------------------------------------------------------- PDF
class _NumberedCanvas(Canvas):
    """Holds each page until the end so the footer can say "Trang i/n" (reports are a few pages)."""

    def __init__(self, *args, footer: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._footer = footer

    def showPage(self):
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for i, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            width = self._pagesize[0]
            self.setFont(REGULAR, 7.5)
            self.setLineWidth(0.4)
            self.line(MARGIN_X, MARGIN_BOTTOM - 3 * mm, width - MARGIN_X, MARGIN_BOTTOM - 3 * mm)
            self.drawString(MARGIN_X, MARGIN_BOTTOM - 7 * mm, pdf_text(self._footer))
            self.drawRightString(width - MARGIN_X, MARGIN_BOTTOM - 7 * mm, pdf_text(f"Trang {i}/{total}"))
            super().showPage()
        super().save()


def _pdf_table(table, width: float, frame_height: float, styles) -> list:
    weights = [c.width for c in table.columns]
    widths = [width * w / sum(weights) for w in weights]
    header = [Paragraph(f"<b>{markup(c.header)}</b>", styles.cell_center) for c in table.columns]
    body = []
    for row in table.rows:
        body.append([format_cell(v, c.kind) if c.kind != "text" else wrap_cell(v, w)
                     for v, c, w in zip(row, table.columns, widths, strict=True)])
    if not body:
        body.append(["Không có hộ nào."] + [""] * (len(table.columns) - 1))
    style = [*grid_style(), ("FONT", (0, 1), (-1, -1), REGULAR, 8), ("VALIGN", (0, 0), (-1, 0), "MIDDLE")]
    for i, c in enumerate(table.columns):
        if c.kind != "text":
            style.append(("ALIGN", (i, 1), (i, -1), "RIGHT"))
    if table.total_rows and table.rows:
        style.append(("FONT", (0, -table.total_rows), (-1, -1), BOLD, 8))
    if not table.rows:
        style.append(("SPAN", (0, 1), (-1, 1)))
    grid = Table([header, *body], colWidths=widths, repeatRows=1)
    grid.setStyle(TableStyle(style))
    title = Paragraph(markup(table.title), styles.section)
    title_height = title.wrap(width, frame_height)[1] + styles.section.spaceBefore + styles.section.spaceAfter
    grid.wrap(width, frame_height)
    rows = grid._rowHeights
    if title_height + sum(rows) <= frame_height * SHORT_TABLE_SHARE:
        # A short table moves to the next page whole rather than split (little paper is left blank).
        out: list = [KeepTogether([title, grid])]
    else:
        # A longer one starts under its title, split over pages with its header repeated; the title moves on
        # only when the page has no room for it, the header and the first few rows.
        start = title_height + sum(rows[:1 + ROWS_UNDER_TITLE])
        out = [CondPageBreak(start), title, grid]
    if table.note:
        out.append(Paragraph(markup(table.note), styles.small))
    return out


def _chart(chart, width: float) -> Drawing:
    n = len(chart.categories)
    if chart.kind == "line":
        height = 70 * mm
        drawing = Drawing(width, height)
        plot = HorizontalLineChart()
        plot.x, plot.y, plot.width, plot.height = 40, 35, width - 60, height - 60
        plot.data = [tuple(v * 100 for v in values) for _, values in chart.series]
        plot.categoryAxis.categoryNames = [pdf_text(c) for c in chart.categories]
        for i, _ in enumerate(chart.series):
            plot.lines[i].strokeColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            plot.lines[i].strokeWidth = 1.5
    else:
        height = max(60 * mm, n * 11 * mm / 2 + 30 * mm)
        drawing = Drawing(width, height)
        plot = HorizontalBarChart()
        plot.x, plot.y, plot.width, plot.height = 150, 35, width - 180, height - 60
        # The bar chart draws its first category at the bottom: reverse so the table's order reads downwards.
        plot.data = [tuple(v * 100 for v in reversed(values)) for _, values in chart.series]
        plot.categoryAxis.categoryNames = [pdf_text(c) for c in reversed(chart.categories)]
        plot.categoryAxis.labels.boxAnchor = "e"
        plot.categoryAxis.labels.dx = -4
        plot.barSpacing = 0.5
        plot.groupSpacing = 4
        for i in range(len(chart.series)):
            plot.bars[i].fillColor = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            plot.bars[i].strokeColor = None
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = 100
    plot.valueAxis.valueStep = 20
    plot.valueAxis.labelTextFormat = "%d%%"
    for axis in (plot.categoryAxis, plot.valueAxis):
        axis.labels.fontName = REGULAR
        axis.labels.fontSize = 7
    drawing.add(plot)
    legend = Legend()
    legend.x, legend.y = plot.x, 12
    legend.fontName, legend.fontSize = REGULAR, 7.5
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.deltax = 90
    legend.colorNamePairs = [(SERIES_COLOURS[i % len(SERIES_COLOURS)], pdf_text(name))
                             for i, (name, _) in enumerate(chart.series)]
    drawing.add(legend)
    drawing.add(String(0, height - 12, pdf_text(chart.title), fontName=BOLD, fontSize=9))
    return drawing


def write_pdf(report: Report, ctx: ReportContext, out: str | Path | BinaryIO) -> None:
    styles = make_styles()
    pagesize = landscape(A4) if report.landscape else A4
    width = pagesize[0] - 2 * MARGIN_X
    frame_height = pagesize[1] - MARGIN_TOP - MARGIN_BOTTOM
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, pagesize=pagesize,
                            leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
                            bottomMargin=MARGIN_BOTTOM, title=nfc(report.title), creator="ngheo_desktop",
                            invariant=1)
    printed = format_date_vi(ctx.printed_on.isoformat())
    story: list = [NationalHeading([f"UBND {ctx.commune}"], width), Spacer(1, 5 * mm),
                   Paragraph(markup(report.title), styles.title),
                   Paragraph(markup(f"{ctx.round_title} — {ctx.commune}, {ctx.province}"), styles.subtitle),
                   Spacer(1, 3 * mm)]
    for table in report.tables:
        story += _pdf_table(table, width, frame_height, styles)
        story.append(Spacer(1, 3 * mm))
    for chart in report.charts:
        story.append(KeepTogether([_chart(chart, width)]))
    for note in report.notes:
        story.append(Paragraph("Ghi chú: " + markup(note), styles.small))
    place = ctx.commune.removeprefix("Xã ").removeprefix("Phường ")
    d = ctx.printed_on
    signatures = Table([
        ["", Paragraph(markup(f"{place}, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"), styles.sign)],
        [Paragraph("<b>NGƯỜI LẬP BIỂU</b><br/>(Ký, ghi rõ họ tên)", styles.sign),
         Paragraph("<b>TM. ỦY BAN NHÂN DÂN<br/>CHỦ TỊCH</b><br/>(Ký tên, đóng dấu)", styles.sign)],
    ], colWidths=[width / 2, width / 2])
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 4 * mm), KeepTogether([signatures, Spacer(1, 25 * mm)])]
    footer = f"{KINDS.get(report.kind, report.title)} — {ctx.commune} — lập ngày {printed}"

    def canvasmaker(*args, **kwargs):
        return _NumberedCanvas(*args, footer=footer, **kwargs)

    doc.build(story, canvasmaker=canvasmaker)


# ---------------------------------------------------------------------------- XLSX
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_THIN = Side(style="thin", color="777777")
_NUMBER_FORMATS = {INT: "#,##0", RATE: "0.0%", DECIMAL: "0.000", YEAR: "0", POINTS: "+0.0;-0.0;0.0"}


def _sheet_name(title: str, used: set[str]) -> str:
    base = _SHEET_NAME_BAD.sub(" ", nfc(title))[:31].strip() or "Bang"
    name, i = base, 2
    while name in used:
        suffix = f" ({i})"
        name, i = base[:31 - len(suffix)] + suffix, i + 1
    used.add(name)
    return name


def write_xlsx(report: Report, ctx: ReportContext, out: str | Path | BinaryIO) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    used: set[str] = set()
    bold = Font(bold=True)
    for table in report.tables:
        ws = wb.create_sheet(_sheet_name(table.title, used))
        ws.append([nfc(report.title)])
        ws["A1"].font = Font(bold=True, size=12)
        ws.append([nfc(f"UBND {ctx.commune}, {ctx.province} — {ctx.round_title}")])
        ws.append([nfc(f"{table.title} (lập ngày {format_date_vi(ctx.printed_on.isoformat())})")])
        ws.append([])
        ws.append([nfc(c.header) for c in table.columns])
        header_row = ws.max_row
        for cell in ws[header_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
            cell.fill = PatternFill("solid", fgColor="E6E6E6")
            cell.border = Border(_THIN, _THIN, _THIN, _THIN)
        for row in table.rows:
            ws.append([nfc(v) if isinstance(v, str) else v for v in row])
            for cell, col in zip(ws[ws.max_row], table.columns, strict=True):
                cell.border = Border(_THIN, _THIN, _THIN, _THIN)
                if col.kind in _NUMBER_FORMATS:
                    cell.number_format = _NUMBER_FORMATS[col.kind]
        for r in range(ws.max_row - table.total_rows + 1, ws.max_row + 1):
            if table.total_rows:
                for cell in ws[r]:
                    cell.font = bold
        for note in ([table.note] if table.note else []) + report.notes:
            ws.append([nfc("Ghi chú: " + note)])
        ws.freeze_panes = ws.cell(row=header_row + 1, column=1)
        for i, col in enumerate(table.columns, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(8, 14 * col.width)
    wb.properties.title = nfc(report.title)
    wb.properties.creator = "ngheo_desktop"
    wb.save(out)


# ---------------------------------------------------------------------------- CSV
def _csv_value(value: Any, col: Column) -> Any:
    if value is None:
        return ""
    if col.kind == RATE:
        return round(value * 100, 2)
    if col.kind == DECIMAL:
        return round(value, 4)
    return nfc(value) if isinstance(value, str) else value


def write_csv(report: Report, ctx: ReportContext, out: str | Path | BinaryIO) -> None:
    """Tables one after another, each with its title line, then the notes; rates in percent. UTF-8 with BOM
    for Excel."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow([nfc(report.title)])
    writer.writerow([nfc(f"UBND {ctx.commune}, {ctx.province} — {ctx.round_title}")])
    for table in report.tables:
        writer.writerow([])
        writer.writerow([nfc(table.title)])
        writer.writerow([nfc(c.header + (" (%)" if c.kind == RATE else "")) for c in table.columns])
        for row in table.rows:
            writer.writerow([_csv_value(v, c) for v, c in zip(row, table.columns, strict=True)])
        if table.note:
            writer.writerow([nfc("Ghi chú: " + table.note)])
    # The notes say what the figures rest on (unverified lists among them): the CSV keeps them too.
    if report.notes:
        writer.writerow([])
    for note in report.notes:
        writer.writerow([nfc("Ghi chú: " + note)])
    data = text.getvalue().encode("utf-8-sig")
    if isinstance(out, str | Path):
        Path(out).write_bytes(data)
    else:
        out.write(data)


WRITERS = {"pdf": write_pdf, "xlsx": write_xlsx, "csv": write_csv}


def format_for(path: str | Path, fmt: str | None = None, formats: tuple[str, ...] = FORMATS) -> str:
    """The format a file is written in: the one its name's extension says, which ``fmt``, when given, must
    agree with (a PDF saved as ``r.xlsx`` opens nowhere)."""
    name = Path(path).name
    ext = Path(path).suffix.lower().removeprefix(".")
    if ext not in formats:
        endings = [f".{f}" for f in formats]
        allowed = endings[0] if len(endings) == 1 else ", ".join(endings[:-1]) + " hoặc " + endings[-1]
        raise OutputError(f"Tên tệp {name} phải có đuôi {allowed}: đuôi tệp cho biết định dạng được ghi.")
    if fmt is not None and fmt != ext:
        raise OutputError(f"Tệp {name} có đuôi .{ext} nhưng định dạng yêu cầu là {fmt}: "
                          "hãy đặt đuôi tệp đúng định dạng, hoặc bỏ --format.")
    return ext


def write_report(report: Report, ctx: ReportContext, fmt: str, out: str | Path | BinaryIO) -> None:
    if fmt not in WRITERS:
        raise OutputError(f"Định dạng '{fmt}' không được hỗ trợ (chọn một trong: {', '.join(FORMATS)}).")
    try:
        WRITERS[fmt](report, ctx, out)
    except OSError as exc:
        raise cannot_write(out, exc) from None
