"""The printed assessment sheet (phiếu kết quả rà soát): one A4 document per household.

Input is plain data — the household document (``ngheo.household`` v1) and its stored result
(``ngheo.result`` v1) — so the same function serves the CLI, the app and the tests. A village batch
draws household after household onto one canvas: only the household being drawn has flowables in
memory, and its pages are laid out first so each sheet is numbered "Trang i/n" on its own (a sheet is
signed and filed per household).
"""

from __future__ import annotations

import datetime as dt
import errno
import io
import os
import tempfile
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfdoc
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Spacer

from ngheo_desktop.criteria.household import member_age, member_name
from ngheo_desktop.criteria.questionnaire import Questionnaire, default_questionnaire
from ngheo_desktop.criteria.standards import parameter_name_vi
from ngheo_desktop.reports.checkcode import SheetStamp, stamp_for
from ngheo_desktop.reports.errors import cannot_write
from ngheo_desktop.reports.fonts import BOLD, REGULAR, pdf_text, register_fonts
from ngheo_desktop.reports.layout import (
    FRAME_HEIGHT,
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    SHADE,
    SHADE_LIGHT,
    Grid,
    GridRow,
    NationalHeading,
    TextBlock,
    paginate,
    village_head,
)
from ngheo_desktop.reports.progress import Cancelled, NoProgress, Progress
from ngheo_desktop.reports.qr import draw_qr
from ngheo_desktop.text import format_date_vi, format_vnd

SHEET_TITLE = "PHIẾU KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO"
QR_SIZE = 30 * mm
METHOD_VI = {"worksheet": "Bảng kê thu nhập 12 tháng", "score": "Chấm điểm B1 (Phiếu B)"}


@dataclass(frozen=True)
class SheetInput:
    """One household to print. ``round_label`` defaults to one derived from the review date and kind."""

    household: dict[str, Any]
    result: dict[str, Any]
    round_label: str | None = None
    surveyor: str | None = None
    notes: tuple[str, ...] = ()  # printed first under "Ghi chú" (e.g. the record changed after assessment)


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


class _HouseholdBlock(Flowable):
    """Section I: the household's particulars on the left, the QR code and its check code on the right."""

    QR_COLUMN = 44 * mm

    def __init__(self, info: Grid, stamp: SheetStamp):
        super().__init__()
        self.info, self.stamp = info, stamp
        self.height = max(info.height, QR_SIZE + 22)

    def wrap(self, avail_width, avail_height):
        return FRAME_WIDTH, self.height

    def draw(self):
        canv = self.canv
        self.info.drawOn(canv, 0, self.height - self.info.height)
        centre = FRAME_WIDTH - self.QR_COLUMN / 2
        draw_qr(canv, self.stamp.qr_payload, centre - QR_SIZE / 2, self.height - QR_SIZE, QR_SIZE)
        canv.setFont(REGULAR, 8)
        canv.drawCentredString(centre, self.height - QR_SIZE - 9, "Mã kiểm tra")
        canv.setFont(BOLD, 8.5)
        canv.drawCentredString(centre, self.height - QR_SIZE - 20, self.stamp.code)


class _Section(Flowable):
    """A section heading with a fixed gap above it; moves to the next page rather than end one."""

    keep_with_next = 15 * mm
    SIZE = 10

    def __init__(self, title: str, gap: float = 3 * mm):
        super().__init__()
        self.title, self.gap = pdf_text(title), gap

    def wrap(self, avail_width, avail_height):
        return FRAME_WIDTH, self.SIZE * 1.3 + self.gap

    def draw(self):
        self.canv.setFont(BOLD, self.SIZE)
        self.canv.drawString(0, self.SIZE * 0.35, self.title)


