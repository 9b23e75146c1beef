"""``ngheo round …`` and ``ngheo meeting record``: the steps of a review round the office takes by hand.

A round is opened, each village meeting (họp dân) is recorded with how many of those attending agreed
with each household's result (below the procedure's share the household is surveyed again), and the
commune chair's recognition closes the round and fixes its lists. The work is done by
``services.register`` and ``services.sync``; this module only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import register as register_svc
from ngheo_desktop.services import sync as sync_svc
from ngheo_desktop.services.reports import find_village
from ngheo_desktop.store import Store
from ngheo_desktop.text import format_date_vi

KIND_VI = {"periodic": "định kỳ", "regular": "thường xuyên"}


def register(sub) -> None:
    r = sub.add_parser("round", help="Các đợt rà soát: mở đợt, xem danh sách, công nhận kết quả")
    rsub = r.add_subparsers(dest="round_command", metavar="LỆNH", required=True)
    p = rsub.add_parser("list", help="Các đợt rà soát")
    p.add_argument("--json", action="store_true", help="in JSON")
    _common(p)
    p.set_defaults(handler=cmd_round_list)
    p = rsub.add_parser("create", help="Mở một đợt rà soát")
    p.add_argument("year", type=int, metavar="NĂM", help="năm được rà soát (ví dụ 2027 cho đợt định kỳ cuối năm 2026)")
    p.add_argument("--kind", choices=sorted(KIND_VI), default="periodic", help="định kỳ hoặc thường xuyên")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="ngày bắt đầu (mặc định: hôm nay)")
    _common(p)
    p.set_defaults(handler=cmd_round_create)
    p = rsub.add_parser("recognize", help="Ghi quyết định công nhận của Chủ tịch UBND xã: đóng đợt, chốt danh sách")
    p.add_argument("round_id", metavar="MÃ_ĐỢT")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="ngày ký quyết định")
    p.add_argument("--chair", required=True, help="họ tên Chủ tịch UBND xã")
    p.add_argument("--decision", required=True, metavar="SỐ", help="số quyết định, ví dụ 123/QĐ-UBND")
    _common(p)
    p.set_defaults(handler=cmd_round_recognize)

    m = sub.add_parser("meeting", help="Họp dân: ghi số người dự và số người đồng ý với từng hộ")
    msub = m.add_subparsers(dest="meeting_command", metavar="LỆNH", required=True)
    p = msub.add_parser("record", help="Ghi biên bản họp dân của một thôn")
    p.add_argument("--round", required=True, metavar="MÃ_ĐỢT", dest="round_id")
    p.add_argument("--village", required=True, help="mã hoặc tên thôn")
    p.add_argument("--date", required=True, metavar="YYYY-MM-DD", help="ngày họp")
    p.add_argument("--attendance", required=True, type=int, help="số người dự họp")
    p.add_argument("--chair", required=True, help="người chủ trì (trưởng thôn)")
    p.add_argument("--secretary", required=True, help="thư ký")
    p.add_argument("--agree", action="append", required=True, metavar="MÃ_HỘ=SỐ_NGƯỜI",
                   help="số người đồng ý với kết quả của một hộ (lặp lại cho từng hộ)")
    _common(p)
    p.set_defaults(handler=cmd_meeting_record)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None, help="đường dẫn cơ sở dữ liệu")
    p.add_argument("--actor", default=None, help="người thực hiện (ghi vào nhật ký; mặc định: tên đăng nhập)")


def _actor(args) -> str:
    return args.actor or getpass.getuser()


def _open(args) -> Store:
    return Store.open(args.db, create=False)


def cmd_round_list(args) -> int:
    with _open(args) as store:
        rounds = store.rounds()
    if args.json:
        print(json.dumps([{"id": r.id, "year": r.year, "kind": r.kind, "start_date": r.start_date, "title": r.title}
                          for r in rounds], ensure_ascii=False, indent=2))
        return 0
    if not rounds:
        print("Chưa có đợt rà soát nào.")
    for r in rounds:
        print(f"{r.id}  {r.title}  (năm {r.year}, {KIND_VI.get(r.kind, r.kind)}, từ {format_date_vi(r.start_date)})")
    return 0


def cmd_round_create(args) -> int:
    with _open(args) as store:
        rnd = register_svc.create_round(store, args.year, args.kind, args.start, actor=_actor(args))
    print(f"Đã mở đợt {rnd.title}: mã {rnd.id}")
    return 0


def cmd_round_recognize(args) -> int:
    with _open(args) as store:
        sync_svc.recognize_round(store, args.round_id, args.date, args.chair, args.decision, _actor(args))
    print(f"Đã ghi quyết định {args.decision} ngày {format_date_vi(args.date)}: đợt {args.round_id} đã đóng, "
          "danh sách được chốt.")
    return 0


def cmd_meeting_record(args) -> int:
    agree: dict[str, int] = {}
    for item in args.agree:
        household_id, sep, count = item.partition("=")
        if not sep or not count.strip().isdigit():
            raise NgheoError(f"'{item}' phải có dạng MÃ_HỘ=SỐ_NGƯỜI_ĐỒNG_Ý")
        agree[household_id.strip()] = int(count)
    with _open(args) as store:
        village_id = find_village(store, args.village)
        village = store.unit(village_id).name
        report = sync_svc.record_village_meeting(store, args.round_id, village_id, village, args.date,
                                                 args.attendance, args.chair, args.secretary, agree, _actor(args))
    print(f"Đã ghi họp dân {village} ngày {format_date_vi(args.date)}: {len(report.agreed)} hộ được thông qua, "
          f"{len(report.resurvey)} hộ phải rà soát lại (cần từ {report.min_share:.0%} người dự họp đồng ý).")
    for household_id in report.resurvey:
        print(f"  rà soát lại: {household_id}")
    return 0
