"""``ngheo sheet …``, ``ngheo sheets``, ``ngheo report`` and ``ngheo minutes``: printing from the command line.

A file's extension says its format: a report is written as PDF, XLSX or CSV after the name of ``-o``
(``--format`` may repeat it, never contradict it), and sheets and minutes go only to a ``.pdf``.

``ngheo sheet verify CODE`` exits 0 when the paper matches the stored record and 1 when it is outdated or
unknown, so scripts can check a pile of returned sheets. The work is done by ``services.reports``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ngheo_desktop.criteria.standards import village_meeting_min_share
from ngheo_desktop.reports.checkcode import MATCH
from ngheo_desktop.reports.compute import KINDS
from ngheo_desktop.reports.export import FORMATS, format_for
from ngheo_desktop.services import reports as svc
from ngheo_desktop.services.reports import NothingToPrint
from ngheo_desktop.store import Store, sync_tables

PDF_ONLY = ("pdf",)


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: NGHEO_DB hoặc thư mục dữ liệu)")


def register(sub) -> None:
    p = sub.add_parser("sheet", help="In phiếu kết quả rà soát của một hộ, hoặc kiểm tra mã trên phiếu",
                       description="ngheo sheet HOUSEHOLD_ID -o FILE.pdf  |  ngheo sheet verify CODE")
    p.add_argument("target", nargs="+", metavar="HOUSEHOLD_ID | verify CODE")
    p.add_argument("-o", "--output", type=Path, help="tệp PDF cần ghi")
    _db_option(p)
    p.set_defaults(handler=cmd_sheet)

    p = sub.add_parser("sheets", help="In phiếu của mọi hộ trong một thôn (theo thứ tự sổ hộ)")
    p.add_argument("--village", required=True, metavar="ID", help="mã hoặc tên thôn")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF cần ghi")
    _db_option(p)
    p.set_defaults(handler=cmd_sheets)

    p = sub.add_parser("report", help="Báo cáo của xã: " + ", ".join(KINDS))
    p.add_argument("kind", choices=list(KINDS), metavar="KIND", help="; ".join(f"{k}: {v}" for k, v in KINDS.items()))
    p.add_argument("--format", choices=FORMATS, help="pdf, xlsx hoặc csv (mặc định: theo đuôi tên tệp)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp cần ghi (.pdf, .xlsx hoặc .csv)")
    p.add_argument("--round", metavar="ID", help="mã kỳ rà soát (mặc định: kỳ gần nhất)")
    _db_option(p)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser("minutes", help="In biên bản họp dân (2 bản) của các cuộc họp đã ghi trong một kỳ")
    p.add_argument("--round", required=True, metavar="ID", help="mã kỳ rà soát")
    p.add_argument("--village", metavar="ID", help="chỉ in cuộc họp của thôn này (mã hoặc tên)")
    p.add_argument("-o", "--output", type=Path, required=True, help="tệp PDF cần ghi (một tệp mỗi cuộc họp "
                   "khi có nhiều cuộc họp: thêm số thứ tự vào tên)")
    _db_option(p)
    p.set_defaults(handler=cmd_minutes)


def _open(args) -> Store:
    return Store.open(args.db, create=False)


def cmd_sheet(args) -> int:
    if args.target[0] == "verify":
        if len(args.target) != 2:
            raise NothingToPrint("Cách dùng: ngheo sheet verify MÃ_KIỂM_TRA")
        with _open(args) as store:
            result = svc.verify_sheet_code(store, args.target[1])
        print(result.message_vi)
        return 0 if result.status == MATCH else 1
    if len(args.target) != 1 or args.output is None:
        raise NothingToPrint("Cách dùng: ngheo sheet MÃ_HỘ -o TỆP.pdf")
    format_for(args.output, formats=PDF_ONLY)
    with _open(args) as store:
        pages = svc.print_sheet(store, args.target[0], args.output)
    print(f"Đã ghi {args.output} ({pages} trang).")
    return 0


def cmd_sheets(args) -> int:
    format_for(args.output, formats=PDF_ONLY)
    with _open(args) as store:
        pages = svc.print_village(store, svc.find_village(store, args.village), args.output)
    print(f"Đã ghi {args.output} ({pages} trang).")
    return 0


def cmd_report(args) -> int:
    fmt = format_for(args.output, args.format)
    with _open(args) as store:
        svc.export_report(store, args.kind, fmt, args.output, args.round)
    print(f"Đã ghi {args.output}.")
    return 0


def cmd_minutes(args) -> int:
    format_for(args.output, formats=PDF_ONLY)
    with _open(args) as store:
        village_id = svc.find_village(store, args.village) if args.village else None
        meetings = [m for m in sync_tables.meetings(store, store.round(args.round).id)
                    if village_id is None or m.village_id == village_id]
        if not meetings:
            raise NothingToPrint("Kỳ rà soát này chưa ghi cuộc họp dân nào.")
        for i, meeting in enumerate(meetings, start=1):
            out = args.output if len(meetings) == 1 else args.output.with_stem(f"{args.output.stem}-{i}")
            svc.print_meeting_minutes(store, meeting, out, village_meeting_min_share())
            print(f"Đã ghi {out} ({meeting.village}, 2 bản).")
    return 0
