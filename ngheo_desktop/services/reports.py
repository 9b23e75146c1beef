"""Use cases of printing and reporting, shared by the command line and the windows.

Reads the register through ``store`` (``store.report_queries`` for whole rounds) and hands plain data to
``reports``: a household's sheet, a village's sheets in register order, the check of a printed code,
the office reports in PDF/XLSX/CSV, and the village meeting minutes. Nothing here writes to the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from ngheo_desktop.criteria import CLASS_VI
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.reports.checkcode import ALPHABET, Verification, parse_code, verify
from ngheo_desktop.reports.compute import KINDS, ROW_REPORTS, trend_report
from ngheo_desktop.reports.data import ReportContext, ReportRow, RoundRows, SupportRecord
from ngheo_desktop.reports.export import write_report
from ngheo_desktop.reports.minutes import MinutesInput, MinutesItem, render_minutes
from ngheo_desktop.reports.model import Report
from ngheo_desktop.reports.progress import NoProgress, Progress
from ngheo_desktop.reports.sheet import SheetInput, render_sheet, render_sheets
from ngheo_desktop.services import units
from ngheo_desktop.store import Round, Store, sync_tables
from ngheo_desktop.store.report_queries import households_with_id_prefix, latest_result, round_records


class NothingToPrint(NgheoError):
    """The household, village or round has no assessment result to print."""


class UnknownReport(NgheoError):
    def __init__(self, kind: str):
        super().__init__(f"Không có loại báo cáo '{kind}' (chọn một trong: {', '.join(KINDS)}).")


# ---------------------------------------------------------------------- sheets
def _current_record(store: Store, household_id: str) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The stored record a sheet's check code is computed from: the document and its latest result."""
    latest = latest_result(store, household_id)
    return store.get_household(household_id), latest.result if latest else None


def sheet_input(store: Store, household_id: str, surveyor: str | None = None) -> SheetInput:
    """What the sheet of a household prints: the stored document and its latest result."""
    doc = store.get_household(household_id)
    latest = latest_result(store, household_id)
    if latest is None:
        name = doc["answers"].get("head_name") or household_id
        raise NothingToPrint(f"Hộ {name} chưa có kết quả rà soát nào để in phiếu.")
    notes = ()
    if latest.household_version != doc["record_version"]:
        notes = (f"Hồ sơ hộ đã được sửa sau lần đánh giá (đánh giá theo phiên bản {latest.household_version}, "
                 f"hồ sơ hiện là phiên bản {doc['record_version']}): cần đánh giá lại trước khi ký.",)
    return SheetInput(doc, latest.result, round_label=latest.round_title, surveyor=surveyor, notes=notes)


def print_sheet(store: Store, household_id: str, out: str | Path | BinaryIO) -> int:
    """One household's assessment sheet; returns the number of pages."""
    return render_sheet(out, sheet_input(store, household_id))


def print_village(store: Store, village_id: str, out: str | Path | BinaryIO,
                  progress: Progress | None = None) -> int:
    """Every assessed household of a village, register order, one PDF; returns the number of pages.

    Households are read one at a time while the PDF is drawn, so memory stays flat for a big village.
    """
    unit = store.unit(village_id)
    if unit is None or unit.level != "village":
        raise NothingToPrint(f"Không có thôn nào với mã '{village_id}'.")
    ids = store.household_ids(village_id)
    rows = store.household_rows(ids)  # status is None until a household has an assessment
    ids = [hid for hid in ids if rows[hid].status is not None]
    if not ids:
        raise NothingToPrint(f"{unit.name} chưa có hộ nào có kết quả rà soát để in.")

    def items() -> Iterator[SheetInput]:
        for hid in ids:
            yield sheet_input(store, hid)

    return render_sheets(out, items(), len(ids), progress or NoProgress())


def find_village(store: Store, key: str) -> str:
    """A village id from its id or its name (``Thôn Đồng Tâm``, ``Đồng Tâm``, ``dong tam``; see
    ``units.find_unit``)."""
    try:
        return units.find_unit(store, key, level="village").id
    except NgheoError:
        raise NothingToPrint(f"Không có thôn nào có mã hoặc tên '{key}', hoặc có nhiều thôn cùng tên "
                             "(xem danh sách: ngheo units list).") from None