class _Signatures(Flowable):
    """Place and date line, then the three signature blocks with room to sign above the printed names."""

    def __init__(self, place: str, blocks: list[tuple[str, str]]):
        super().__init__()
        self.place, self.blocks = pdf_text(place), [(pdf_text(a), pdf_text(b)) for a, b in blocks]

    def wrap(self, avail_width, avail_height):
        return FRAME_WIDTH, 48 * mm

    def draw(self):
        canv, top = self.canv, 48 * mm
        canv.setFont(REGULAR, 9.5)
        canv.drawRightString(FRAME_WIDTH, top - 10, f"{self.place or '…………'}, ngày …… tháng …… năm ………")
        column = FRAME_WIDTH / len(self.blocks)
        for i, (role, name) in enumerate(self.blocks):
            centre = column * (i + 0.5)
            canv.setFont(BOLD, 9.5)
            canv.drawCentredString(centre, top - 28, role)
            canv.setFont(REGULAR, 9)
            canv.drawCentredString(centre, top - 40, "(Ký, ghi rõ họ tên)")
            canv.setFont(REGULAR, 9.5)
            canv.drawCentredString(centre, 8, name)


class _SheetBuilder:
    def __init__(self, questionnaire: Questionnaire):
        self.q = questionnaire
        self.income_questions = next(sec for sec in questionnaire.sections if sec.id == "income").questions

    def _label(self, qid: str, value: Any) -> str:
        if value is None:
            return ""
        return self.q.question(qid).choice_label(value)

    def build(self, item: SheetInput, stamp: SheetStamp) -> list[Flowable]:
        h, r = item.household, item.result
        loc = h["location"]
        heading = [f"UBND {loc['commune']}" if loc.get("commune") else "UBND xã",
                   loc.get("village") or "Thôn"]
        std = r["standard"]
        story: list[Flowable] = [
            NationalHeading(heading),
            Spacer(1, 4 * mm),
            TextBlock(SHEET_TITLE, BOLD, 13, "C"),
            TextBlock(item.round_label or round_label(r), align="C"),
            Spacer(1, 1.5 * mm),
            TextBlock(f"Chuẩn áp dụng: {std['title_vi']}", size=7.5),
            TextBlock("Căn cứ: " + "; ".join(std["legal_basis"]), size=7.5),
            Spacer(1, 2 * mm),
        ]
        story += self._household(item, stamp)
        story += self._members(h)
        story += self._income(h, r)
        story += self._indicators(r)
        story += self._conclusion(r)
        story += self._notes(r, item.notes)
        story += self._signatures(h, item.surveyor)
        return story

    def _household(self, item: SheetInput, stamp: SheetStamp) -> list[Flowable]:
        h, r = item.household, item.result
        loc, answers = h["location"], h["answers"]
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
        # The head's name stands out (the whole row is bold: a grid row has one font).
        grid_rows = [GridRow([label, value], font=BOLD if i == 0 else REGULAR, size=9)
                     for i, (label, value) in enumerate(rows)]
        info = Grid([36 * mm, FRAME_WIDTH - _HouseholdBlock.QR_COLUMN - 36 * mm], grid_rows, header_rows=0,
                    rules=False)
        return [_Section("I. THÔNG TIN HỘ"), _HouseholdBlock(info, stamp)]

    def _members(self, h: dict[str, Any]) -> list[Flowable]:
        review_date = dt.date.fromisoformat(h["review"]["date"])
        widths = [9 * mm, 44 * mm, 22 * mm, 14 * mm, 27 * mm, 20 * mm, 27 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        rows = [GridRow(["STT", "Họ và tên", "Quan hệ với chủ hộ", "Giới tính", "Ngày sinh (tuổi)", "Dân tộc",
                         "Số định danh", "Khả năng lao động"], font=BOLD, size=8, background=SHADE)]
        for i, m in enumerate(h["members"]):
            age = member_age(m, review_date)
            born = f"{format_date_vi(m['birth_date'])} ({age})" if m.get("birth_date") else ""
            able = {True: "Có", False: "Không", None: ""}[m.get("able_to_work")]
            rows.append(GridRow([str(i + 1), member_name(m, i), self._label("relation", m.get("relation")),
                                 self._label("sex", m.get("sex")), born, self._label("ethnicity", m.get("ethnicity")),
                                 _masked_id(m.get("citizen_id")), able]))
        return [_Section("II. THÀNH VIÊN HỘ"), Grid(widths, rows, align="CLLCCLCC")]

    def _income(self, h: dict[str, Any], r: dict[str, Any]) -> list[Flowable]:
        inc, answers = r["income"], h["answers"]
        out: list[Flowable] = [_Section("III. THU NHẬP"),
                               TextBlock(f"Phương pháp: {METHOD_VI.get(inc['method'], inc['method'])}", BOLD)]
        if inc["method"] == "worksheet":
            rows = [GridRow(["Nguồn thu nhập 12 tháng qua", "Số tiền"], font=BOLD, background=SHADE)]
            for q in self.income_questions:
                value = answers.get(q.id)
                rows.append(GridRow([q.label_vi, format_vnd(value) if value is not None else "chưa có"]))
            total = inc.get("annual_total")
            per_capita = inc.get("per_capita_monthly")
            rows.append(GridRow(["Tổng thu nhập tính theo chuẩn (12 tháng)",
                                 format_vnd(total) if total is not None else "chưa đủ"], font=BOLD))
            rows.append(GridRow([f"Bình quân đầu người/tháng (chia {inc['members']} người × 12 tháng)",
                                 format_vnd(per_capita) if per_capita is not None else "chưa đủ"], font=BOLD))
            out.append(Grid([FRAME_WIDTH - 40 * mm, 40 * mm], rows, align="LR"))
        elif r.get("score"):
            sc = r["score"]
            b1 = "chưa có" if sc["b1"] is None else f"{sc['b1']} điểm"
            out.append(TextBlock(f"Điểm B1: {b1} (ngưỡng {sc['b1_cutoff']} điểm; bảng điểm {sc['table_id']}, "
                                 f"vùng {sc['column']})"))
        line = f"Chuẩn nghèo {inc['area_vi']}: {format_vnd(inc['poverty_line'])}/người/tháng"
        if inc.get("average_upper"):
            line += f"; mức sống trung bình đến {format_vnd(inc['average_upper'])}/người/tháng"
        out.append(Spacer(1, 1 * mm))
        out.append(TextBlock(line + "."))
        out.append(TextBlock(f"Đánh giá: {inc.get('reason', '')}."))
        return out

    def _indicators(self, r: dict[str, Any]) -> list[Flowable]:
        widths = [9 * mm, 42 * mm, 15 * mm, 16 * mm, 13 * mm]
        widths.append(FRAME_WIDTH - sum(widths))
        rows = [GridRow(["STT", "Chỉ số", "Thiếu hụt", "Không thiếu hụt", "Chưa rõ", "Lý do"], font=BOLD, size=8,
                        background=SHADE)]
        first_seen: dict[str, int] = {}
        for i, ind in enumerate(r["indicators"]):
            first_seen.setdefault(ind["service_vi"], i)
        # One heading row per basic social service, as the decree's table groups its indicators.
        grouped = sorted(r["indicators"], key=lambda ind: first_seen[ind["service_vi"]])
        service = None
        for i, ind in enumerate(grouped, start=1):
            if ind["service_vi"] != service:
                service = ind["service_vi"]
                rows.append(GridRow([service], font=BOLD, background=SHADE_LIGHT, span=True))
            cols = ["", "", ""]
            cols[{True: 0, False: 1, None: 2}[ind["deprived"]]] = "X"
            name = ind["name_vi"] + ("*" if ind["rests_on_unverified"] else "")
            rows.append(GridRow([str(i), name, *cols, ind["reason"]]))
        marks = (BOLD, 10)
        return [_Section("IV. CÁC CHỈ SỐ THIẾU HỤT DỊCH VỤ XÃ HỘI CƠ BẢN"),
                Grid(widths, rows, align="CLCCCL", bold_columns={2: marks, 3: marks, 4: marks})]

    def _conclusion(self, r: dict[str, Any]) -> list[Flowable]:
        d = r["deprivation"]
        total = len(r["indicators"])
        lines = [f"Số chỉ số thiếu hụt: {d['count']}/{total} (chưa rõ: {d['unknown']}); "
                 f"hộ nghèo khi thiếu hụt từ {d['cutoff']} chỉ số trở lên."]
        if r.get("score"):
            sc = r["score"]
            b1 = "chưa có" if sc["b1"] is None else sc["b1"]
            lines.append(f"Điểm B1: {b1} (ngưỡng {sc['b1_cutoff']}); điểm B2: {sc['b2']} "
                         f"(hộ nghèo khi B2 ≥ {sc['b2_poor_threshold']}).")
        klass = r["class_vi"].upper() + ("" if r["class_certain"] else " (TẠM THỜI)")
        box = TextBlock(f"KẾT QUẢ PHÂN LOẠI: {klass}", BOLD, 10.5, "C", width=FRAME_WIDTH * 0.7, box=True)
        box.hAlign = "CENTER"
        out: list[Flowable] = [_Section("V. KẾT LUẬN")]
        out += [TextBlock(line) for line in lines]
        out += [Spacer(1, 1.5 * mm), box]
        if "no_member_able_to_work" in r["flags"]:
            out.append(TextBlock("Hộ không có thành viên có khả năng lao động."))
        return out

    def _notes(self, r: dict[str, Any], extra: tuple[str, ...]) -> list[Flowable]:
        notes = [*extra, *r["notes"]]
        unknown = [ind["name_vi"] for ind in r["indicators"] if ind["deprived"] is None]
        if unknown:
            notes.append("Chỉ số chưa rõ do thiếu câu trả lời: " + ", ".join(unknown) + ".")
        out: list[Flowable] = [Spacer(1, 1.5 * mm)]
        if notes:
            out.append(TextBlock("Ghi chú:", BOLD))
            out += [TextBlock("– " + n) for n in notes]
        starred = {ind["id"] for ind in r["indicators"] if ind["rests_on_unverified"]}
        if starred:
            # The result's note points the reader to "the list of unverified parameters": this is it.
            out.append(TextBlock("Danh sách tham số chưa xác minh: (*) Điều kiện của chỉ số dựa trên tham số chưa được "
                                 "xác minh với văn bản gốc.", size=7.5))
        # The sheet is read and signed by the household: parameters go by their Vietnamese names, and an
        # indicator's own are already marked (*) in the table above.
        names = {ind["id"]: ind["name_vi"] for ind in r["indicators"]}
        others = dict.fromkeys(parameter_name_vi(p["key"], names) for p in r["unverified_parameters"]
                               if p["key"].partition(".")[0] not in starred)
        if others:
            out.append(TextBlock("Tham số khác chưa được xác minh với văn bản gốc: " + "; ".join(others) + ".",
                                 size=7.5))
        return out

    def _signatures(self, h: dict[str, Any], surveyor: str | None) -> list[Flowable]:
        place = (h["location"].get("commune") or "").removeprefix("Xã ").removeprefix("Phường ").removeprefix(
            "Đặc khu ")
        head = village_head(h["location"].get("village") or "").upper()
        return [Spacer(1, 3 * mm), _Signatures(place, [("CHỦ HỘ", h["answers"].get("head_name", "")),
                                                      ("RÀ SOÁT VIÊN", surveyor or ""), (head, "")])]


def _draw_pages(canv: Canvas, pages, stamp: SheetStamp, running_head: str, printed: str) -> None:
    n = len(pages)
    top = MARGIN_BOTTOM + FRAME_HEIGHT
    for i, page in enumerate(pages, start=1):
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


class _SpooledStream(pdfdoc.PDFObject):
    """A finished page's compressed drawing commands, parked in a temporary file until the PDF is written."""

    __RefOnly__ = 1  # a stream is always an indirect object

    def __init__(self, spool: IO[bytes], offset: int, length: int):
        self.spool, self.offset, self.length = spool, offset, length

    def format(self, document) -> bytes:
        self.spool.seek(self.offset)
        data = document.encrypt.encode(self.spool.read(self.length))
        head = pdfdoc.format(pdfdoc.PDFDictionary({"Filter": pdfdoc.PDFArray([pdfdoc.PDFName("FlateDecode")]),
                                                   "Length": len(data)}), document)
        return head + b"\nstream\n" + data + b"endstream\n"


class _SheetWriter:
    def __init__(self, out: str | Path | BinaryIO, printed_on: dt.date | None, spool: IO[bytes]):
        register_fonts()
        self.canvas = Canvas(str(out) if isinstance(out, Path) else out, pagesize=(PAGE_WIDTH, PAGE_HEIGHT),
                             pageCompression=1, invariant=1)
        self.canvas.setTitle(SHEET_TITLE)
        self.canvas.setCreator("ngheo_desktop")
        self.builder = _SheetBuilder(default_questionnaire())
        self.printed = format_date_vi((printed_on or dt.date.today()).isoformat())
        self.spool = spool
        self._spooled = 0

    def add(self, item: SheetInput) -> int:
        stamp = stamp_for(item.household, item.result)
        pages = paginate(self.builder.build(item, stamp))
        head = item.household["answers"].get("head_name") or item.household["household_id"]
        village = item.household["location"].get("village") or ""
        _draw_pages(self.canvas, pages, stamp, f"Phiếu kết quả rà soát — hộ {head}, {village}", self.printed)
        self._spool_finished_pages()
        return len(pages)

    def _spool_finished_pages(self) -> None:
        # reportlab keeps every page's drawing commands in memory as text until save(): about 30 KB a
        # sheet, 60 MB for a village of 1,000. Each finished page is compressed now and parked in a
        # temporary file, read back only while the PDF is written, so drawing a batch runs in flat memory.
        pages = self.canvas._doc.Pages.pages
        for page in pages[self._spooled:]:
            if page.stream is not None and page.Contents is None:
                data = page.stream.encode("utf-8") if isinstance(page.stream, str) else page.stream
                packed = zlib.compress(data)
                offset = self.spool.seek(0, io.SEEK_END)
                self.spool.write(packed)
                page.Contents, page.stream = _SpooledStream(self.spool, offset, len(packed)), None
        self._spooled = len(pages)


def _check_writable(out: str | Path | BinaryIO) -> None:
    """Refuse an unwritable destination before a long batch, not after it."""
    if isinstance(out, str | Path):
        parent = Path(out).resolve().parent
        if not parent.is_dir():
            raise cannot_write(out, OSError(errno.ENOENT, "missing folder"))
        if not os.access(parent, os.W_OK):
            raise cannot_write(out, OSError(errno.EACCES, "not writable"))


def _save(writer: _SheetWriter, out: object) -> None:
    try:
        writer.canvas.save()
    except OSError as exc:
        raise cannot_write(out, exc) from None


def render_sheet(out: str | Path | BinaryIO, item: SheetInput, printed_on: dt.date | None = None) -> int:
    """Write one household's sheet as a PDF; returns the number of pages."""
    with tempfile.TemporaryFile() as spool:
        writer = _SheetWriter(out, printed_on, spool)
        pages = writer.add(item)
        _save(writer, out)
    return pages


def render_sheets(out: str | Path | BinaryIO, items: Iterable[SheetInput], total: int,
                  progress: Progress | None = None, printed_on: dt.date | None = None) -> int:
    """Write many households' sheets into one PDF, in the order given; returns the number of pages.

    ``items`` may be a generator (the register read lazily): each household is drawn and dropped before
    the next is built. Raises ``Cancelled`` — and writes nothing — when ``progress.cancelled()``.
    """
    progress = progress or NoProgress()
    _check_writable(out)
    pages = 0
    progress.update(0, total)
    with tempfile.TemporaryFile() as spool:
        writer = _SheetWriter(out, printed_on, spool)
        for done, item in enumerate(items):
            if progress.cancelled():
                raise Cancelled(done, total)
            pages += writer.add(item)
            progress.update(done + 1, total)
        _save(writer, out)
    return pages
