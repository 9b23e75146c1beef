"""``ngheo keys …``, ``ngheo bundle …``, ``ngheo receipt …``, ``ngheo assign …`` and ``ngheo review …``.

Keys live in the data folder (``NGHEO_HOME``); the passphrase comes from ``NGHEO_PASSPHRASE`` or a
prompt. Every refusal is a typed error with one Vietnamese line and exit code 2 (``cli.main``). The work
is done by ``services.sync``.
"""

from __future__ import annotations

import argparse
import contextlib
import getpass
import json
from collections.abc import Iterator
from pathlib import Path

from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store
from ngheo_desktop.store.files import resolve_db_path
from ngheo_desktop.sync import container, keys
from ngheo_desktop.text import format_date_vi

RECORD_VI = {"household": "hộ", "assessment": "kết quả rà soát", "support": "hỗ trợ"}
KIND_VI = {"submitted": "hồ sơ nộp", "conflict": "xung đột phiên bản", "duplicate_id": "trùng số định danh",
           "held": "gói từ thiết bị bị thu hồi"}
COUNT_VI = {"households": "hộ", "members": "nhân khẩu", "assessments": "phiếu", "support": "khoản hỗ trợ",
            "accepted": "chấp nhận", "returned": "trả lại", "rejected": "từ chối", "files": "tệp biểu mẫu"}
OUTCOME_VI = {"created": "thêm mới", "updated": "cập nhật", "unchanged": "không đổi",
              "conflict": "xung đột (chờ xem xét)", "held": "giữ lại chờ xem xét"}


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH", help="tệp cơ sở dữ liệu (mặc định: NGHEO_DB hoặc thư mục dữ liệu)")