def verify_sheet_code(store: Store, code: str) -> Verification:
    """Match, outdated or unknown for a check code typed from a sheet or a scanned QR payload."""
    parsed = parse_code(code)
    if parsed.household_id:
        ids = [parsed.household_id] if store.has_household(parsed.household_id) else []
    else:
        value = 0
        for ch in parsed.household_prefix:
            value = value * 32 + ALPHABET.index(ch)
        ids = households_with_id_prefix(store, f"{value:010x}")
    return verify(parsed, [_current_record(store, hid) for hid in ids])


# ---------------------------------------------------------------------- reports
def report_kinds() -> dict[str, str]:
    """Report kind → Vietnamese label, in the order a reports dialog lists them."""
    return dict(KINDS)


def _round(store: Store, round_id: str | None) -> Round:
    if round_id:
        return store.round(round_id)
    rounds = store.rounds()
    if not rounds:
        raise NothingToPrint("Cơ sở dữ liệu chưa có kỳ rà soát nào.")
    return rounds[-1]


def report_rows(store: Store, round_id: str) -> list[ReportRow]:
    """Every household of the register for a round's reports: villages in the office's order, each
    village's households in register order."""
    order = {u.id: i for i, u in enumerate(store.units(level="village"))}
    rows = [ReportRow(r.household, r.result, r.village_id or r.village, r.village, r.status, r.previous_class,
                      r.poor_before, r.near_poor_before, tuple(SupportRecord(*s) for s in r.support))
            for r in round_records(store, round_id)]
    rows.sort(key=lambda row: order.get(row.village_id, len(order)))  # stable: register order kept within
    return rows


def report_context(store: Store, rnd: Round, printed_on: dt.date | None = None) -> ReportContext:
    communes = store.units(level="commune")
    commune = communes[0] if communes else None
    province = store.unit(commune.parent_id) if commune and commune.parent_id else None
    return ReportContext(province=province.name if province else "", commune=commune.name if commune else "",
                         round_title=rnd.title, printed_on=printed_on or dt.date.today())


def build_report(store: Store, kind: str, round_id: str | None = None) -> tuple[Report, ReportContext]:
    """A report of one round (the latest by default); ``trend`` spans every round in the database."""
    if kind not in KINDS:
        raise UnknownReport(kind)
    rnd = _round(store, round_id)
    if kind == "trend":
        # Every round is measured against today's register: the file keeps no register size per round.
        rounds = [RoundRows(r.title, r.year, tuple(report_rows(store, r.id))) for r in store.rounds()]
        report = trend_report([r for r in rounds if any(row.counted_result for row in r.rows)])
        report.notes.append("Tổng số hộ của mỗi kỳ là số hộ trong sổ hộ hiện nay (hộ chưa rà soát ở kỳ đó tính là "
                            "không nghèo, không cận nghèo).")
    else:
        report = ROW_REPORTS[kind](report_rows(store, rnd.id))
    return report, report_context(store, rnd)


def export_report(store: Store, kind: str, fmt: str, out: str | Path | BinaryIO, round_id: str | None = None) -> Report:
    report, ctx = build_report(store, kind, round_id)
    write_report(report, ctx, fmt, out)
    return report


# ---------------------------------------------------------------------- village meeting minutes
def print_meeting_minutes(store: Store, meeting: sync_tables.Meeting, out: str | Path | BinaryIO,
                          min_share: float, copies: int = 2) -> int:
    """The minutes of a recorded village meeting, pre-filled with its households and their proposed class."""
    rnd = store.round(meeting.round_id)
    ctx = report_context(store, rnd)
    items = []
    for vote in meeting.votes:
        assessment = store.get_assessment(vote.household_id, meeting.round_id)
        klass = assessment.klass if assessment else None
        items.append(MinutesItem(vote.head_name, CLASS_VI.get(klass, CLASS_VI[None]), vote.agree, vote.share))
    data = MinutesInput(province=ctx.province, commune=ctx.commune, village=meeting.village, round_title=rnd.title,
                        held_on=meeting.held_on, attendance=meeting.attendance, chair=meeting.chair,
                        secretary=meeting.secretary, items=tuple(items), min_share=min_share)
    return render_minutes(out, data, copies=copies)
