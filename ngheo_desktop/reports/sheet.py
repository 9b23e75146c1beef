"""The printed assessment sheet (phiếu kết quả rà soát): one A4 document per household.

Input is plain data — the household document (``ngheo.household`` v1) and its stored result
(``ngheo.result`` v1) — so the same function serves the CLI, the app and the tests. A village batch
draws household after household onto one canvas: only the household being drawn has flowables in
memory, and its pages are laid out first so each sheet is numbered "Trang i/n" on its own (a sheet is
signed and filed per household).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from ngheo_desktop.criteria.household import member_age, member_name
from ngheo_desktop.criteria.questionnaire import Questionnaire, default_questionnaire
from ngheo_desktop.reports.checkcode import SheetStamp, stamp_for
from ngheo_desktop.reports.fonts import BOLD, REGULAR, markup, pdf_text
from ngheo_desktop.reports.layout import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SHADE_LIGHT,
    Styles,
    grid_style,
    make_styles,
    national_heading,
    paginate,
    wrap_cell,
)
from ngheo_desktop.reports.progress import Cancelled, NoProgress, Progress
from ngheo_desktop.reports.qr import draw_qr
from ngheo_desktop.text import format_date_vi, format_vnd

SHEET_TITLE = "PHIẾU KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"
QR_SIZE = 30 * mm
METHOD_VI = {"worksheet": "Bảng kê thu nhập 12 tháng", "score": "Chấm điểm B1 (Phiếu B)"}
DEPRIVED_VI = {True: "Thiếu hụt", False: "Không thiếu hụt", None: "Chưa rõ"}


@dataclass(frozen=True)
class SheetInput:
    """One household to print. ``round_label`` defaults to one derived from the review date and kind."""

    household: dict[str, Any]
    result: dict[str, Any]
    round_label: str | None = None
    surveyor: str | None = None


def round_label(result: dict[str, Any]) -> str:
    review = result["review"]
    date = dt.date.fromisoformat(review["date"])
    if review["kind"] == "periodic":
        return f"Rà soát định kỳ năm {date.year} (xác định hộ nghèo, hộ cận nghèo năm {review['year']})"
    return f"Rà soát thường xuyên tháng {date.month:02d}/{date.year}"


def _masked_id(citizen_id: str | None) -> str:
    # The sheet travels (signed at home, read at the meeting): the last four digits identify the person
    # well enough to check the paper against the register without exposing the whole number.
    if not citizen_id:
        return ""
    return "••••••••" + citizen_id[-4:]


class _QrFlowable(Flowable):
    def __init__(self, payload: str, size: float):
        super().__init__()
        self.payload, self.size = payload, size

    def wrap(self, avail_width, avail_height):
        return self.size, self.size

    def draw(self):
        draw_qr(self.canv, self.payload, 0, 0, self.size)


class _Section(Flowable):
    """A section heading with a fixed gap above it (dropped at the top of a page)."""

    keep_with_next = 15 * mm

    def __init__(self, heading: Paragraph, gap: float):
        super().__init__()
        self.heading, self.gap = heading, gap

    def wrap(self, avail_width, avail_height):
        w, h = self.heading.wrap(avail_width, avail_height)
        return w, h + self.gap

    def draw(self):
        self.heading.drawOn(self.canv, 0, 0)


class _SheetBuilder:
    def __init__(self, styles: Styles, questionnaire: Questionnaire):
        self.s = styles
        self.q = questionnaire

    def _section(self, title: str) -> Flowable:
        # The paginator ignores spaceBefore, so a section's gap is part of its own block.
        return _Section(Paragraph(title, self.s.section), 3 * mm)

    def _label(self, qid: str, value: Any) -> str:
        if value is None:
            return ""
        return self.q.question(qid).choice_label(value)

    def build(self, item: SheetInput, stamp: SheetStamp) -> list[Flowable]:
        h, r, s = item.household, item.result, self.s
        loc = h["location"]
        heading = [f"UBND {loc['commune']}" if loc.get("commune") else "UBND xã",
                   loc.get("village") or "Thôn"]
        std = r["standard"]
        story: list[Flowable] = [
            national_heading(s, heading),
            Spacer(1, 4 * mm),
            Paragraph(SHEET_TITLE, s.title),
            Paragraph(markup(item.round_label or round_label(r)), s.subtitle),
            Spacer(1, 1.5 * mm),
            Paragraph(f"Chuẩn áp dụng: {markup(std['title_vi'])}", s.small),
            Paragraph("Căn cứ: " + markup("; ".join(std["legal_basis"])), s.small),
            Spacer(1, 2 * mm),
        ]
        story += self._household(item, stamp)
        story += self._members(h)
        story += self._income(h, r)
        story += self._indicators(r)
        story += self._conclusion(r)
        story += self._notes(r)
        story += self._signatures(h, item.surveyor)
        return story

    def _household(self, item: SheetInput, stamp: SheetStamp) -> list[Flowable]:
        h, r, s = item.household, item.result, self.s
        loc, answers = h["location"], h["answers"]
        value_w = FRAME_WIDTH - 44 * mm - 32 * mm
        rows = [
            ("Họ và tên chủ hộ", answers.get("head_name", "")),
            ("Địa chỉ", answers.get("address", "")),
            ("Thôn / xã / tỉnh", ", ".join(v for v in (loc.get("village"), loc.get("commune"),
                                                       loc.get("province")) if v)),
            ("Khu vực", r["income"]["area_vi"]),
            ("Ngày rà soát", format_date_vi(r["review"]["date"])),
            ("Số thành viên", str(len(h["members"]))),
            ("Mã hộ", h["household_id"]),
            ("Phiên bản hồ sơ", str(h["record_version"])),
        ]
        info = Table([[label, wrap_cell(value, value_w, size=9)] for label, value in rows],
                     colWidths=[32 * mm, value_w])
        info.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), REGULAR, 9), ("FONT", (1, 0), (1, 0), BOLD, 9),
                                  ("VALIGN", (0, 0), (-1, -1), "TOP"), ("TOPPADDING", (0, 0), (-1, -1), 1),
                                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
        qr_cell = [_QrFlowable(stamp.qr_payload, QR_SIZE),
                   Paragraph(f"Mã kiểm tra<br/><b>{stamp.code}</b>", s.cell_center)]
        block = Table([[info, qr_cell]], colWidths=[FRAME_WIDTH - 44 * mm, 44 * mm])
        block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("ALIGN", (1, 0), (1, 0), "CENTER"),
                                   ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0)]))
        return [self._section("I. THÔNG TIN HỘ"), block]

    def _members(self, h: dict[str, Any]) -> list[Flowable]:
        review_date = dt.date.fromisoformat(h["review"]["date"])
        widths = [9 * mm, 44 * mm, 22 * mm, 14 * mm, 27 * mm, 20 * mm, 27 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        header = ["STT", "Họ và tên", "Quan hệ\nvới chủ hộ", "Giới\ntính", "Ngày sinh\n(tuổi)", "Dân tộc",
                  "Số định danh", "Khả năng\nlao động"]
        rows: list[list[Any]] = [header]
        for i, m in enumerate(h["members"]):
            age = member_age(m, review_date)
            born = f"{format_date_vi(m['birth_date'])} ({age})" if m.get("birth_date") else ""
            able = {True: "Có", False: "Không", None: ""}[m.get("able_to_work")]
            rows.append([str(i + 1), wrap_cell(member_name(m, i), widths[1]),
                         wrap_cell(self._label("relation", m.get("relation")), widths[2]),
                         self._label("sex", m.get("sex")), born,
                         wrap_cell(self._label("ethnicity", m.get("ethnicity")), widths[5]),
                         _masked_id(m.get("citizen_id")), able])
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle([*grid_style(), ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                                   ("FONT", (0, 0), (-1, 0), BOLD, 8), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                                   ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (4, -1), "CENTER"),
                                   ("ALIGN", (6, 1), (-1, -1), "CENTER")]))
        return [self._section("II. THÀNH VIÊN HỘ"), table]

    def _income(self, h: dict[str, Any], r: dict[str, Any]) -> list[Flowable]:
        s, inc, answers = self.s, r["income"], h["answers"]
        out: list[Flowable] = [self._section("III. THU NHẬP"),
                               Paragraph(f"Phương pháp: <b>{markup(METHOD_VI.get(inc['method'], inc['method']))}</b>",
                                         s.body)]
        if inc["method"] == "worksheet":
            label_w = FRAME_WIDTH - 40 * mm
            rows: list[list[Any]] = [["Nguồn thu nhập 12 tháng qua", "Số tiền"]]
            for q in next(sec for sec in self.q.sections if sec.id == "income").questions:
                value = answers.get(q.id)
                rows.append([wrap_cell(q.label_vi, label_w), format_vnd(value) if value is not None else "chưa có"])
            total = inc.get("annual_total")
            per_capita = inc.get("per_capita_monthly")
            rows.append(["Tổng thu nhập tính theo chuẩn (12 tháng)",
                         format_vnd(total) if total is not None else "chưa đủ"])
            rows.append([f"Bình quân đầu người/tháng (chia {inc['members']} người × 12 tháng)",
                         format_vnd(per_capita) if per_capita is not None else "chưa đủ"])
            table = Table(rows, colWidths=[label_w, 40 * mm])
            table.setStyle(TableStyle([*grid_style(), ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                                       ("FONT", (0, 0), (-1, -1), REGULAR, 8.5), ("FONT", (0, 0), (-1, 0), BOLD, 8.5),
                                       ("FONT", (0, -2), (-1, -1), BOLD, 8.5)]))
            out.append(table)
        elif r.get("score"):
            sc = r["score"]
            b1 = "chưa có" if sc["b1"] is None else f"{sc['b1']} điểm"
            out.append(Paragraph(f"Điểm B1: <b>{b1}</b> (ngưỡng {sc['b1_cutoff']} điểm; bảng điểm "
                                 f"{markup(sc['table_id'])}, vùng {markup(sc['column'])})", s.body))
        line = f"Chuẩn nghèo {markup(inc['area_vi'])}: {format_vnd(inc['poverty_line'])}/người/tháng"
        if inc.get("average_upper"):
            line += f"; mức sống trung bình đến {format_vnd(inc['average_upper'])}/người/tháng"
        out.append(Spacer(1, 1 * mm))
        out.append(Paragraph(line + ".", s.body))
        out.append(Paragraph(f"Đánh giá: {markup(inc.get('reason', ''))}.", s.body))
        return out

    def _indicators(self, r: dict[str, Any]) -> list[Flowable]:
        widths = [9 * mm, 42 * mm, 15 * mm, 16 * mm, 13 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        rows: list[list[Any]] = [["STT", "Chỉ số", "Thiếu\nhụt", "Không\nthiếu hụt", "Chưa\nrõ", "Lý do"]]
        styles = [*grid_style(), ("FONT", (0, 0), (-1, -1), REGULAR, 8.5), ("FONT", (0, 0), (-1, 0), BOLD, 8),
                  ("ALIGN", (0, 0), (-1, 0), "CENTER"), ("ALIGN", (0, 1), (0, -1), "CENTER"),
                  ("ALIGN", (2, 1), (4, -1), "CENTER"), ("FONT", (2, 1), (4, -1), BOLD, 10)]
        first_seen: dict[str, int] = {}
        for i, ind in enumerate(r["indicators"]):
            first_seen.setdefault(ind["service_vi"], i)
        # One spanning row per basic social service, as the decree's table groups its indicators.
        grouped = sorted(r["indicators"], key=lambda ind: first_seen[ind["service_vi"]])
        service = None
        for i, ind in enumerate(grouped, start=1):
            if ind["service_vi"] != service:
                service = ind["service_vi"]
                row = len(rows)
                rows.append([pdf_text(service), "", "", "", "", ""])
                styles += [("SPAN", (0, row), (-1, row)), ("BACKGROUND", (0, row), (-1, row), SHADE_LIGHT),
                           ("FONT", (0, row), (-1, row), BOLD, 8.5), ("ALIGN", (0, row), (0, row), "LEFT")]
            cols = ["", "", ""]
            cols[{True: 0, False: 1, None: 2}[ind["deprived"]]] = "X"
            name = ind["name_vi"] + ("*" if ind["rests_on_unverified"] else "")
            rows.append([str(i), wrap_cell(name, widths[1]), *cols, wrap_cell(ind["reason"], widths[5])])
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(TableStyle(styles))
        return [self._section("IV. CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN"), table]

    def _conclusion(self, r: dict[str, Any]) -> list[Flowable]:
        s, d = self.s, r["deprivation"]
        total = len(r["indicators"])
        lines = [f"Số chỉ số thiếu hụt: <b>{d['count']}/{total}</b> (chưa rõ: {d['unknown']}); "
                 f"hộ nghèo khi thiếu hụt từ {d['cutoff']} chỉ số trở lên."]
        if r.get("score"):
            sc = r["score"]
            b1 = "chưa có" if sc["b1"] is None else sc["b1"]
            lines.append(f"Điểm B1: <b>{b1}</b> (ngưỡng {sc['b1_cutoff']}); điểm B2: <b>{sc['b2']}</b> "
                         f"(hộ nghèo khi B2 ≥ {sc['b2_poor_threshold']}).")
        klass = r["class_vi"].upper() + ("" if r["class_certain"] else " (TẠM THỜI)")
        box = Table([[Paragraph(f"KẾT QUẢ PHÂN LOẠI: <b>{markup(klass)}</b>", s.subtitle)]],
                    colWidths=[FRAME_WIDTH * 0.7])
        box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, "black"), ("TOPPADDING", (0, 0), (-1, -1), 4),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
        out: list[Flowable] = [self._section("V. KẾT LUẬN")]
        out += [Paragraph(line, s.body) for line in lines]
        out += [Spacer(1, 1.5 * mm), box]
        if "no_member_able_to_work" in r["flags"]:
            out.append(Paragraph("Hộ không có thành viên có khả năng lao động.", s.body))
        return out

    def _notes(self, r: dict[str, Any]) -> list[Flowable]:
        s = self.s
        notes = list(r["notes"])
        unknown = [ind["name_vi"] for ind in r["indicators"] if ind["deprived"] is None]
        if unknown:
            notes.append("Chỉ số chưa rõ do thiếu câu trả lời: " + ", ".join(unknown) + ".")
        out: list[Flowable] = [Spacer(1, 1.5 * mm)]
        if notes:
            out.append(Paragraph("<b>Ghi chú:</b>", s.body))
            out += [Paragraph("– " + markup(n), s.body) for n in notes]
        if any(ind["rests_on_unverified"] for ind in r["indicators"]):
            out.append(Paragraph("(*) Điều kiện của chỉ số dựa trên tham số chưa được xác minh với văn bản gốc.",
                                 s.small))
        params = r["unverified_parameters"]
        if params:
            out.append(Paragraph("Tham số chưa xác minh: " + markup(", ".join(p["key"] for p in params)) + ".",
                                 s.small))
        return out

    def _signatures(self, h: dict[str, Any], surveyor: str | None) -> list[Flowable]:
        s = self.s
        place = (h["location"].get("commune") or "").removeprefix("Xã ").removeprefix("Phường ")
        date_line = Paragraph(f"{markup(place) or '…………'}, ngày …… tháng …… năm ………", s.right)
        who = [("CHỦ HỘ", h["answers"].get("head_name", "")), ("RÀ SOÁT VIÊN", surveyor or ""),
               ("TRƯỞNG THÔN", "")]
        cells = [[Paragraph(f"<b>{role}</b><br/>(Ký, ghi rõ họ tên)", s.sign) for role, _ in who],
                 [Paragraph(markup(name), s.sign) for _, name in who]]
        table = Table(cells, colWidths=[FRAME_WIDTH / 3] * 3, rowHeights=[None, 24 * mm])
        table.setStyle(TableStyle([("VALIGN", (0, 1), (-1, 1), "BOTTOM")]))
        return [Spacer(1, 3 * mm), date_line, Spacer(1, 1 * mm), table]


def _draw_pages(canv: Canvas, pages, stamp: SheetStamp, running_head: str, printed: str) -> None:
    n = len(pages)
    for i, page in enumerate(pages, start=1):
        top = PAGE_HEIGHT - (PAGE_HEIGHT - FRAME_HEIGHT - MARGIN_BOTTOM)
        for flowable, x, y in page:
            flowable.drawOn(canv, MARGIN_X + x, MARGIN_BOTTOM + y)
        canv.setFont(REGULAR, 7.5)
        if i > 1:
            canv.drawString(MARGIN_X, top + 4 * mm, pdf_text(f"{running_head} (tiếp theo)"))
        canv.setLineWidth(0.4)
        canv.line(MARGIN_X, MARGIN_BOTTOM - 3 * mm, PAGE_WIDTH - MARGIN_X, MARGIN_BOTTOM - 3 * mm)
        base = MARGIN_BOTTOM - 7 * mm
        canv.drawString(MARGIN_X, base, pdf_text(f"Mã kiểm tra: {stamp.code}"))
        canv.drawCentredString(PAGE_WIDTH / 2, base, pdf_text(f"In ngày {printed}"))
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, base, pdf_text(f"Trang {i}/{n}"))
        canv.showPage()


class _SheetWriter:
    def __init__(self, out: str | Path | BinaryIO, printed_on: dt.date | None):
        self.canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
                             pageCompression=1, invariant=1)
        self.canvas.setTitle(SHEET_TITLE)
        self.canvas.setCreator("ngheo_desktop")
        self.builder = _SheetBuilder(make_styles(), default_questionnaire())
        self.printed = format_date_vi((printed_on or dt.date.today()).isoformat())

    def add(self, item: SheetInput) -> int:
        stamp = stamp_for(item.household, item.result)
        pages = paginate(self.builder.build(item, stamp))
        head = item.household["answers"].get("head_name") or item.household["household_id"]
        village = item.household["location"].get("village") or ""
        _draw_pages(self.canvas, pages, stamp, f"Phiếu kết quả rà soát — hộ {head}, {village}", self.printed)
        return len(pages)


def render_sheet(out: str | Path | BinaryIO, item: SheetInput, printed_on: dt.date | None = None) -> int:
    """Write one household's sheet as a PDF; returns the number of pages."""
    writer = _SheetWriter(out, printed_on)
    pages = writer.add(item)
    writer.canvas.save()
    return pages


def render_sheets(out: str | Path | BinaryIO, items: Iterable[SheetInput], total: int,
                  progress: Progress | None = None, printed_on: dt.date | None = None) -> int:
    """Write many households' sheets into one PDF, in the order given; returns the number of pages.

    ``items`` may be a generator (the register read lazily): each household is drawn and dropped before
    the next is built. Raises ``Cancelled`` — and writes nothing — when ``progress.cancelled()``.
    """
    progress = progress or NoProgress()
    writer = _SheetWriter(out, printed_on)
    pages = 0
    progress.update(0, total)
    for done, item in enumerate(items):
        if progress.cancelled():
            raise Cancelled(done, total)
        pages += writer.add(item)
        progress.update(done + 1, total)
    writer.canvas.save()
    return pages