def _actor_option(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", default=None, help="người thực hiện (ghi vào nhật ký; mặc định: tên đăng nhập)")


def _actor(args) -> str:
    return args.actor or getpass.getuser()


def _open(args) -> Store:
    return Store.open(args.db)


@contextlib.contextmanager
def _open_for_import(args) -> Iterator[Store]:
    """The register a file is imported into. One this import had to create is removed again when the file
    is refused, so a bad file leaves no empty register behind (the app would open it instead of the demo)."""
    path = resolve_db_path(args.db)
    existed = path.exists()
    try:
        with Store.open(path) as store:
            yield store
    except BaseException:
        if not existed:
            for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
                leftover.unlink(missing_ok=True)
        raise


def _dump(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


def register(sub) -> None:
    k = sub.add_parser("keys", help="Khóa của máy này và danh sách thiết bị tin cậy")
    ksub = k.add_subparsers(dest="keys_command", metavar="LỆNH", required=True)
    p = ksub.add_parser("init", help="Tạo khóa cho máy này (một lần)")
    p.add_argument("--role", required=True, choices=keys.ROLES, help="field: máy thực địa; office: văn phòng xã")
    p.add_argument("--label", default="", help="tên gợi nhớ, ví dụ 'Máy thôn Đồng Tâm'")
    p.set_defaults(handler=cmd_keys_init)
    p = ksub.add_parser("show", help="Mã thiết bị, dấu vân tay và thiết bị tin cậy")
    p.add_argument("--json", action="store_true", help="in JSON")
    p.set_defaults(handler=cmd_keys_show)
    p = ksub.add_parser("export-public", help="Xuất tệp khóa công khai để đăng ký")
    p.add_argument("-o", "--output", required=True, type=Path)
    p.set_defaults(handler=cmd_keys_export_public)
    p = ksub.add_parser("trust", help="Tin một tệp khóa công khai (văn phòng, hoặc máy thực địa)")
    p.add_argument("file", type=Path)
    p.add_argument("--fingerprint", help="dấu vân tay đọc qua điện thoại để đối chiếu")
    p.set_defaults(handler=cmd_keys_trust)
    p = ksub.add_parser("revoke", help="Thu hồi một thiết bị (gói sau mốc bị giữ lại)")
    p.add_argument("device")
    p.add_argument("--after-sequence", type=int, help="mốc: gói có số thứ tự lớn hơn bị giữ lại "
                                                      "(mặc định: gói cuối cùng đã nhập)")
    _db_option(p)
    p.set_defaults(handler=cmd_keys_revoke)

    b = sub.add_parser("bundle", help="Gói dữ liệu từ máy thực địa gửi văn phòng")
    bsub = b.add_subparsers(dest="bundle_command", metavar="LỆNH", required=True)
    p = bsub.add_parser("export", help="Xuất các thay đổi văn phòng chưa xác nhận")
    p.add_argument("-o", "--output", required=True, type=Path, help="tệp, hoặc thư mục (tên tự đặt)")
    _db_option(p)
    p.set_defaults(handler=cmd_bundle_export)
    p = bsub.add_parser("inspect", help="Xem tiêu đề công khai của một tệp (không cần mật khẩu)")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="in JSON")
    p.set_defaults(handler=cmd_bundle_inspect)
    p = bsub.add_parser("verify", help="Kiểm tra chữ ký và toàn bộ nội dung, không ghi gì")
    p.add_argument("file", type=Path)
    p.set_defaults(handler=cmd_bundle_verify)
    p = bsub.add_parser("import", help="Nhập một gói tại văn phòng")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="in JSON")
    p.add_argument("--hold", action="store_true", help="gói từ thiết bị bị thu hồi: đưa cả vào hàng chờ xem xét")
    _db_option(p)
    _actor_option(p)
    p.set_defaults(handler=cmd_bundle_import)

    r = sub.add_parser("receipt", help="Biên nhận văn phòng gửi máy thực địa")
    rsub = r.add_subparsers(dest="receipt_command", metavar="LỆNH", required=True)
    p = rsub.add_parser("export", help="Xuất biên nhận cho một thiết bị")
    p.add_argument("--device", required=True)
    p.add_argument("-o", "--output", required=True, type=Path)
    p.add_argument("--again", action="store_true",
                   help="gửi lại mọi quyết định cho thiết bị này, cả những quyết định đã gửi (biên nhận trước bị mất)")
    _db_option(p)
    p.set_defaults(handler=cmd_receipt_export)
    p = rsub.add_parser("import", help="Nhập biên nhận trên máy thực địa")
    p.add_argument("file", type=Path)
    _db_option(p)
    p.set_defaults(handler=cmd_receipt_import)

    a = sub.add_parser("assign", help="Giao việc: hộ cần rà soát trong một thôn, chuẩn và bảng điểm mới")
    asub = a.add_subparsers(dest="assign_command", metavar="LỆNH", required=True)
    p = asub.add_parser("export", help="Xuất tệp giao việc cho một thiết bị")
    p.add_argument("--device", required=True)
    p.add_argument("--village", required=True, help="mã thôn/tổ dân phố")
    p.add_argument("--round", help="mã đợt rà soát")
    p.add_argument("--form", action="append", type=Path, default=[], help="tệp chuẩn nghèo hoặc bảng điểm kèm theo")
    p.add_argument("-o", "--output", required=True, type=Path)
    _db_option(p)
    p.set_defaults(handler=cmd_assign_export)
    p = asub.add_parser("import", help="Nhập tệp giao việc trên máy thực địa")
    p.add_argument("file", type=Path)
    _db_option(p)
    _actor_option(p)
    p.set_defaults(handler=cmd_assign_import)

    v = sub.add_parser("review", help="Hàng chờ xem xét tại văn phòng")
    vsub = v.add_subparsers(dest="review_command", metavar="LỆNH", required=True)
    p = vsub.add_parser("list", help="Các mục đang chờ")
    p.add_argument("--json", action="store_true", help="in JSON")
    _db_option(p)
    p.set_defaults(handler=cmd_review_list)
    p = vsub.add_parser("approve", help="Duyệt; với xung đột, chọn phiên bản bằng --source")
    p.add_argument("id", type=int)
    p.add_argument("--source", help="mã thiết bị có phiên bản được giữ, hoặc 'office'")
    _db_option(p)
    _actor_option(p)
    p.set_defaults(handler=cmd_review_approve)
    p = vsub.add_parser("return", help="Trả lại cho điều tra viên, nhận xét theo từng câu hỏi")
    p.add_argument("id", type=int)
    p.add_argument("--comment", action="append", default=[], metavar="MÃ_CÂU_HỎI=NHẬN_XÉT", required=True,
                   help="nhận xét về một câu hỏi; về câu trả lời của một thành viên: MÃ_CÂU_HỎI@MÃ_THÀNH_VIÊN=…")
    _db_option(p)
    _actor_option(p)
    p.set_defaults(handler=cmd_review_return)
    p = vsub.add_parser("reject", help="Từ chối mọi phiên bản của một mục")
    p.add_argument("id", type=int)
    p.add_argument("--reason", required=True)
    _db_option(p)
    _actor_option(p)
    p.set_defaults(handler=cmd_review_reject)


