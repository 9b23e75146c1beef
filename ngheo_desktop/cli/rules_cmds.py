"""``ngheo standards …`` and ``ngheo classify``: the rules core from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from ngheo_desktop.criteria import classify, default_registry, load_household_json, result_json
from ngheo_desktop.criteria.standards import Standard
from ngheo_desktop.errors import InvalidHousehold
from ngheo_desktop.text import format_vnd


def register(sub) -> None:
    standards = sub.add_parser("standards", help="Các chuẩn nghèo đã cài")
    ssub = standards.add_subparsers(dest="standards_command", metavar="LỆNH", required=True)
    p = ssub.add_parser("list", help="Liệt kê các chuẩn nghèo")
    p.add_argument("--json", action="store_true", help="in JSON")
    p.set_defaults(handler=cmd_standards_list)
    p = ssub.add_parser("show", help="Chi tiết một chuẩn nghèo")
    p.add_argument("id")
    p.add_argument("--json", action="store_true", help="in JSON")
    p.set_defaults(handler=cmd_standards_show)

    p = sub.add_parser("classify", help="Phân loại một hộ từ tệp JSON")
    p.add_argument("file", type=Path)
    p.add_argument("--standard", help="mã chuẩn nghèo (mặc định: chuẩn của năm rà soát)")
    p.add_argument("--json", action="store_true", help="in kết quả JSON")
    p.set_defaults(handler=cmd_classify)


def _summary(std: Standard) -> dict:
    return {"id": std.id, "kind": std.kind, "title_vi": std.title_vi, "province": std.province,
            "valid_from_year": std.valid_from_year, "valid_to_year": std.valid_to_year,
            "sha256": std.sha256, "provisional_indicators": std.provisional_indicators}


def _param_json(p) -> dict:
    return {"value": p.value, "verified": p.verified, "source": p.source}


def standard_json(std: Standard) -> dict:
    out = _summary(std)
    out["legal_basis"] = list(std.legal_basis)
    out["deprivation_cutoff"] = _param_json(std.deprivation_cutoff)
    out["income"] = {area: {"poverty_line": _param_json(lines.poverty_line),
                            "average_upper": _param_json(lines.average_upper) if lines.average_upper else None}
                     for area, lines in std.income.items()}
    out["indicators"] = [{"id": i.id, "service": i.service, "name_vi": i.name_vi, "name_en": i.name_en,
                          "rule": i.rule, "params": {k: _param_json(p) for k, p in i.params.items()}}
                         for i in std.indicators]
    return out


def _dump(obj) -> None:
    print(json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True))


def cmd_standards_list(args) -> int:
    stds = default_registry().all()
    if args.json:
        _dump([_summary(s) for s in stds])
        return 0
    for s in stds:
        note = " (chỉ số tạm thời, chưa xác minh)" if s.provisional_indicators else ""
        print(f"{s.id:16} {s.valid_from_year}–{s.valid_to_year}  {s.title_vi}{note}")
    return 0


def cmd_standards_show(args) -> int:
    std = default_registry().get(args.id)
    if args.json:
        _dump(standard_json(std))
        return 0
    print(f"{std.title_vi} [{std.id}]")
    print(f"Áp dụng cho các năm {std.valid_from_year}–{std.valid_to_year}")
    for basis in std.legal_basis:
        print(f"  Căn cứ: {basis}")
    for area, lines in std.income.items():
        upper = f", mức sống trung bình đến {format_vnd(lines.average_upper.value)}" if lines.average_upper else ""
        print(f"  {'Nông thôn' if area == 'rural' else 'Thành thị'}: chuẩn nghèo "
              f"{format_vnd(lines.poverty_line.value)}/người/tháng{upper}")
    print(f"  Hộ nghèo khi thiếu hụt từ {std.deprivation_cutoff.value} chỉ số trở lên")
    print("Chỉ số thiếu hụt:")
    for ind in std.indicators:
        mark = "" if not ind.unverified else "  [có tham số chưa xác minh]"
        print(f"  {ind.id:20} {ind.service_vi} — {ind.name_vi}{mark}")
    return 0


def cmd_classify(args) -> int:
    try:
        text = args.file.read_bytes()
    except OSError as exc:
        raise InvalidHousehold(str(args.file), f"không đọc được tệp ({exc.strerror})") from None
    household = load_household_json(text)
    result = classify(household, args.standard)
    if args.json:
        print(result_json(result), end="")
        return 0
    print(render_result_text(household, result))
    return 0


def render_result_text(household: dict, result: dict) -> str:
    mark = {True: "THIẾU HỤT", False: "đạt", None: "chưa rõ"}
    lines = [
        f"Hộ: {household['answers'].get('head_name', household['household_id'])}",
        f"Chuẩn áp dụng: {result['standard']['title_vi']} (năm rà soát {result['review']['year']})",
        f"Kết quả: {result['class_vi'].upper()}" + ("" if result["class_certain"] else " (tạm thời)"),
        f"Thu nhập: {result['income']['reason']}",
    ]
    if result["score"]:
        s = result["score"]
        lines.append(f"B1 = {s['b1']} (ngưỡng {s['b1_cutoff']}), "
                     f"B2 = {s['b2']} (hộ nghèo khi ≥ {s['b2_poor_threshold']})")
    d = result["deprivation"]
    lines.append(f"Số chỉ số thiếu hụt: {d['count']} (chưa rõ: {d['unknown']}; hộ nghèo khi từ {d['cutoff']})")
    for ind in result["indicators"]:
        lines.append(f"  [{mark[ind['deprived']]:^9}] {ind['name_vi']}: {ind['reason']}")
    if "no_member_able_to_work" in result["flags"]:
        lines.append("Lưu ý: hộ không có thành viên có khả năng lao động.")
    lines.extend(f"Ghi chú: {n}" for n in result["notes"])
    return "\n".join(lines)
