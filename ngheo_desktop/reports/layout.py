"""Shared PDF building blocks: paragraph styles, the national heading, and a page-by-page layout.

Sheets are drawn household by household onto one canvas, so a village batch never holds more than one
household's flowables; ``paginate`` lays a household's flowables out into pages first, so the footer can
say "Trang 1/2" before anything is drawn.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import Flowable, Paragraph, Table, TableStyle

from ngheo_desktop.reports.fonts import BOLD, REGULAR, markup, pdf_text, register_fonts

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
    cell_bold: ParagraphStyle
    cell_center: ParagraphStyle
    cell_right: ParagraphStyle
    title: ParagraphStyle
    subtitle: ParagraphStyle
    section: ParagraphStyle
    heading_left: ParagraphStyle
    heading_right: ParagraphStyle
    sign: ParagraphStyle
    right: ParagraphStyle


def make_styles() -> Styles:
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12)
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5)
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=7.5, leading=9.5),
        cell=cell,
        cell_bold=ParagraphStyle("cell_bold", parent=cell, fontName=BOLD),
        cell_center=ParagraphStyle("cell_center", parent=cell, alignment=TA_CENTER),
        cell_right=ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        title=ParagraphStyle("title", parent=body, fontName=BOLD, fontSize=13, leading=17, alignment=TA_CENTER),
        subtitle=ParagraphStyle("subtitle", parent=body, alignment=TA_CENTER),
        section=ParagraphStyle("section", parent=body, fontName=BOLD, fontSize=10, leading=13,
                               spaceBefore=4, spaceAfter=2),
        heading_left=ParagraphStyle("heading_left", parent=body, fontSize=9.5, leading=12.5, alignment=TA_CENTER),
        heading_right=ParagraphStyle("heading_right", parent=body, fontName=BOLD, fontSize=9.5, leading=12.5,
                                     alignment=TA_CENTER),
        sign=ParagraphStyle("sign", parent=body, alignment=TA_CENTER, leading=13),
        right=ParagraphStyle("right", parent=body, alignment=TA_RIGHT),
    )


class _Underline(Flowable):
    """A short centred rule under a heading line, as on every Vietnamese administrative document."""

    def __init__(self, width: float, rule: float):
        super().__init__()
        self.width, self.rule = width, rule

    def wrap(self, avail_width, avail_height):
        return self.width, 3

    def draw(self):
        self.canv.setLineWidth(0.6)
        self.canv.line((self.width - self.rule) / 2, 2, (self.width + self.rule) / 2, 2)


def national_heading(styles: Styles, left_lines: list[str], width: float = FRAME_WIDTH) -> Table:
    """Issuing body on the left (upper case, last line bold), national motto on the right."""
    left_w, right_w = width * 0.42, width * 0.58
    left = [Paragraph(markup(line.upper()), styles.heading_left) for line in left_lines[:-1]]
    left.append(Paragraph(f"<b>{markup(left_lines[-1].upper())}</b>", styles.heading_left))
    left.append(_Underline(left_w - 6, 40 * mm * 0.6))
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", styles.heading_right),
        Paragraph("Độc lập - Tự do - Hạnh phúc", styles.heading_right),
        _Underline(right_w - 6, 52 * mm),
    ]
    table = Table([[left, right]], colWidths=[left_w, right_w])
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3)]))
    return table


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