# ---------------------------------------------------------------------------------------------- keys

def cmd_keys_init(args) -> int:
    pub = svc.keys_init(args.role, keys.passphrase_from_user(confirm=True), args.label)
    print(f"Đã tạo khóa cho {keys.ROLE_VI[pub.role]}.")
    print(f"Mã thiết bị: {pub.device_id}")
    print(f"Dấu vân tay: {pub.fingerprint}")
    return 0


def cmd_keys_show(args) -> int:
    info = svc.keys_show()
    if args.json:
        _dump(info)
        return 0
    print(f"Vai trò: {info['role_vi']}{' — ' + info['label'] if info['label'] else ''}")
    print(f"Mã thiết bị: {info['device_id']}")
    print(f"Dấu vân tay: {info['fingerprint']}")
    for t in info["trusted"]:
        state = f" (thu hồi sau gói số {t['revoked_after_sequence']})" if t["revoked_at"] else ""
        print(f"  tin: {t['device_id']} {keys.ROLE_VI[t['role']]} {t['label']}{state}")
    return 0


def cmd_keys_export_public(args) -> int:
    pub = svc.export_public_key(args.output)
    print(f"Đã ghi {args.output}. Dấu vân tay để đối chiếu: {pub.fingerprint}")
    return 0


def cmd_keys_trust(args) -> int:
    entry = svc.trust_key_file(args.file, args.fingerprint)
    print(f"Đã tin {keys.ROLE_VI[entry.key.role]} {entry.device_id} {entry.key.label}".rstrip())
    print(f"Dấu vân tay: {entry.key.fingerprint} — hãy đọc đối chiếu với người gửi")
    return 0


def cmd_keys_revoke(args) -> int:
    if args.after_sequence is None:
        with _open(args) as store:
            entry = svc.revoke_device(args.device, None, store)
    else:
        entry = svc.revoke_device(args.device, args.after_sequence)
    print(f"Đã thu hồi {entry.device_id}; gói có số thứ tự trên {entry.revoked_after_sequence} sẽ bị giữ lại")
    return 0


# ---------------------------------------------------------------------------------------------- bundles

def cmd_bundle_export(args) -> int:
    with _open(args) as store:
        out = svc.next_bundle_path(store, args.output) if args.output.is_dir() else args.output
        report = svc.export_bundle(store, out)
    c = report.counts
    print(f"Đã ghi gói số {report.sequence}: {out} — {c['households']} hộ, {c['members']} nhân khẩu, "
          f"{c['assessments']} phiếu, {c['support']} khoản hỗ trợ")
    return 0


def cmd_bundle_inspect(args) -> int:
    info = svc.inspect_file(args.file)
    if args.json:
        _dump(info.as_json())
        return 0
    sig = "hợp lệ" if info.signature == "valid" else "CHƯA XÁC MINH (thiết bị chưa đăng ký)"
    print(f"Loại: {container.KIND_VI[info.kind]}; số thứ tự {info.sequence}; tạo lúc {_when(info.created)}")
    print(f"Gửi từ: {info.sender} {info.sender_label}".rstrip() + f" — chữ ký {sig}")
    print(f"Gửi đến: {info.recipient}{' (máy này)' if info.for_this_installation else ''}")
    print("Số lượng: " + ", ".join(f"{COUNT_VI.get(k, k)} {v}" for k, v in sorted(info.counts.items())))
    return 0


def cmd_bundle_verify(args) -> int:
    info, records = svc.verify_bundle_file(args.file)
    print(f"Gói số {info.sequence} từ {info.sender}: chữ ký đúng, {len(records)} bản ghi hợp lệ")
    return 0


