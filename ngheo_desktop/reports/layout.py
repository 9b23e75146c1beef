"""Shared PDF building blocks: paragraph styles, the national heading, fast ruled grids and text blocks,
and a page-by-page layout.

Sheets are drawn household by household onto one canvas, so a village batch never holds more than one
household's flowables; ``paginate`` lays a household's flowables out into pages first, so the footer can
say "Trang 1/2" before anything is drawn. ``Grid`` and ``TextBlock`` draw straight onto the canvas: a
village batch prints hundreds of thousands of cells, and reportlab's ``Table``/``Paragraph`` cost several
times more per cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable

from ngheo_desktop.reports.fonts import BOLD, REGULAR, pdf_text, register_fonts

# Compressed page streams are written as binary rather than ASCII85 text: a quarter smaller and no
# encoding pass. Every PDF this app writes goes through this module.
rl_config.useA85 = 0

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 15 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 16 * mm
FRAME_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
FRAME_HEIGHT = PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM

GRID = colors.HexColor("#555555")
SHADE = colors.HexColor("#e6e6e6")
SHADE_LIGHT = colors.HexColor("#f3f3f3")


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_center: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    sign: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        cell=cell,
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER),
        section=ParagraphStyle("section", parent=body, fontName=BOLD, fontSize=10, leading=13,
                               spaceBefore=4, spaceAfter=2),
        sign=ParagraphStyle("sign", parent=body, alignment=TA_CENTER, leading=13),
    )


class NationalHeading(Flowable):
    """Issuing body on the left (upper case, last line bold), the national name and motto on the right,
    each with its rule beneath, as on every Vietnamese administrative document. Drawn directly."""

    SIZE, LEADING = 9.5, 12.5
    # Decree 30/2020/NĐ-CP, Appendix I: the rule under the motto is as long as the motto; the one under the
    # issuing body is 1/3 to 1/2 as long as its name. Both are centred under their line.
    MOTTO_RULE = 1.0
    ISSUER_RULE = 0.4

    def __init__(self, left_lines: list[str], width: float = FRAME_WIDTH):
        super().__init__()
        self.width = width
        self.left_w = width * 0.42
        self.left: list[tuple[str, str]] = []
        for i, line in enumerate(left_lines):
            font = BOLD if i == len(left_lines) - 1 else REGULAR
            for part in simpleSplit(pdf_text(line).upper(), font, self.SIZE, self.left_w - 6):
                self.left.append((font, part))
        self.right = [(BOLD, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), (BOLD, "Độc lập - Tự do - Hạnh phúc")]
        self.height = max(len(self.left), len(self.right)) * self.LEADING + 4

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def _column(self, lines: list[tuple[str, str]], centre: float, share: float) -> None:
        canv = self.canv
        y = self.height - self.SIZE
        for font, text in lines:
            canv.setFont(font, self.SIZE)
            canv.drawCentredString(centre, y, text)
            y -= self.LEADING
        last_font, last = lines[-1]
        rule = pdfmetrics.stringWidth(last, last_font, self.SIZE) * share
        canv.setLineWidth(0.6)
        # Clear of the descenders (p, g, y): a rule, not an underline.
        below = y + self.LEADING - 4.5
        canv.line(centre - rule / 2, below, centre + rule / 2, below)

    def draw(self):
        self._column(self.left, self.left_w / 2, self.ISSUER_RULE)
        self._column(self.right, self.left_w + (self.width - self.left_w) / 2, self.MOTTO_RULE)


class TextBlock(Flowable):
    """Plain text in one font, wrapped to the frame and drawn directly (several times cheaper than a
    Paragraph, which parses markup; the sheets print thousands of these in a village batch)."""

    def __init__(self, text: str, font: str = REGULAR, size: float = 9.5, align: str = "L",
                 width: float = FRAME_WIDTH, box: bool = False):
        super().__init__()
        self.font, self.size, self.align, self.width, self.box = font, size, align, width, box
        self.leading = size * 1.28
        self.lines = simpleSplit(pdf_text(text), font, size, width - (12 if box else 0))
        self.height = len(self.lines) * self.leading + (10 if box else 0)

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def draw(self):
        canv = self.canv
        text = canv.beginText()
        text.setFont(self.font, self.size, self.leading)
        y = self.height - self.size * 0.95 - (5 if self.box else 0)
        for line in self.lines:
            w = pdfmetrics.stringWidth(line, self.font, self.size)
            x = {"L": 6 if self.box else 0, "C": (self.width - w) / 2, "R": self.width - w}[self.align]
            text.setTextOrigin(x, y)
            text.textOut(line)
            y -= self.leading
        canv.drawText(text)
        if self.box:
            canv.setLineWidth(1.2)
            canv.rect(0, 0, self.width, self.height)


@dataclass
class GridRow:
    """One row of a ``Grid``: cell texts, a font for the row, an optional background; ``span`` rows
    have a single cell across every column (a group heading)."""

    cells: list[str]
    font: str = REGULAR
    size: float = 8.5
    background: object = None
    span: bool = False


class Grid(Flowable):
    """A ruled table drawn straight onto the canvas: wrapped text, one alignment per column.

    reportlab's ``Table`` restyles every cell on every draw, which made it most of a sheet's cost; this
    grid wraps each cell once, draws all text through one text object and all rules as one path, and
    still splits between rows (repeating the header rows) so long tables run over pages. A span row is
    never left as the last row of a page.
    """

    PAD_X, PAD_Y = 3.0, 2.2

    def __init__(self, widths: list[float], rows: list[GridRow], header_rows: int = 1, align: str = "",
                 bold_columns: dict[int, tuple[str, float]] | None = None, rules: bool = True):
        super().__init__()
        self.widths = widths
        self.header_rows = header_rows
        self.align = align.ljust(len(widths), "L")
        self.cell_fonts = bold_columns or {}
        self.rules = rules
        self.rows = rows
        self._lines: list[list[list[str]]] = []
        self._heights: list[float] = []
        for r, row in enumerate(rows):
            cells = []
            if row.span:
                cells.append(simpleSplit(pdf_text(row.cells[0]), row.font, row.size,
                                         sum(widths) - 2 * self.PAD_X))
            else:
                for c, text in enumerate(row.cells):
                    font, size = self._font(r, c)
                    cells.append(simpleSplit(pdf_text(text), font, size, widths[c] - 2 * self.PAD_X)
                                 if text else [])
            self._lines.append(cells)
            n = max((len(c) for c in cells), default=1) or 1
            self._heights.append(n * row.size * 1.2 + 2 * self.PAD_Y)
        self.width = sum(widths)
        self.height = sum(self._heights)

    def _font(self, r: int, c: int) -> tuple[str, float]:
        row = self.rows[r]
        if r >= self.header_rows and c in self.cell_fonts:
            return self.cell_fonts[c]
        return row.font, row.size

    def wrap(self, avail_width, avail_height):
        return self.width, self.height

    def split(self, avail_width, avail_height):
        used, cut = 0.0, 0
        for i, h in enumerate(self._heights):
            if used + h > avail_height:
                break
            used += h
            cut = i + 1
        while cut > self.header_rows and self.rows[cut - 1].span:
            cut -= 1
        if cut <= self.header_rows or cut >= len(self.rows):
            return []
        head = self.rows[:self.header_rows]
        common = dict(header_rows=self.header_rows, align=self.align, bold_columns=self.cell_fonts,
                      rules=self.rules)
        return [Grid(self.widths, self.rows[:cut], **common), Grid(self.widths, head + self.rows[cut:], **common)]

    def draw(self):
        canv = self.canv
        xs = [0.0]
        for w in self.widths:
            xs.append(xs[-1] + w)
        top = self.height
        canv.saveState()
        y = top
        for row, h in zip(self.rows, self._heights, strict=True):
            if row.background is not None:
                canv.setFillColor(row.background)
                canv.rect(0, y - h, self.width, h, stroke=0, fill=1)
            y -= h
        canv.setFillColorRGB(0, 0, 0)
        text = canv.beginText()
        current = None
        y = top
        for r, (row, cells, h) in enumerate(zip(self.rows, self._lines, self._heights, strict=True)):
            for c, lines in enumerate(cells):
                if not lines:
                    continue
                font, size = (row.font, row.size) if row.span else self._font(r, c)
                if (font, size) != current:
                    text.setFont(font, size, size * 1.2)
                    current = (font, size)
                block = len(lines) * size * 1.2
                baseline = y - (h - block) / 2 - size * 0.95
                align = "L" if row.span else ("C" if r < self.header_rows else self.align[c])
                right = self.width if row.span else xs[c + 1]
                for line in lines:
                    if align == "L":
                        x = xs[c] + self.PAD_X
                    else:
                        w = pdfmetrics.stringWidth(line, font, size)
                        x = (xs[c] + right - w) / 2 if align == "C" else right - self.PAD_X - w
                    text.setTextOrigin(x, baseline)
                    text.textOut(line)
                    baseline -= size * 1.2
            y -= h
        canv.drawText(text)
        if self.rules:
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.5)
            path = canv.beginPath()
            y = top
            path.moveTo(0, y)
            path.lineTo(self.width, y)
            for row, h in zip(self.rows, self._heights, strict=True):
                for x in (xs if not row.span else (xs[0], xs[-1])):
                    path.moveTo(x, y)
                    path.lineTo(x, y - h)
                y -= h
                path.moveTo(0, y)
                path.lineTo(self.width, y)
            canv.drawPath(path, stroke=1, fill=0)
        canv.restoreState()


# Who heads a village-level unit, by the word its name starts with (a tổ dân phố has a tổ trưởng).
_VILLAGE_HEADS = (("Tổ dân phố", "Tổ trưởng tổ dân phố"), ("Khu phố", "Trưởng khu phố"), ("Ấp", "Trưởng ấp"),
                  ("Bản", "Trưởng bản"), ("Xóm", "Trưởng xóm"))


def village_head(village: str) -> str:
    """The title of the person who heads the village (``Trưởng thôn`` unless its name says otherwise)."""
    return next((head for word, head in _VILLAGE_HEADS if village.startswith(word + " ")), "Trưởng thôn")


def grid_style(header_rows: int = 1) -> list[tuple]:
    return [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]


CELL_PADDING = 6  # left + right padding of grid_style cells, in points


def wrap_cell(text: object, width: float, font: str = REGULAR, size: float = 8.5) -> str:
    """Text broken into lines for a plain table cell of this column width.

    Plain multi-line strings draw several times faster than Paragraph cells (no markup parsing), which
    is what keeps a village batch of sheets within its time budget.
    """
    return "\n".join(simpleSplit(pdf_text(text), font, size, width - CELL_PADDING))


Placed = tuple[Flowable, float, float]


def paginate(flowables: list[Flowable], width: float = FRAME_WIDTH,
             height: float = FRAME_HEIGHT) -> list[list[Placed]]:
    """Lay flowables out top to bottom into pages of (width × height); positions are frame-relative.

    A flowable that does not fit is split where it allows (tables between rows, paragraphs between
    lines) or moved to the next page; one taller than a whole page is placed anyway. A flowable with a
    ``keep_with_next`` height (a heading) moves on unless that much room is left below it.
    """
    pages: list[list[Placed]] = [[]]
    remaining = height
    queue = list(reversed(flowables))
    while queue:
        item = queue.pop()
        w, h = item.wrap(width, remaining)
        if h > remaining + 0.01:
            parts = item.split(width, remaining) if remaining > 0 else []
            if parts:
                queue.extend(reversed(parts))
                continue
            if pages[-1]:
                pages.append([])
                remaining = height
                queue.append(item)
                continue
        if getattr(item, "keep_with_next", 0) and pages[-1] and h + item.keep_with_next > remaining:
            pages.append([])
            remaining = height
            queue.append(item)
            continue
        remaining -= h
        align = getattr(item, "hAlign", "LEFT")
        x = {"CENTER": (width - w) / 2, "CENTRE": (width - w) / 2, "RIGHT": width - w}.get(align, 0.0)
        pages[-1].append((item, x, remaining))
    return pages
