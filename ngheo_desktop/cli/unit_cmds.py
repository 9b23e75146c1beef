"""``ngheo units …``: the office lists the administrative units and corrects a name, kind or area.

The work is done by ``services.units``; this module only reads arguments and prints.
"""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path

from ngheo_desktop.criteria.vocabulary import AREA_VI, AREAS, CLASS_VI
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import sync as sync_svc
from ngheo_desktop.services import units as units_svc
from ngheo_desktop.store import INHERIT_AREA, UNIT_KINDS, Store

ALL_KINDS = sorted({kind for kinds in UNIT_KINDS.values() for kind in kinds})


def register(sub) -> None:
    u = sub.add_parser("units", help="Đơn vị hành chính: xem, sửa tên, loại, khu vực nông thôn/thành thị")
    usub = u.add_subparsers(dest="units_command", metavar="LỆNH", required=True)
    p = usub.add_parser("list", help="Cây đơn vị: tỉnh, xã/phường, thôn/tổ dân phố, với khu vực và số hộ")
    p.add_argument("--json", action="store_true", help="in JSON")
    _common(p)
    p.set_defaults(handler=cmd_units_list)
    p = usub.add_parser("set", help="Sửa một đơn vị; vị trí của các hộ thuộc đơn vị được cập nhật theo")
    p.add_argument("unit", metavar="ĐƠN_VỊ", help="mã đơn vị hoặc tên (khi tên không trùng)")
    p.add_argument("--name", help="tên mới")
    p.add_argument("--kind", choices=ALL_KINDS,
                   help="loại đơn vị (xã: nông thôn, phường: thành thị; đặc khu giữ khu vực đã đặt)")
    p.add_argument("--area", choices=(*AREAS, INHERIT_AREA),
                   help="khu vực: rural (nông thôn), urban (thành thị); inherit: thôn lấy theo xã/phường")
    p.add_argument("--json", action="store_true", help="in JSON")
    _common(p)
    p.set_defaults(handler=cmd_units_set)


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", type=Path, default=None, help="đường dẫn cơ sở dữ liệu")
    p.add_argument("--actor", default=None, help="người thực hiện (ghi vào nhật ký; mặc định: tên đăng nhập)")


def _area_text(row: units_svc.UnitRow) -> str:
    if row.unit.level == "province":
        return ""  # the area is set per commune or village
    if row.area is None:
        return "chưa rõ khu vực"
    return AREA_VI[row.area] + (" (theo cấp trên)" if row.area_inherited else "")


def cmd_units_list(args) -> int:
    with Store.open(args.db, create=False) as store:
        rows = units_svc.unit_tree(store)
    if args.json:
        print(json.dumps([{"id": r.unit.id, "parent_id": r.unit.parent_id, "level": r.unit.level,
                           "kind": r.unit.kind, "name": r.unit.name, "area": r.area,
                           "area_inherited": r.area_inherited, "households": r.households} for r in rows],
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("Chưa có đơn vị hành chính nào.")
    for r in rows:
        kind = UNIT_KINDS[r.unit.level][r.unit.kind]
        details = "; ".join(t for t in (kind, _area_text(r), f"{r.households} hộ") if t)
        print(f"{'  ' * r.depth}{r.unit.name}  [{details}]  mã {r.unit.id}")
    return 0


def cmd_units_set(args) -> int:
    if sync_svc.own_role() == "field":
        # As in the desktop app: a laptop's own names would come back to the office as a conflict on every
        # household of the unit.
        raise NgheoError("Tên và khu vực của thôn, xã do văn phòng xã sửa; máy rà soát nhận theo tệp giao việc.")
    with Store.open(args.db, create=False) as store:
        unit = units_svc.find_unit(store, args.unit)
        change = units_svc.update_unit(store, unit.id, actor=args.actor or getpass.getuser(), name=args.name,
                                       kind=args.kind, area=args.area)
        to_reassess = store.household_rows(change.results_differ)
    if args.json:
        print(json.dumps({"id": change.unit.id, "name": change.unit.name, "kind": change.unit.kind,
                          "area": change.unit.area, "households_updated": len(change.households_updated),
                          "results_differ": list(change.results_differ)}, ensure_ascii=False, indent=2))
        return 0
    if change.unit == unit:
        print(f"{unit.name}: không có gì thay đổi.")
        return 0
    print(f"Đã sửa {change.unit.name}; cập nhật vị trí của {len(change.households_updated)} hộ.")
    if change.results_differ:
        print(f"{len(change.results_differ)} hộ có kết quả đã ghi khác với kết quả theo khu vực mới; "
              "cần rà soát lại:")
        for row in sorted(to_reassess.values(), key=lambda r: r.register_no):
            print(f"  số {row.register_no}  {row.head_name}  ({row.village}; đã ghi: {CLASS_VI.get(row.klass, '')})")
    if change.households_updated:
        print("Gửi lại tệp giao việc cho các thôn này để máy rà soát viên nhận thông tin mới.")
    return 0