def cmd_bundle_import(args) -> int:
    with _open_for_import(args) as store:
        report = svc.import_bundle(store, args.file, _actor(args), hold_revoked=args.hold)
    if args.json:
        _dump(report.as_json())
        return 0
    print(f"Đã nhập gói số {report.sequence} từ {report.device_id}: "
          + ", ".join(f"{OUTCOME_VI[k]} {v}" for k, v in sorted(report.outcome.items())))
    if report.missing_sequences:
        missing = ", ".join(str(s) for s in report.missing_sequences[:10])
        print(f"Chú ý: chưa nhận các gói số {missing}{' …' if len(report.missing_sequences) > 10 else ''}")
    return 0


# ---------------------------------------------------------------------------------------------- receipts

def cmd_receipt_export(args) -> int:
    with _open(args) as store:
        report = svc.export_receipt(store, args.device, args.output, again=args.again)
    c = report.counts
    print(f"Đã ghi biên nhận số {report.sequence}: {args.output} — chấp nhận {c['accepted']}, "
          f"trả lại {c['returned']}, từ chối {c['rejected']}")
    return 0


def cmd_receipt_import(args) -> int:
    with _open_for_import(args) as store:
        c = svc.import_receipt(store, args.file)
    print(f"Đã nhập biên nhận: chấp nhận {c['accepted']}, trả lại {c['returned']}, từ chối {c['rejected']}")
    return 0


def cmd_assign_export(args) -> int:
    with _open(args) as store:
        report = svc.export_assignment(store, args.device, args.village, args.output, args.round, args.form)
    print(f"Đã ghi tệp giao việc số {report.sequence}: {args.output} — {report.counts['households']} hộ, "
          f"{report.counts['files']} tệp biểu mẫu")
    return 0


def cmd_assign_import(args) -> int:
    with _open_for_import(args) as store:
        c = svc.import_assignment(store, args.file, _actor(args))
    print(f"Đã nhập tệp giao việc: thêm {c['created']} hộ, cập nhật {c['updated']}, giữ bản sửa trên máy "
          f"{c['kept_local']}, {c['files']} tệp biểu mẫu")
    if c["units"]:
        print(f"Theo văn phòng xã, đã cập nhật tên hoặc khu vực của {c['units']} đơn vị hành chính")
    return 0


# ---------------------------------------------------------------------------------------------- review

def cmd_review_list(args) -> int:
    with _open(args) as store:
        items = svc.review_queue(store)
    if args.json:
        _dump([{"id": i.id, "kind": i.kind, "record_type": i.record_type, "record_id": i.record_id,
                "other_record_id": i.other_record_id, "opened_at": i.opened_at,
                "candidates": [{"source": c.source, "version": c.version, "base_version": c.base_version,
                                "changed_at": c.changed_at, "changed_by": c.changed_by} for c in i.candidates]}
               for i in items])
        return 0
    if not items:
        print("Hàng chờ xem xét trống: không có hồ sơ nào chờ văn phòng quyết định.")
    for i in items:
        who = "; ".join(f"{c.source} v{c.version} ({c.changed_by}, {_when(c.changed_at)})" for c in i.candidates)
        print(f"{i.id:5}  {KIND_VI[i.kind]:28} {RECORD_VI.get(i.record_type, i.record_type)} {i.record_id}  {who}")
    return 0


def _when(iso_time: str) -> str:
    """``2026-11-27T12:01:51Z`` as people read it: ``27/11/2026 12:01`` (UTC, as recorded)."""
    date, _, time = iso_time.partition("T")
    return f"{format_date_vi(date)} {time[:5]}".strip() if date else iso_time


def cmd_review_approve(args) -> int:
    with _open(args) as store:
        item = svc.approve(store, args.id, _actor(args), args.source)
    print(f"Đã duyệt mục {item.id}")
    return 0


def cmd_review_return(args) -> int:
    comments = {}
    for text in args.comment:
        question, sep, comment = text.partition("=")
        if not sep:
            raise NgheoError(f"Nhận xét '{text}' phải có dạng MÃ_CÂU_HỎI=NHẬN_XÉT")
        comments[question.strip()] = comment
    with _open(args) as store:
        item = svc.return_to_surveyor(store, args.id, comments, _actor(args))
    print(f"Đã trả lại mục {item.id} với {len(item.comments)} nhận xét")
    return 0


def cmd_review_reject(args) -> int:
    with _open(args) as store:
        item = svc.reject(store, args.id, args.reason, _actor(args))
    print(f"Đã từ chối mục {item.id}")
    return 0
