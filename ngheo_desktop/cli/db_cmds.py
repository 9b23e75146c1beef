"""``ngheo db …``, ``ngheo demo``, ``ngheo search``, ``ngheo household …`` and ``ngheo reclassify``.

Every command that uses the database accepts ``--db PATH`` (default: ``NGHEO_DB``, else ``ngheo.sqlite``
in the data folder, which ``NGHEO_HOME`` moves). The work itself is done by ``services.register``.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from pathlib import Path

from ngheo_desktop.criteria import CLASS_VI, default_questionnaire, dump_json
from ngheo_desktop.demo import build_demo
from ngheo_desktop.services import NoProgress
from ngheo_desktop.services import register as svc
from ngheo_desktop.services import sync as sync_svc
from ngheo_desktop.store import (
    STATUS_VI,
    SUPPORT_KINDS,
    BackupExists,
    HouseholdRow,
    StorageError,
    Store,
    list_backups,
)
from ngheo_desktop.store.files import resolve_db_path
from ngheo_desktop.text import format_date_vi, format_vnd


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' không phải số nguyên") from None
    if value < 1:
        raise argparse.ArgumentTypeError("phải từ 1 trở lên")
    return value


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: NGHEO_DB hoặc thư mục dữ liệu)")


def register(sub) -> None:
    db = sub.add_parser("db", help="Cơ sở dữ liệu: tạo, kiểm tra, sao lưu, khôi phục")
    dsub = db.add_subparsers(dest="db_command", metavar="LỆNH", required=True)
    p = dsub.add_parser("init", help="Tạo (hoặc nâng cấp) cơ sở dữ liệu")
    _db_option(p)
    _removable_option(p)
    p.set_defaults(handler=cmd_db_init)
    p = dsub.add_parser("check", help="Kiểm tra toàn vẹn cơ sở dữ liệu")
    _db_option(p)
    p.set_defaults(handler=cmd_db_check)
    p = dsub.add_parser("backup", help="Sao lưu cơ sở dữ liệu ra tệp DEST")
    p.add_argument("dest", type=Path, metavar="DEST", help="tệp sao lưu, hoặc thư mục để đặt bản sao lưu vào")
    p.add_argument("--force", action="store_true", help="ghi đè nếu tệp DEST đã có")
    _db_option(p)
    p.set_defaults(handler=cmd_db_backup)
    p = dsub.add_parser("restore", help="Khôi phục cơ sở dữ liệu từ bản sao lưu SRC")
    p.add_argument("src", type=Path, metavar="SRC")
    _db_option(p)
    p.set_defaults(handler=cmd_db_restore)

    p = sub.add_parser("demo", help="Tạo một xã mẫu (dữ liệu giả) trong cơ sở dữ liệu trống")
    p.add_argument("--households", type=_positive, default=1500, metavar="N", help="số hộ (mặc định 1500)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="hạt giống ngẫu nhiên (mặc định 1)")
    _db_option(p)
    _removable_option(p)
    p.set_defaults(handler=cmd_demo)

    p = sub.add_parser("search", help="Tìm hộ theo tên, số định danh, địa chỉ, thôn (không cần dấu)")
    p.add_argument("query", metavar="QUERY")
    p.add_argument("--limit", type=_positive, default=20, metavar="N")
    p.add_argument("--json", action="store_true", help="in JSON")
    _db_option(p)
    p.set_defaults(handler=cmd_search)

    hh = sub.add_parser("household", help="Xem, nhập hộ")
    hsub = hh.add_subparsers(dest="household_command", metavar="LỆNH", required=True)
    p = hsub.add_parser("show", help="In hồ sơ một hộ")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true", help="in tài liệu hộ (định dạng ngheo.household)")
    _db_option(p)
    p.set_defaults(handler=cmd_household_show)
    p = hsub.add_parser("import", help="Nhập hộ từ các tệp JSON (tất cả hoặc không tệp nào)")
    p.add_argument("files", nargs="+", type=Path, metavar="FILE")
    p.add_argument("--actor", default=None, help="người thực hiện (ghi vào nhật ký; mặc định: tên đăng nhập)")
    _db_option(p)
    p.set_defaults(handler=cmd_household_import)

    p = sub.add_parser("reclassify", help="Phân loại lại mọi hộ theo một chuẩn và báo số hộ thay đổi")
    p.add_argument("--standard", required=True, metavar="ID", help="mã chuẩn nghèo, ví dụ vn-2027-2030")
    p.add_argument("--dry-run", action="store_true", help="chỉ báo cáo, không lưu")
    p.add_argument("--json", action="store_true", help="in JSON")
    _db_option(p)
    p.set_defaults(handler=cmd_reclassify)


def _removable_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--allow-removable-drive", action="store_true",
                   help="cho phép tạo cơ sở dữ liệu trên ổ đĩa rời hoặc ổ mạng (không khuyến nghị)")


def _open(args: argparse.Namespace, *, create: bool = False) -> Store:
    warning = svc.risky_location(args.db)
    if warning and create and not getattr(args, "allow_removable_drive", False):
        # Putting a new live database there is refused; an existing one still opens, with the warning.
        raise StorageError(warning + " Thêm --allow-removable-drive nếu vẫn muốn tạo ở đó.")
    if warning:
        print(f"ngheo: cảnh báo: {warning}", file=sys.stderr)
    return Store.open(args.db, create=create)


def _dump(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


# ---------------------------------------------------------------------- db
def cmd_db_init(args) -> int:
    with _open(args, create=True) as store:
        print(f"Cơ sở dữ liệu: {store.path} (lược đồ {store.schema_version}, {store.household_count()} hộ)")
        if store.backup_taken:
            print(f"Đã sao lưu trước khi nâng cấp: {store.backup_taken}")
        if store.unwritable:
            print(f"Chỉ đọc được, không ghi được: {store.unwritable}.")
    return 0


def cmd_db_check(args) -> int:
    problems = svc.check_database(args.db)
    path = resolve_db_path(args.db)
    if problems:
        for line in problems:
            print(f"  {line}")
        raise StorageError(f"Cơ sở dữ liệu {path} có {len(problems)} lỗi toàn vẹn (xem danh sách ở trên).")
    backups = list_backups(path)
    print(f"Cơ sở dữ liệu {path}: toàn vẹn, không có lỗi.")
    print(f"Bản sao lưu tự động: {len(backups)}" + (f", gần nhất {backups[-1]}" if backups else ""))
    return 0


def cmd_db_backup(args) -> int:
    with _open(args) as store:
        try:
            dest = svc.backup_now(store, args.dest, overwrite=args.force)
        except BackupExists as exc:
            raise StorageError(f"{exc.message} Thêm --force nếu muốn ghi đè.") from None
    print(f"Đã sao lưu vào {dest}")
    return 0


def cmd_db_restore(args) -> int:
    kept = svc.restore_backup(args.src, args.db)
    with _open(args) as store:
        print(f"Đã khôi phục {store.path} từ {args.src} ({store.household_count()} hộ).")
    if kept:
        print(f"Tệp cũ được giữ lại tại {kept}")
    return 0


# ---------------------------------------------------------------------- demo
def cmd_demo(args) -> int:
    started = time.perf_counter()
    with _open(args, create=True) as store:
        summary = build_demo(store, households=args.households, seed=args.seed, progress=NoProgress())
        path = store.path
    seconds = time.perf_counter() - started
    print(f"Đã tạo xã mẫu trong {path}: {summary.households} hộ, {summary.villages} thôn, "
          f"{summary.assessments} phiếu đánh giá, {summary.support} khoản hỗ trợ ({seconds:.1f} giây).")
    for klass, n in sorted(summary.classes.items(), key=lambda kv: -kv[1]):
        print(f"  {CLASS_VI[klass]}: {n} ({n / summary.households:.1%})")
    print("Đây là DỮ LIỆU MẪU, không phải dữ liệu thật.")
    return 0


# ---------------------------------------------------------------------- search and households
def _row_json(row: HouseholdRow) -> dict:
    return {"household_id": row.household_id, "register_no": row.register_no, "head_name": row.head_name,
            "village": row.village, "address": row.address, "members": row.member_count, "class": row.klass,
            "status": row.status, "record_version": row.record_version, "unsent": row.unsent}


def cmd_search(args) -> int:
    with _open(args) as store:
        rows = svc.search(store, args.query, args.limit)
    if args.json:
        _dump([_row_json(r) for r in rows])
        return 0
    if not rows:
        print("Không tìm thấy hộ nào.")
        return 0
    for r in rows:
        print(f"{r.household_id}  {r.head_name:28} {r.village:22} {CLASS_VI[r.klass]}")
    return 0


# Where a household stands with the office, on a laptop (services.sync.household_sync_states).
SYNC_STATE_VI = {"sent": "đã gửi, chờ xã xử lý", "delivered": "xã đã nhận", "returned": "xã trả lại",
                 "rejected": "xã không nhận"}


def cmd_household_show(args) -> int:
    with _open(args) as store:
        doc = store.get_household(args.id)
        if args.json:
            sys.stdout.write(dump_json(doc))
            return 0
        history = store.assessments_for(args.id)
        support = store.support_for(args.id)
        rounds = {r.id: r for r in store.rounds()}
        state = sync_svc.household_sync_states(store).get(args.id)
        comments = sync_svc.comment_texts(store, args.id, sync_svc.returned_comments(store, args.id))
    a = doc["answers"]
    print(f"Hộ {a.get('head_name', '')} — {doc['location'].get('village', '')}, {doc['location'].get('commune', '')}")
    print(f"Mã hộ: {doc['household_id']} (phiên bản {doc['record_version']})")
    if a.get("address"):
        print(f"Địa chỉ: {a['address']}")
    print(f"Thành viên ({len(doc['members'])}):")
    relation = default_questionnaire().question("relation")
    for m in doc["members"]:
        born = format_date_vi(m["birth_date"]) if m.get("birth_date") else ""
        print(f"  {m.get('full_name', '?'):28} {born:10}  {relation.choice_label(m.get('relation', ''))}")
    for h in history:
        rnd = rounds[h.round_id]
        print(f"{rnd.title}: {CLASS_VI[h.klass]} — {STATUS_VI[h.status]} (chuẩn {h.standard_id})")
    for s in support:
        amount = f" {format_vnd(s.amount)}" if s.amount else ""
        print(f"Hỗ trợ {format_date_vi(s.date)}: {SUPPORT_KINDS[s.kind]}{amount} — {s.provider}".rstrip(" —"))
    if state in SYNC_STATE_VI:
        print(f"Gửi văn phòng xã: {SYNC_STATE_VI[state]}")
    if comments:
        print("Xã trả lại hộ này để rà soát lại. Nhận xét của xã:")
        for line in comments:
            print(f"  • {line}")
    return 0


def cmd_household_import(args) -> int:
    with _open(args, create=True) as store:
        counts, _ = svc.import_household_files(store, args.files, actor=args.actor or getpass.getuser())
    print(f"Đã nhập: {counts['created']} hộ mới, {counts['updated']} hộ cập nhật, "
          f"{counts['unchanged']} hộ không đổi.")
    return 0


def cmd_reclassify(args) -> int:
    with _open(args) as store:
        report = svc.reclassify(store, args.standard, dry_run=args.dry_run)
    if args.json:
        _dump(report.as_json())
        return 0
    print(f"Phân loại lại {report.total} hộ theo chuẩn {report.standard_id}"
          + (" (chạy thử, không lưu)" if report.dry_run else ""))
    print(f"Số hộ thay đổi phân loại: {report.moved}; "
          f"trong đó vào hoặc ra danh sách hộ nghèo, cận nghèo: {report.list_changes}")
    for item in report.as_json()["transitions"]:
        print(f"  {CLASS_VI[item['from']]} → {CLASS_VI[item['to']]}: {item['households']}")
    print("Sau khi phân loại lại:")
    for klass, n in report.as_json()["after"].items():
        print(f"  {CLASS_VI[None if klass == svc.UNCLASSIFIED else klass]}: {n}")
    return 0
