"""The commune's reports computed from ``ReportRow`` lists: pure functions, one per report kind.

Rates are fractions of the households (or people) counted in the same row; a village with no households
has rate 0. Households not yet assessed count in the totals (the rate is over every household of the
register) and appear in their own column, so the table adds up. The child-deprivation report also reads
the installed standards: it runs each household's standard's rules on its children alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ngheo_desktop.criteria import CLASS_VI, classifier_for, default_questionnaire, default_registry
from ngheo_desktop.criteria.household import member_age
from ngheo_desktop.criteria.standards import StandardRegistry
from ngheo_desktop.reports.children import ChildIndicators, default_child_indicators
from ngheo_desktop.reports.data import ABOVE_LINE, AVERAGE, NEAR_POOR, POOR, ReportRow, RoundRows
from ngheo_desktop.reports.model import DECIMAL, INT, POINTS, RATE, TEXT, YEAR, Chart, Column, Report, Table
from ngheo_desktop.reports.programmes import ProgrammeMap, default_programmes
from ngheo_desktop.text import format_date_vi

COMMUNE_TOTAL = "Toàn xã"
UNASSESSED = "Chưa rà soát"


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _villages(rows: list[ReportRow]) -> list[tuple[str, list[ReportRow]]]:
    """Rows grouped by village, villages in the order they first appear (register order)."""
    groups: dict[str, tuple[str, list[ReportRow]]] = {}
    for row in rows:
        groups.setdefault(row.village_id, (row.village_name, []))[1].append(row)
    return list(groups.values())


def _class_label(klass: str | None) -> str:
    return CLASS_VI.get(klass, CLASS_VI[None]) if klass else UNASSESSED


# ---------------------------------------------------------------------------- summary
def _summary_counts(rows: list[ReportRow], weight: Callable[[ReportRow], int]) -> list[float | int]:
    total = sum(weight(r) for r in rows)
    out: list[float | int] = [total]
    for klass in (POOR, NEAR_POOR, AVERAGE):
        n = sum(weight(r) for r in rows if r.klass == klass)
        out += [n, _rate(n, total)]
    out.append(sum(weight(r) for r in rows if r.klass is None))
    return out


def _summary_table(title: str, unit: str, rows: list[ReportRow], weight: Callable[[ReportRow], int]) -> Table:
    columns = [Column("Thôn", TEXT, 2.2), Column(f"Tổng số {unit}", INT),
               Column(f"Số {unit} nghèo", INT), Column("Tỷ lệ nghèo", RATE),
               Column(f"Số {unit} cận nghèo", INT), Column("Tỷ lệ cận nghèo", RATE),
               Column(f"Số {unit} có mức sống trung bình", INT, 1.3), Column("Tỷ lệ mức sống trung bình", RATE, 1.2),
               Column(f"Số {unit} chưa rà soát", INT)]
    table = Table(title, columns, total_rows=1)
    for name, village_rows in _villages(rows):
        table.rows.append([name, *_summary_counts(village_rows, weight)])
    table.rows.append([COMMUNE_TOTAL, *_summary_counts(rows, weight)])
    return table


def summary_report(rows: list[ReportRow]) -> Report:
    dep = deprivation_report(rows)
    return Report("summary", "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ CÓ MỨC SỐNG TRUNG BÌNH", [
        _summary_table("1. Theo số hộ", "hộ", rows, lambda r: 1),
        _summary_table("2. Theo số nhân khẩu", "người", rows, lambda r: r.people),
        dep.tables[0],
    ], charts=dep.charts, landscape=True,
        notes=["Tỷ lệ tính trên tổng số hộ (nhân khẩu) của thôn, kể cả hộ chưa rà soát.",
               "Hộ chỉ có phiếu nháp hoặc phiếu bị trả lại được tính là chưa rà soát."])


# ---------------------------------------------------------------------------- deprivation
def _indicator_names(rows: list[ReportRow]) -> list[tuple[str, str]]:
    names: dict[str, str] = {}
    for row in rows:
        for ind in (row.counted_result or {}).get("indicators", ()):
            names.setdefault(ind["id"], ind["name_vi"])
    return list(names.items())


def deprivation_report(rows: list[ReportRow]) -> Report:
    poor = [r for r in rows if r.klass == POOR]
    near = [r for r in rows if r.klass == NEAR_POOR]
    columns = [Column("Chỉ số thiếu hụt", TEXT, 3), Column("Hộ nghèo thiếu hụt", INT),
               Column("Tỷ lệ trong hộ nghèo", RATE), Column("Hộ cận nghèo thiếu hụt", INT),
               Column("Tỷ lệ trong hộ cận nghèo", RATE), Column("Hộ nghèo chưa rõ", INT),
               Column("Hộ cận nghèo chưa rõ", INT)]
    table = Table(f"3. Thiếu hụt theo chỉ số ({len(poor)} hộ nghèo, {len(near)} hộ cận nghèo)", columns,
                  note="Tỷ lệ = số hộ thiếu hụt chỉ số / tổng số hộ nghèo (hộ cận nghèo).")
    categories, poor_rates, near_rates = [], [], []
    for ind_id, name in _indicator_names(rows):
        p = sum(1 for r in poor if r.indicator(ind_id))
        n = sum(1 for r in near if r.indicator(ind_id))
        pu = sum(1 for r in poor if r.indicator(ind_id) is None)
        nu = sum(1 for r in near if r.indicator(ind_id) is None)
        table.rows.append([name, p, _rate(p, len(poor)), n, _rate(n, len(near)), pu, nu])
        categories.append(name)
        poor_rates.append(_rate(p, len(poor)))
        near_rates.append(_rate(n, len(near)))
    chart = Chart("Tỷ lệ hộ thiếu hụt theo chỉ số", categories,
                  [("Hộ nghèo", poor_rates), ("Hộ cận nghèo", near_rates)])
    return Report("deprivation", "PHÂN TÍCH THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA HỘ NGHÈO, HỘ CẬN NGHÈO",
                  [table], charts=[chart], landscape=True)


# ---------------------------------------------------------------------------- groups
KINH = "kinh"


def _head_member(row: ReportRow) -> dict:
    members = row.household["members"]
    return next((m for m in members if m.get("relation") == "head"), members[0] if members else {})


def head_ethnicity(row: ReportRow) -> str | None:
    """The household's ethnicity: its head's (questionnaire choice value), None when not recorded."""
    return _head_member(row).get("ethnicity")


def ethnic_minority(row: ReportRow) -> bool:
    """The household head is of an ethnic minority (any ethnicity other than Kinh)."""
    ethnicity = head_ethnicity(row)
    return ethnicity is not None and ethnicity != KINH


def no_member_able_to_work(row: ReportRow) -> bool:
    return "no_member_able_to_work" in (row.counted_result or {}).get("flags", ())


def merit_household(row: ReportRow) -> bool:
    return row.household["answers"].get("merit_household") is True


GROUPS: list[tuple[str, Callable[[ReportRow], bool]]] = [
    ("Hộ dân tộc thiểu số", ethnic_minority),
    ("Hộ không có khả năng lao động", no_member_able_to_work),
    ("Hộ có người có công với cách mạng", merit_household),
]


def groups_report(rows: list[ReportRow]) -> Report:
    poor = [r for r in rows if r.klass == POOR]
    near = [r for r in rows if r.klass == NEAR_POOR]
    columns = [Column("Nhóm đối tượng", TEXT, 3), Column("Hộ nghèo", INT), Column("Nhân khẩu hộ nghèo", INT),
               Column("Tỷ lệ trong hộ nghèo", RATE), Column("Hộ cận nghèo", INT),
               Column("Nhân khẩu hộ cận nghèo", INT), Column("Tỷ lệ trong hộ cận nghèo", RATE)]
    table = Table("Hộ nghèo, hộ cận nghèo theo nhóm đối tượng", columns, total_rows=1,
                  note="Một hộ có thể thuộc nhiều nhóm; \"Hộ khác\" là hộ không thuộc nhóm nào ở trên. "
                       "Dân tộc của hộ là dân tộc của chủ hộ.")

    def line(label: str, test: Callable[[ReportRow], bool]) -> list:
        p = [r for r in poor if test(r)]
        n = [r for r in near if test(r)]
        return [label, len(p), sum(r.people for r in p), _rate(len(p), len(poor)),
                len(n), sum(r.people for r in n), _rate(len(n), len(near))]

    for label, test in GROUPS:
        table.rows.append(line(label, test))
    table.rows.append(line("Hộ khác", lambda r: not any(test(r) for _, test in GROUPS)))
    table.rows.append(line("Tổng số", lambda r: True))
    return Report("groups", "HỘ NGHÈO, HỘ CẬN NGHÈO THEO NHÓM ĐỐI TƯỢNG", [table], landscape=True)


# ---------------------------------------------------------------------------- ethnicity
ETHNICITY_OTHER = "other"
NO_ETHNICITY = "Chưa ghi dân tộc"


def _ethnicity_order(rows: list[ReportRow]) -> list[str | None]:
    """Kinh first, then the groups with the most poor and near-poor households (then most households);
    "other ethnicity" and "not recorded" last, as they are not one group."""
    found: dict[str | None, list[int]] = {}
    for row in rows:
        counts = found.setdefault(head_ethnicity(row), [0, 0])
        counts[0] += row.klass in (POOR, NEAR_POOR)
        counts[1] += 1
    label = default_questionnaire().question("ethnicity").choice_label

    def key(value: str | None) -> tuple:
        rank = 0 if value == KINH else 2 if value == ETHNICITY_OTHER else 3 if value is None else 1
        return rank, -found[value][0], -found[value][1], label(value) if value else ""

    return sorted(found, key=key)


def _ethnicity_label(value: str | None) -> str:
    return default_questionnaire().question("ethnicity").choice_label(value) if value else NO_ETHNICITY


def _ethnicity_counts(group: list[ReportRow], scope: list[ReportRow]) -> list[float | int]:
    """Households, poor and near-poor (count, rate in the group, share of the scope's class) and people."""
    out: list[float | int] = [len(group)]
    for klass in (POOR, NEAR_POOR):
        n = sum(1 for r in group if r.klass == klass)
        out += [n, _rate(n, len(group)), _rate(n, sum(1 for r in scope if r.klass == klass))]
    for klass in (POOR, NEAR_POOR):
        out.append(sum(r.people for r in group if r.klass == klass))
    return out


def _ethnicity_columns() -> list[Column]:
    return [Column("Tổng số hộ", INT), Column("Số hộ nghèo", INT), Column("Tỷ lệ hộ nghèo", RATE),
            Column("Tỷ trọng trong tổng số hộ nghèo", RATE, 1.1), Column("Số hộ cận nghèo", INT),
            Column("Tỷ lệ hộ cận nghèo", RATE), Column("Tỷ trọng trong tổng số hộ cận nghèo", RATE, 1.1),
            Column("Nhân khẩu hộ nghèo", INT), Column("Nhân khẩu hộ cận nghèo", INT)]


def ethnicity_report(rows: list[ReportRow]) -> Report:
    order = _ethnicity_order(rows)
    commune = Table("1. Toàn xã", [Column("Dân tộc của chủ hộ", TEXT, 1.8), *_ethnicity_columns()], total_rows=1)
    for value in order:
        group = [r for r in rows if head_ethnicity(r) == value]
        commune.rows.append([_ethnicity_label(value), *_ethnicity_counts(group, rows)])
    commune.rows.append(["Tổng số", *_ethnicity_counts(rows, rows)])
    villages = Table("2. Theo thôn", [Column("Thôn", TEXT, 1.6), Column("Dân tộc của chủ hộ", TEXT, 1.4),
                                      *_ethnicity_columns()], total_rows=1,
                     note="Tỷ trọng tính trên tổng số hộ nghèo (cận nghèo) của thôn.")
    for name, village_rows in _villages(rows):
        for value in order:
            group = [r for r in village_rows if head_ethnicity(r) == value]
            if group:
                villages.rows.append([name, _ethnicity_label(value), *_ethnicity_counts(group, village_rows)])
        villages.rows.append([name, "Cộng", *_ethnicity_counts(village_rows, village_rows)])
    villages.rows.append([COMMUNE_TOTAL, "Cộng", *_ethnicity_counts(rows, rows)])
    return Report("ethnicity", "HỘ NGHÈO, HỘ CẬN NGHÈO THEO DÂN TỘC", [commune, villages], landscape=True, notes=[
        "Dân tộc của hộ là dân tộc của chủ hộ. Dân tộc Kinh ghi trước, các dân tộc khác theo số hộ nghèo, "
        "cận nghèo giảm dần.",
        "Tỷ lệ hộ nghèo (cận nghèo) tính trên tổng số hộ của dân tộc đó, kể cả hộ chưa rà soát; tỷ trọng ở bảng 1 "
        "tính trên tổng số hộ nghèo (cận nghèo) của toàn xã.",
    ])


# ---------------------------------------------------------------------------- causes of poverty
CAUSES_QUESTION = "poverty_causes"
NO_CAUSE = "Chưa ghi nguyên nhân"


def poverty_causes(row: ReportRow) -> set[str]:
    """The causes recorded for the household (questionnaire choice values); empty when none is."""
    return set(row.household["answers"].get(CAUSES_QUESTION) or ())


def causes_report(rows: list[ReportRow]) -> Report:
    question = default_questionnaire().question(CAUSES_QUESTION)
    causes = [(c.value, c.label_vi) for c in question.choices]
    known = {value for value, _ in causes}
    poor = [r for r in rows if r.klass == POOR]
    near = [r for r in rows if r.klass == NEAR_POOR]
    lines: list[tuple[str, Callable[[ReportRow], bool]]] = [
        *((label, lambda r, v=value: v in poverty_causes(r)) for value, label in causes),
        (NO_CAUSE, lambda r: not poverty_causes(r) & known)]

    commune = Table(f"1. Toàn xã ({len(poor)} hộ nghèo, {len(near)} hộ cận nghèo)", [
        Column("Nguyên nhân", TEXT, 3), Column("Hộ nghèo", INT), Column("Tỷ lệ trong hộ nghèo", RATE),
        Column("Hộ cận nghèo", INT), Column("Tỷ lệ trong hộ cận nghèo", RATE)], total_rows=1,
        note="Tỷ lệ = số hộ có nguyên nhân đó / tổng số hộ nghèo (hộ cận nghèo).")
    poor_rates, near_rates = [], []
    for label, test in lines:
        p = sum(1 for r in poor if test(r))
        n = sum(1 for r in near if test(r))
        commune.rows.append([label, p, _rate(p, len(poor)), n, _rate(n, len(near))])
        poor_rates.append(_rate(p, len(poor)))
        near_rates.append(_rate(n, len(near)))
    commune.rows.append(["Tổng số hộ", len(poor), 1.0 if poor else 0.0, len(near), 1.0 if near else 0.0])

    def by_village(title: str, klass: str, count_header: str) -> Table:
        table = Table(title, [Column("Thôn", TEXT, 1.6), Column(count_header, INT),
                              *(Column(label, INT) for label, _ in lines)], total_rows=1)
        for name, village_rows in [*_villages(rows), (COMMUNE_TOTAL, rows)]:
            picked = [r for r in village_rows if r.klass == klass]
            table.rows.append([name, len(picked), *(sum(1 for r in picked if test(r)) for _, test in lines)])
        return table

    notes = ["Một hộ có thể có nhiều nguyên nhân nên tổng các dòng nguyên nhân có thể lớn hơn số hộ.",
             f"{NO_CAUSE}: hộ nghèo (cận nghèo) chưa chọn nguyên nhân nào trong phiếu rà soát."]
    if not question.verified:
        notes.append(f"Danh mục nguyên nhân nghèo trong phiếu rà soát chưa được xác minh: {question.source}.")
    chart = Chart("Tỷ lệ hộ theo nguyên nhân nghèo", [label for label, _ in lines],
                  [("Hộ nghèo", poor_rates), ("Hộ cận nghèo", near_rates)])
    return Report("causes", "HỘ NGHÈO, HỘ CẬN NGHÈO THEO NGUYÊN NHÂN NGHÈO", [
        commune, by_village("2. Hộ nghèo theo thôn", POOR, "Số hộ nghèo"),
        by_village("3. Hộ cận nghèo theo thôn", NEAR_POOR, "Số hộ cận nghèo"),
    ], charts=[chart], landscape=True, notes=notes)


# ---------------------------------------------------------------------------- child deprivations
@dataclass(frozen=True)
class _Children:
    count: int  # members under the child age on the household's review day
    deprived: dict[str, bool | None]  # indicator id → verdict counting the children alone


def _children(row: ReportRow, age_below: int, registry: StandardRegistry) -> _Children:
    household = row.household
    members = household["members"]
    review = dt.date.fromisoformat(household["review"]["date"])
    kids = [i for i, m in enumerate(members) if (age := member_age(m, review)) is not None and age < age_below]
    if not kids:
        return _Children(0, {})
    classifier = classifier_for(registry.get(row.counted_result["standard"]["id"]))
    return _Children(len(kids), classifier.verdicts_among(household, kids))


def children_report(rows: list[ReportRow], spec: ChildIndicators | None = None,
                    registry: StandardRegistry | None = None) -> Report:
    spec = spec or default_child_indicators()
    registry = registry or default_registry()
    kids = {r.household_id: _children(r, spec.age_below, registry) for r in rows if r.klass in (POOR, NEAR_POOR)}
    names = dict(_indicator_names(rows))
    indicators = [(ind, names[ind.id]) for ind in spec.indicators if ind.id in names]

    def with_children(scope: list[ReportRow], klass: str) -> list[ReportRow]:
        return [r for r in scope if r.klass == klass and kids[r.household_id].count]

    households = Table("1. Hộ nghèo, hộ cận nghèo có trẻ em", [
        Column("Thôn", TEXT, 1.8), Column("Số hộ nghèo", INT), Column("Hộ nghèo có trẻ em", INT),
        Column("Tỷ lệ hộ nghèo có trẻ em", RATE), Column("Số trẻ em trong hộ nghèo", INT),
        Column("Số hộ cận nghèo", INT), Column("Hộ cận nghèo có trẻ em", INT),
        Column("Tỷ lệ hộ cận nghèo có trẻ em", RATE), Column("Số trẻ em trong hộ cận nghèo", INT)], total_rows=1)
    for name, village_rows in [*_villages(rows), (COMMUNE_TOTAL, rows)]:
        line: list = [name]
        for klass in (POOR, NEAR_POOR):
            of_class = sum(1 for r in village_rows if r.klass == klass)
            picked = with_children(village_rows, klass)
            line += [of_class, len(picked), _rate(len(picked), of_class),
                     sum(kids[r.household_id].count for r in picked)]
        households.rows.append(line)

    poor, near = with_children(rows, POOR), with_children(rows, NEAR_POOR)
    per_indicator = Table(f"2. Thiếu hụt của trẻ em theo chỉ số ({len(poor)} hộ nghèo, {len(near)} hộ cận nghèo "
                          "có trẻ em)", [
        Column("Chỉ số thiếu hụt", TEXT, 2.6), Column("Hộ nghèo có trẻ em thiếu hụt", INT),
        Column("Tỷ lệ trong hộ nghèo có trẻ em", RATE), Column("Hộ cận nghèo có trẻ em thiếu hụt", INT),
        Column("Tỷ lệ trong hộ cận nghèo có trẻ em", RATE), Column("Hộ nghèo chưa rõ", INT),
        Column("Hộ cận nghèo chưa rõ", INT)],
        note="Tỷ lệ = số hộ có trẻ em bị thiếu hụt / số hộ nghèo (hộ cận nghèo) có trẻ em.")
    poor_rates, near_rates = [], []
    for ind, name in indicators:
        # An indicator the household's standard lacks is neither deprived nor unknown for that household.
        p = sum(1 for r in poor if kids[r.household_id].deprived.get(ind.id, False) is True)
        n = sum(1 for r in near if kids[r.household_id].deprived.get(ind.id, False) is True)
        pu = sum(1 for r in poor if kids[r.household_id].deprived.get(ind.id, False) is None)
        nu = sum(1 for r in near if kids[r.household_id].deprived.get(ind.id, False) is None)
        per_indicator.rows.append([name, p, _rate(p, len(poor)), n, _rate(n, len(near)), pu, nu])
        poor_rates.append(_rate(p, len(poor)))
        near_rates.append(_rate(n, len(near)))

    village_columns = [Column("Thôn", TEXT, 1.8)]
    for _, name in indicators:
        village_columns += [Column(f"{name}: hộ nghèo", INT), Column(f"{name}: hộ cận nghèo", INT)]
    villages = Table("3. Hộ có trẻ em bị thiếu hụt theo thôn", village_columns, total_rows=1)
    for village, village_rows in [*_villages(rows), (COMMUNE_TOTAL, rows)]:
        line = [village]
        for ind, _ in indicators:
            for klass in (POOR, NEAR_POOR):
                line.append(sum(1 for r in with_children(village_rows, klass)
                                if kids[r.household_id].deprived.get(ind.id, False) is True))
        villages.rows.append(line)

    notes = [f"Trẻ em là thành viên dưới {spec.age_below} tuổi, tính theo số năm tròn tại ngày rà soát của hộ "
             "(ngày các chỉ số được đánh giá); thành viên chưa có ngày sinh không được tính là trẻ em.",
             "Hộ có trẻ em bị thiếu hụt: xác định theo quy tắc của chỉ số trong chuẩn nghèo áp dụng cho hộ, chỉ "
             "xét các thành viên là trẻ em.",
             *(f"{name}: {ind.why_vi}" for ind, name in indicators),
             spec.others_vi]
    if not spec.verified:
        notes.append(f"Danh sách chỉ số về trẻ em (forms/child_indicators.toml) chưa được xác minh: {spec.source}.")
    chart = Chart("Tỷ lệ hộ có trẻ em bị thiếu hụt theo chỉ số", [name for _, name in indicators],
                  [("Hộ nghèo", poor_rates), ("Hộ cận nghèo", near_rates)])
    return Report("children", "THIẾU HỤT CÁC DỊCH VỤ XÃ HỘI CƠ BẢN CỦA TRẺ EM TRONG HỘ NGHÈO, HỘ CẬN NGHÈO",
                  [households, per_indicator, villages], charts=[chart], landscape=True, notes=notes)


# ---------------------------------------------------------------------------- movement
@dataclass(frozen=True)
class _Movement:
    label: str
    test: Callable[[ReportRow], bool]


def _movements(target: str, other: str, before: Callable[[ReportRow], bool]) -> list[_Movement]:
    """Start, decreases, increases and end of the ``target`` class; end = start − decreases + increases."""
    name = "nghèo" if target == POOR else "cận nghèo"
    other_name = "cận nghèo" if other == NEAR_POOR else "nghèo"

    def entered(r: ReportRow) -> bool:
        return r.klass == target and r.previous_class not in (POOR, NEAR_POOR)

    return [
        _Movement(f"Số hộ {name} đầu kỳ", lambda r: r.previous_class == target),
        _Movement(f"Giảm: thoát {name} (trên chuẩn nghèo)",
                  lambda r: r.previous_class == target and r.klass in ABOVE_LINE),
        _Movement(f"Giảm: chuyển thành hộ {other_name}", lambda r: r.previous_class == target and r.klass == other),
        _Movement("Giảm khác (chưa rà soát, chuyển đi)", lambda r: r.previous_class == target and r.klass is None),
        _Movement(f"Tăng: tái {name}", lambda r: entered(r) and before(r)),
        _Movement(f"Tăng: {name} phát sinh mới", lambda r: entered(r) and not before(r)),
        _Movement(f"Tăng: từ hộ {other_name} chuyển sang", lambda r: r.klass == target and r.previous_class == other),
        _Movement(f"Số hộ {name} cuối kỳ", lambda r: r.klass == target),
    ]


def _movement_table(title: str, rows: list[ReportRow], movements: list[_Movement]) -> Table:
    villages = _villages(rows)
    columns = [Column("Chỉ tiêu", TEXT, 3)]
    for name, _ in villages:
        columns.append(Column(f"{name} (hộ)", INT))
    columns += [Column("Toàn xã (hộ)", INT), Column("Toàn xã (nhân khẩu)", INT)]
    table = Table(title, columns)
    for m in movements:
        picked = [r for r in rows if m.test(r)]
        per_village = [sum(1 for r in vr if m.test(r)) for _, vr in villages]
        table.rows.append([m.label, *per_village, len(picked), sum(r.people for r in picked)])
    return table


def movement_counts(rows: list[ReportRow], target: str) -> dict[str, int]:
    """Household counts by movement label for ``poor`` or ``near_poor`` (commune level)."""
    movements = _poor_movements() if target == POOR else _near_poor_movements()
    return {m.label: sum(1 for r in rows if m.test(r)) for m in movements}


def _poor_movements() -> list[_Movement]:
    return _movements(POOR, NEAR_POOR, lambda r: r.poor_before)


def _near_poor_movements() -> list[_Movement]:
    return _movements(NEAR_POOR, POOR, lambda r: r.near_poor_before)


def movement_report(rows: list[ReportRow]) -> Report:
    return Report("movement", "DIỄN BIẾN HỘ NGHÈO, HỘ CẬN NGHÈO SO VỚI KỲ RÀ SOÁT TRƯỚC", [
        _movement_table("1. Hộ nghèo", rows, _poor_movements()),
        _movement_table("2. Hộ cận nghèo", rows, _near_poor_movements()),
    ], landscape=True, notes=[
        "Cuối kỳ = đầu kỳ − các dòng giảm + các dòng tăng.",
        "Tái nghèo (tái cận nghèo): hộ đã từng là hộ nghèo (cận nghèo) ở một kỳ trước kỳ liền trước, "
        "kỳ trước không thuộc diện nghèo, cận nghèo.",
    ])


# ---------------------------------------------------------------------------- Alkire–Foster
@dataclass(frozen=True)
class AlkireFoster:
    households: int  # n: households with a result
    poor: int  # q: deprived in at least the cut-off number of indicators
    cutoff: int  # k
    headcount: float  # H = q / n
    intensity: float  # A = average deprivation share among the q
    adjusted: float  # M0 = H × A


def alkire_foster(rows: Iterable[ReportRow]) -> AlkireFoster | None:
    """H, A and M0 over the assessed households, equal weights across the standard's indicators.

    A household is multidimensionally poor when deprived in at least the standard's cut-off (k) of its d
    indicators; its deprivation share is c/d. Unknown indicators count as not deprived, so the figures
    are a lower bound when answers are missing. Income plays no part (the AF measure is non-monetary).
    """
    shares, cutoff, n = [], None, 0
    for row in rows:
        result = row.counted_result
        if not result or not result.get("indicators"):
            continue
        n += 1
        k = result["deprivation"]["cutoff"]
        cutoff = k if cutoff is None else cutoff
        c = sum(1 for ind in result["indicators"] if ind["deprived"])
        if c >= k:
            shares.append(c / len(result["indicators"]))
    if n == 0:
        return None
    q = len(shares)
    h = q / n
    a = sum(shares) / q if q else 0.0
    return AlkireFoster(n, q, cutoff or 0, h, a, sum(shares) / n)


def af_report(rows: list[ReportRow]) -> Report:
    columns = [Column("Địa bàn", TEXT, 2.2), Column("Số hộ đã rà soát (n)", INT),
               Column("Ngưỡng thiếu hụt (k)", INT), Column("Số hộ nghèo đa chiều (q)", INT),
               Column("Tỷ lệ nghèo đa chiều H", RATE), Column("Mức độ thiếu hụt A", RATE),
               Column("Chỉ số nghèo đa chiều điều chỉnh M0", DECIMAL, 1.3)]
    table = Table("Chỉ số Alkire–Foster theo thôn và toàn xã", columns, total_rows=1)
    for name, village_rows in [*_villages(rows), (COMMUNE_TOTAL, rows)]:
        af = alkire_foster(village_rows)
        if af is None:
            table.rows.append([name, 0, None, 0, 0.0, 0.0, 0.0])
        else:
            table.rows.append([name, af.households, af.cutoff, af.poor, af.headcount, af.intensity, af.adjusted])
    return Report("af", "ĐO LƯỜNG NGHÈO ĐA CHIỀU THEO PHƯƠNG PHÁP ALKIRE–FOSTER", [table], landscape=True, notes=[
        "H = q/n: tỷ lệ hộ thiếu hụt từ k chỉ số trở lên (k theo chuẩn nghèo áp dụng).",
        "A: bình quân tỷ lệ chỉ số thiếu hụt (c/d, d là số chỉ số của chuẩn) của các hộ nghèo đa chiều.",
        "M0 = H × A. Trọng số các chỉ số bằng nhau; chỉ số chưa rõ tính là không thiếu hụt; "
        "không xét thu nhập.",
    ])


# ---------------------------------------------------------------------------- trend
def trend_report(rounds: list[RoundRows]) -> Report:
    columns = [Column("Kỳ rà soát", TEXT, 2.5), Column("Năm", YEAR, 0.6), Column("Tổng số hộ", INT),
               Column("Hộ nghèo", INT), Column("Tỷ lệ hộ nghèo", RATE), Column("Hộ cận nghèo", INT),
               Column("Tỷ lệ hộ cận nghèo", RATE),
               Column("Tỷ lệ nghèo tăng (+), giảm (−) so với kỳ trước (điểm %)", POINTS, 1.4)]
    table = Table("Tỷ lệ hộ nghèo, hộ cận nghèo qua các kỳ rà soát", columns)
    previous = None
    poor_rates, near_rates = [], []
    for rnd in rounds:
        total = len(rnd.rows)
        poor = sum(1 for r in rnd.rows if r.klass == POOR)
        near = sum(1 for r in rnd.rows if r.klass == NEAR_POOR)
        rate = _rate(poor, total)
        change = None if previous is None else round((rate - previous) * 100, 2)
        table.rows.append([rnd.title, rnd.year, total, poor, rate, near, _rate(near, total), change])
        poor_rates.append(rate)
        near_rates.append(_rate(near, total))
        previous = rate
    chart = Chart("Tỷ lệ hộ nghèo, hộ cận nghèo qua các kỳ", [str(r.year) for r in rounds],
                  [("Hộ nghèo", poor_rates), ("Hộ cận nghèo", near_rates)], kind="line")
    return Report("trend", "DIỄN BIẾN TỶ LỆ HỘ NGHÈO, HỘ CẬN NGHÈO QUA CÁC NĂM", [table], charts=[chart])


# ---------------------------------------------------------------------------- housing
DURABILITY_PARTS = (("housing_walls", "tường"), ("housing_frame", "cột/khung"), ("housing_roof", "mái"))
HOUSING_KINDS = ("housing",)


def housing_report(rows: list[ReportRow]) -> Report:
    columns = [Column("STT", INT, 0.4), Column("Họ và tên chủ hộ", TEXT, 1.8), Column("Thôn", TEXT, 1.2),
               Column("Địa chỉ", TEXT, 1.8), Column("Phân loại", TEXT, 1.3),
               Column("Kết cấu không bền chắc", TEXT, 1.3), Column("Hỗ trợ nhà ở đã nhận", TEXT, 1.6)]
    table = Table("Danh sách hộ ở nhà không bền chắc (nhà tạm, nhà dột nát)", columns)
    for row in rows:
        if row.indicator("housing_quality") is not True:
            continue
        answers = row.household["answers"]
        weak = ", ".join(label for qid, label in DURABILITY_PARTS if answers.get(qid) == "non_durable")
        support = "; ".join(f"{format_date_vi(s.date)}{' — ' + s.note if s.note else ''}" for s in row.support
                            if s.kind in HOUSING_KINDS)
        table.rows.append([len(table.rows) + 1, row.head_name, row.village_name, answers.get("address", ""),
                           _class_label(row.klass), weak, support or "Chưa có"])
    return Report("housing", "DANH SÁCH HỘ CẦN HỖ TRỢ NHÀ Ở", [table], landscape=True)


# ---------------------------------------------------------------------------- support planning
def support_report(rows: list[ReportRow], programmes: ProgrammeMap | None = None) -> Report:
    programmes = programmes or default_programmes()
    targets = [r for r in rows if r.klass in (POOR, NEAR_POOR)]
    names = dict(_indicator_names(rows))
    per_household = Table("1. Thiếu hụt và chương trình hỗ trợ phù hợp của từng hộ", [
        Column("STT", INT, 0.4), Column("Họ và tên chủ hộ", TEXT, 1.6), Column("Thôn", TEXT, 1.1),
        Column("Phân loại", TEXT, 1.0), Column("Chỉ số thiếu hụt", TEXT, 2.6),
        Column("Chương trình phù hợp", TEXT, 2.6), Column("Còn phải hỗ trợ", TEXT, 2.2)])
    need: dict[str, list[ReportRow]] = {p.id: [] for p in programmes.programmes}
    reached: dict[str, list[ReportRow]] = {p.id: [] for p in programmes.programmes}
    for row in targets:
        matched = programmes.for_indicators(row.deprived_ids)
        open_ = []
        for p in matched:
            need[p.id].append(row)
            if row.support_kinds.intersection(p.support_kinds):
                reached[p.id].append(row)
            else:
                open_.append(p)
        per_household.rows.append([
            len(per_household.rows) + 1, row.head_name, row.village_name, _class_label(row.klass),
            "; ".join(names.get(i, i) for i in row.deprived_ids), "; ".join(p.name_vi for p in matched),
            "; ".join(p.name_vi for p in open_)])
    per_programme = Table("2. Tổng hợp theo chương trình", [
        Column("Chương trình hỗ trợ", TEXT, 3), Column("Số hộ cần hỗ trợ", INT), Column("Đã nhận hỗ trợ", INT),
        Column("Còn phải hỗ trợ", INT), Column("Tỷ lệ đã tiếp cận", RATE)])
    to_reach = Table("3. Danh sách hộ còn phải hỗ trợ theo chương trình", [
        Column("Chương trình hỗ trợ", TEXT, 2.4), Column("STT", INT, 0.4), Column("Họ và tên chủ hộ", TEXT, 1.6),
        Column("Thôn", TEXT, 1.1), Column("Phân loại", TEXT, 1.0)])
    for p in programmes.programmes:
        n, done = len(need[p.id]), len(reached[p.id])
        per_programme.rows.append([p.name_vi, n, done, n - done, _rate(done, n)])
        done_ids = {r.household_id for r in reached[p.id]}
        for i, row in enumerate((r for r in need[p.id] if r.household_id not in done_ids), start=1):
            to_reach.rows.append([p.name_vi, i, row.head_name, row.village_name, _class_label(row.klass)])
    notes = ["Hộ được tính đã tiếp cận chương trình khi sổ hộ có ghi nhận hỗ trợ thuộc loại tương ứng."]
    if not programmes.verified:
        notes.append("Bảng ghép chỉ số thiếu hụt với chương trình (forms/support_programmes.toml) chưa được "
                     "xác minh: " + programmes.source + ".")
    return Report("support", "KẾ HOẠCH HỖ TRỢ HỘ NGHÈO, HỘ CẬN NGHÈO THEO CHỈ SỐ THIẾU HỤT",
                  [per_household, per_programme, to_reach], landscape=True, notes=notes)


# ---------------------------------------------------------------------------- public posting
POSTING_COLUMNS = ("STT", "Họ và tên chủ hộ", "Thôn", "Phân loại")
_POSTING_ORDER = {POOR: 0, NEAR_POOR: 1}


def posting_report(rows: list[ReportRow]) -> Report:
    """The list read out and posted at the village meeting: names, village and class — nothing else.

    Personal data law (shared/domain §10) keeps ID numbers, income and health off anything public, so
    this report is built from exactly those three fields and has no other column to leak through.
    """
    table = Table("Danh sách hộ nghèo, hộ cận nghèo dự kiến", [
        Column(POSTING_COLUMNS[0], INT, 0.5), Column(POSTING_COLUMNS[1], TEXT, 3),
        Column(POSTING_COLUMNS[2], TEXT, 2), Column(POSTING_COLUMNS[3], TEXT, 2)])
    village_order = {vid: i for i, vid in enumerate(dict.fromkeys(r.village_id for r in rows))}
    listed = sorted((r for r in rows if r.klass in _POSTING_ORDER),
                    key=lambda r: (village_order[r.village_id], _POSTING_ORDER[r.klass]))
    for i, row in enumerate(listed, start=1):
        table.rows.append([i, row.head_name, row.village_name, _class_label(row.klass)])
    return Report("posting", "DANH SÁCH NIÊM YẾT CÔNG KHAI KẾT QUẢ RÀ SOÁT", [table],
                  notes=["Niêm yết công khai tại nhà văn hóa thôn và trụ sở UBND xã; ý kiến, khiếu nại gửi "
                         "UBND xã trong thời gian niêm yết."])


# ---------------------------------------------------------------------------- dispatch
KINDS: dict[str, str] = {
    "summary": "Tổng hợp kết quả rà soát",
    "deprivation": "Phân tích thiếu hụt theo chỉ số",
    "groups": "Theo nhóm đối tượng",
    "ethnicity": "Theo dân tộc",
    "causes": "Theo nguyên nhân nghèo",
    "children": "Thiếu hụt của trẻ em",
    "movement": "Diễn biến so với kỳ trước",
    "af": "Chỉ số Alkire–Foster (H, A, M0)",
    "trend": "Tỷ lệ qua các kỳ rà soát",
    "housing": "Danh sách hộ cần hỗ trợ nhà ở",
    "support": "Kế hoạch hỗ trợ theo thiếu hụt",
    "posting": "Danh sách niêm yết công khai",
}

ROW_REPORTS: dict[str, Callable[[list[ReportRow]], Report]] = {
    "summary": summary_report,
    "deprivation": deprivation_report,
    "groups": groups_report,
    "ethnicity": ethnicity_report,
    "causes": causes_report,
    "children": children_report,
    "movement": movement_report,
    "af": af_report,
    "housing": housing_report,
    "support": support_report,
    "posting": posting_report,
}
