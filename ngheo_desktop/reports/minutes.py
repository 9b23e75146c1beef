"""The minutes of the village meeting (biên bản họp dân), pre-filled with the households and their results.

Decision 24/2021 has the meeting approve the review results by at least half of those present and the
minutes made in two copies (shared/domain §7); both copies come out in one PDF, each marked "Bản số i/2".
Whatever the meeting has not recorded yet (date, attendance, votes) is left as dotted lines to fill by hand.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from ngheo_desktop.reports.errors import cannot_write
from ngheo_desktop.reports.fonts import BOLD, REGULAR, markup
from ngheo_desktop.reports.layout import (
    FRAME_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NationalHeading,
    grid_style,
    make_styles,
    village_head,
    wrap_cell,
)
from ngheo_desktop.text import format_date_vi

DOTS = "…………"


@dataclass(frozen=True)
class MinutesItem:
    head_name: str
    class_vi: str  # the proposed class from the review
    agree: int | None = None  # people agreeing, once voted
    share: float | None = None  # agree / attendance


@dataclass(frozen=True)
class MinutesInput:
    province: str
    commune: str
    village: str
    round_title: str
    items: tuple[MinutesItem, ...]
    min_share: float  # forms/procedure.toml village_meeting.min_agreement_share
    held_on: str | None = None  # ISO date
    attendance: int | None = None
    chair: str = ""
    secretary: str = ""


def _outcome(item: MinutesItem, min_share: float) -> str:
    if item.share is None:
        return ""
    return "Thống nhất" if item.share >= min_share else "Rà soát lại"


def _copy(m: MinutesInput, number: int, copies: int, styles) -> list:
    date = format_date_vi(m.held_on) if m.held_on else f"{DOTS}/{DOTS}/{DOTS}"
    attendance = str(m.attendance) if m.attendance is not None else DOTS
    story = [
        NationalHeading([f"UBND {m.commune}", m.village]),
        Spacer(1, 5 * mm),
        Paragraph("BIÊN BẢN HỌP DÂN", styles.title),
        Paragraph(markup(f"Về việc bình xét kết quả rà soát hộ nghèo, hộ cận nghèo — {m.round_title}"),
                  styles.subtitle),
        Paragraph(f"(Bản số {number}/{copies})", styles.subtitle),
        Spacer(1, 4 * mm),
        Paragraph(markup(f"Hôm nay, ngày {date}, tại {m.village}, {m.commune}, {m.province}, {m.village} tổ chức "
                         "họp dân để bình xét, thống nhất kết quả rà soát hộ nghèo, hộ cận nghèo."), styles.body),
        Paragraph(markup(f"Chủ trì: {m.chair or DOTS} ({village_head(m.village).lower()}). "
                         f"Thư ký: {m.secretary or DOTS}."), styles.body),
        Paragraph(markup(f"Số người tham dự: {attendance} người (đại diện hộ gia đình)."), styles.body),
        Spacer(1, 2 * mm),
        Paragraph(markup(f"Kết quả lấy ý kiến (kết quả được thông qua khi có từ {m.min_share:.0%} số người "
                         "tham dự trở lên đồng ý):"), styles.body),
        Spacer(1, 1.5 * mm),
    ]
    widths = [10 * mm, 58 * mm, 40 * mm, 24 * mm, 18 * mm]
    widths.append(FRAME_WIDTH - sum(widths))
    rows = [["STT", "Họ và tên chủ hộ", "Kết quả rà soát", "Số người\nđồng ý", "Tỷ lệ", "Kết luận"]]
    for i, item in enumerate(m.items, start=1):
        rows.append([str(i), wrap_cell(item.head_name, widths[1]), wrap_cell(item.class_vi, widths[2]),
                     "" if item.agree is None else str(item.agree),
                     "" if item.share is None else f"{item.share * 100:.1f}".replace(".", ",") + "%",
                     _outcome(item, m.min_share)])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([*grid_style(), ("FONT", (0, 0), (-1, -1), REGULAR, 8.5),
                               ("FONT", (0, 0), (-1, 0), BOLD, 8.5), ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                               ("ALIGN", (0, 1), (0, -1), "CENTER"), ("ALIGN", (3, 1), (4, -1), "RIGHT")]))
    story += [table, Spacer(1, 3 * mm),
              Paragraph(markup("Cuộc họp kết thúc vào hồi …… giờ …… cùng ngày. Biên bản được lập thành 02 bản: "
                               f"01 bản lưu tại {m.village}, 01 bản gửi Ủy ban nhân dân {m.commune}."), styles.body),
              Spacer(1, 4 * mm)]
    signatures = Table([
        [Paragraph(f"<b>{role}</b><br/>(Ký, ghi rõ họ tên)", styles.sign) for role in
         ("THƯ KÝ", "ĐẠI DIỆN CÁC HỘ DÂN", f"CHỦ TRÌ ({village_head(m.village).upper()})")],
        [Paragraph(markup(name), styles.sign) for name in (m.secretary, "", m.chair)],
    ], colWidths=[FRAME_WIDTH / 3] * 3, rowHeights=[None, 24 * mm])
    signatures.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("VALIGN", (0, 1), (-1, 1), "BOTTOM")]))
    story.append(signatures)
    return story


def render_minutes(out: str | Path | BinaryIO, minutes: MinutesInput, copies: int = 2) -> int:
    """Write the minutes, ``copies`` times in one PDF; returns the number of copies."""
    styles = make_styles()
    doc = SimpleDocTemplate(str(out) if isinstance(out, Path) else out, leftMargin=MARGIN_X, rightMargin=MARGIN_X,
                            topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title="Biên bản họp dân",
                            creator="ngheo_desktop", invariant=1)
    story: list = []
    for number in range(1, copies + 1):
        if story:
            story.append(PageBreak())
        story += _copy(minutes, number, copies, styles)
    try:
        doc.build(story)
    except OSError as exc:
        raise cannot_write(out, exc) from None
    return copies
