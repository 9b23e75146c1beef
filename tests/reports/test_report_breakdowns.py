"""The ethnicity, cause-of-poverty and child-deprivation reports against small hand-counted registers."""

from __future__ import annotations

import csv
import io

import pytest
from factories import birth_for_age, household, member
from openpyxl import load_workbook
from pdf_readback import pdf_text
from report_fixture import CONTEXT, make_row

from ngheo_desktop.criteria import classify, default_questionnaire
from ngheo_desktop.reports.compute import (
    COMMUNE_TOTAL,
    KINDS,
    ROW_REPORTS,
    causes_report,
    children_report,
    ethnicity_report,
)
from ngheo_desktop.reports.data import ReportRow
from ngheo_desktop.reports.export import write_report

DT, BM = "Thôn Đồng Tâm", "Thôn Bản Mồ"


# ---------------------------------------------------------------------------- ethnicity
@pytest.fixture(scope="module")
def ethnic_rows() -> list[ReportRow]:
    """Households by head's ethnicity (people in brackets):

    Thôn Đồng Tâm: poor Thái(4); poor Kinh(3) with a Thái spouse; near-poor Mông(2); average Kinh(5);
                   not assessed Thái(2); near-poor Tày(1); average Tày(3)
    Thôn Bản Mồ:   poor Mông(6); near-poor Mông(3); near-poor Thái(1); poor Dao(2); average Kinh(2);
                   poor, head's ethnicity not recorded(3); near-poor other ethnicity(2)
    """
    mixed = make_row("Trần Văn Bình", DT, "poor", people=3)
    mixed.household["members"][1]["ethnicity"] = "thai"  # the spouse's ethnicity does not make the household's
    unrecorded = make_row("Sầm Văn Phúc", BM, "poor", people=3)
    del unrecorded.household["members"][0]["ethnicity"]
    return [
        make_row("Lò Văn An", DT, "poor", people=4, ethnicity="thai"),
        mixed,
        make_row("Giàng A Chư", DT, "near_poor", people=2, ethnicity="hmong"),
        make_row("Phạm Thị Dung", DT, "average_living", people=5),
        make_row("Vi Văn Em", DT, None, people=2, ethnicity="thai"),
        make_row("Hoàng Thị Giang", DT, "near_poor", people=1, ethnicity="tay"),
        make_row("Nông Văn Hải", DT, "average_living", people=3, ethnicity="tay"),
        make_row("Giàng A Páo", BM, "poor", people=6, ethnicity="hmong"),
        make_row("Vàng Thị Mỷ", BM, "near_poor", people=3, ethnicity="hmong"),
        make_row("Lường Thị Kim", BM, "near_poor", people=1, ethnicity="thai"),
        make_row("Triệu Văn Lâm", BM, "poor", people=2, ethnicity="dao"),
        make_row("Nguyễn Văn Minh", BM, "average_living", people=2),
        unrecorded,
        make_row("Hồ Văn Nam", BM, "near_poor", people=2, ethnicity="other"),
    ]


def test_ethnicity_rows_kinh_first_then_by_poor_and_near_poor_count(ethnic_rows):
    table = ethnicity_report(ethnic_rows).table("1.")
    # Mông 3 poor/near-poor, Thái 2, Tày 1 of 2 households before Dao 1 of 1; catch-alls last.
    assert table.column("Dân tộc của chủ hộ") == ["Kinh", "Mông", "Thái", "Tày", "Dao", "Dân tộc khác",
                                                  "Chưa ghi dân tộc", "Tổng số"]


def test_ethnicity_commune_figures(ethnic_rows):
    table = ethnicity_report(ethnic_rows).table("1.")
    # households; poor, rate in the group, share of the commune's 5 poor; near-poor likewise; people
    assert table.row("Kinh")[1:] == [3, 1, 1 / 3, 1 / 5, 0, 0.0, 0.0, 3, 0]
    assert table.row("Mông")[1:] == [3, 1, 1 / 3, 1 / 5, 2, 2 / 3, 2 / 5, 6, 5]
    assert table.row("Thái")[1:] == [3, 1, 1 / 3, 1 / 5, 1, 1 / 3, 1 / 5, 4, 1]
    assert table.row("Dao")[1:] == [1, 1, 1.0, 1 / 5, 0, 0.0, 0.0, 2, 0]
    assert table.row("Chưa ghi dân tộc")[1:] == [1, 1, 1.0, 1 / 5, 0, 0.0, 0.0, 3, 0]
    assert table.row("Tổng số")[1:] == [14, 5, 5 / 14, 1.0, 5, 5 / 14, 1.0, 18, 9]


def test_ethnicity_per_village(ethnic_rows):
    table = ethnicity_report(ethnic_rows).table("2.")
    dong_tam = [row[1] for row in table.rows if row[0] == DT]
    assert dong_tam == ["Kinh", "Mông", "Thái", "Tày", "Cộng"]  # groups absent from the village are not listed
    kinh = next(row for row in table.rows if row[:2] == [DT, "Kinh"])
    assert kinh[2:] == [2, 1, 1 / 2, 1 / 2, 0, 0.0, 0.0, 3, 0]  # share of the village's 2 poor households
    thai = next(row for row in table.rows if row[:2] == [DT, "Thái"])
    assert thai[2:] == [2, 1, 1 / 2, 1 / 2, 0, 0.0, 0.0, 4, 0]  # the household not assessed counts in the total
    assert table.rows[-1] == [COMMUNE_TOTAL, "Cộng", 14, 5, 5 / 14, 1.0, 5, 5 / 14, 1.0, 18, 9]


# ---------------------------------------------------------------------------- causes of poverty
@pytest.fixture(scope="module")
def cause_rows() -> list[ReportRow]:
    return [
        make_row("Nguyễn Văn An", DT, "poor", causes=["lack_capital", "illness_accident"]),
        make_row("Trần Thị Bình", DT, "poor", causes=[]),  # "none of these" ticked: no cause given
        make_row("Lê Văn Cường", DT, "near_poor", causes=["many_dependants"]),
        make_row("Lò Văn Dũng", BM, "poor", causes=["lack_capital"]),
        make_row("Lò Thị Em", BM, "near_poor"),  # never answered
        make_row("Vi Văn Giang", BM, "average_living", causes=["lack_land"]),
        make_row("Đinh Văn Hà", BM, None, causes=["lack_land"]),
    ]


def test_causes_counted_per_household_among_poor_and_near_poor(cause_rows):
    report = causes_report(cause_rows)
    table = report.table("1.")
    assert table.title == "1. Toàn xã (3 hộ nghèo, 2 hộ cận nghèo)"
    # poor, rate among poor, near-poor, rate among near-poor
    assert table.row("Thiếu vốn sản xuất")[1:] == [2, 2 / 3, 0, 0.0]
    assert table.row("Có người ốm đau, bệnh nặng, tai nạn")[1:] == [1, 1 / 3, 0, 0.0]
    assert table.row("Đông người ăn theo")[1:] == [0, 0.0, 1, 1 / 2]
    assert table.row("Thiếu đất canh tác")[1:] == [0, 0.0, 0, 0.0]  # only average / unassessed households gave it
    assert table.row("Chưa ghi nguyên nhân")[1:] == [1, 1 / 3, 1, 1 / 2]
    assert table.rows[-1] == ["Tổng số hộ", 3, 1.0, 2, 1.0]
    # The household with two causes counts under each: cause rows add up to more than the poor households.
    assert sum(table.column("Hộ nghèo")[:-1]) == 4


def test_causes_rows_follow_the_questionnaire_and_flag_the_unverified_list(cause_rows):
    report = causes_report(cause_rows)
    question = default_questionnaire().question("poverty_causes")
    assert report.table("1.").column("Nguyên nhân")[:-2] == [c.label_vi for c in question.choices]
    assert len(question.choices) == 10
    assert any("chưa được xác minh" in note and "Thông tư 07/2021" in note for note in report.notes)


def test_causes_per_village(cause_rows):
    report = causes_report(cause_rows)
    poor = report.table("2.")
    assert poor.column("Thôn") == [DT, BM, COMMUNE_TOTAL]
    assert poor.column("Số hộ nghèo") == [2, 1, 3]
    assert poor.column("Thiếu vốn sản xuất") == [1, 1, 2]
    assert poor.column("Chưa ghi nguyên nhân") == [1, 0, 1]
    near = report.table("3.")
    assert near.column("Số hộ cận nghèo") == [1, 1, 2]
    assert near.column("Đông người ăn theo") == [1, 0, 1]
    assert near.column("Chưa ghi nguyên nhân") == [0, 1, 1]


# ---------------------------------------------------------------------------- child deprivations
def _assessed(name: str, village: str, members: list[dict], *, low_income: bool = True,
              deprived_dwelling: bool = False, **head) -> ReportRow:
    """A real household classified under the 2022-2025 standard (review date 2026-06-15).

    A low income puts it at or below the line; ``deprived_dwelling`` adds three household-level
    deprivations (water, latrine, telecom), which make it poor; ``head`` overrides the head's answers.
    """
    answers = {"water_source": "surface_water", "latrine_type": "none", "uses_telecom": False} \
        if deprived_dwelling else {}
    doc = household([member(40, name, **head), *members], head_name=name,
                    monthly_income_per_person=500_000 if low_income else 9_000_000, **answers)
    return ReportRow(doc, classify(doc), village_id=f"v-{village}", village_name=village, status="completed")


@pytest.fixture(scope="module")
def child_rows() -> list[ReportRow]:
    """Seven assessed households, each an adult head (insured unless said) and:

    Thôn Đồng Tâm: poor — a malnourished 10-year-old out of school and a 5-year-old; poor — an uninsured head
                   and an insured 8-year-old (the household is deprived on health insurance, its child is not);
                   near-poor — a 12-year-old whose school attendance is not answered; above average — a
                   malnourished child (not counted: not poor or near-poor)
    Thôn Bản Mồ:   poor — the only child turned 16 on the review day, uninsured (no longer a child);
                   near-poor — an uninsured child who turns 16 the day after the review; near-poor — no child
    """
    turns_16_tomorrow = member(15, "Lê Văn Tới", has_health_insurance=False)
    turns_16_tomorrow["birth_date"] = birth_for_age(16, days_before_birthday=1)
    return [
        # Thôn Đồng Tâm
        _assessed("Hà Văn Một", DT, [member(10, "Hà Thị Gầy", malnourished=True, attending_school=False),
                                    member(5, "Hà Văn Bé")], deprived_dwelling=True),
        _assessed("Hà Văn Hai", DT, [member(8, "Hà Thị Tám")], deprived_dwelling=True, has_health_insurance=False),
        _assessed("Hà Văn Sáu", DT, [member(12, "Hà Văn Chưa", attending_school=None)]),
        _assessed("Hà Văn Bảy", DT, [member(9, "Hà Thị Khá", malnourished=True)], low_income=False),
        # Thôn Bản Mồ
        _assessed("Lò Văn Ba", BM, [member(16, "Lò Thị Mười Sáu", has_health_insurance=False)],
                  deprived_dwelling=True),
        _assessed("Lê Văn Bốn", BM, [turns_16_tomorrow]),
        _assessed("Lò Văn Năm", BM, [member(38, "Lò Thị Vợ", sex="female", relation="spouse")]),
    ]


def test_child_fixture_classes(child_rows):
    """The register the child-report tests count by hand: three poor, three near-poor, one average."""
    assert [r.klass for r in child_rows] == ["poor", "poor", "near_poor", "above_average_living", "poor",
                                             "near_poor", "near_poor"]
    health = {r.head_name: r.indicator("health_insurance") for r in child_rows}
    assert health["Hà Văn Hai"] is True and health["Lò Văn Ba"] is True


def test_households_with_children_per_village(child_rows):
    table = children_report(child_rows).table("1.")
    # poor, poor with children, rate, children in them; the same for near-poor
    assert table.row(DT)[1:] == [2, 2, 1.0, 3, 1, 1, 1.0, 1]
    assert table.row(BM)[1:] == [1, 0, 0.0, 0, 2, 1, 0.5, 1]
    assert table.row(COMMUNE_TOTAL)[1:] == [3, 2, 2 / 3, 3, 3, 2, 2 / 3, 2]


def test_child_deprivation_per_indicator(child_rows):
    table = children_report(child_rows).table("2.")
    assert table.title.startswith("2. Thiếu hụt của trẻ em theo chỉ số (2 hộ nghèo, 2 hộ cận nghèo")
    assert table.column("Chỉ số thiếu hụt") == ["Dinh dưỡng", "Tình trạng đi học của trẻ em", "Bảo hiểm y tế"]
    # poor deprived, rate among poor with children, near-poor deprived, rate, poor unknown, near-poor unknown
    assert table.row("Dinh dưỡng")[1:] == [1, 0.5, 0, 0.0, 0, 0]
    assert table.row("Tình trạng đi học của trẻ em")[1:] == [1, 0.5, 0, 0.0, 0, 1]
    # Hà Văn Hai's uninsured adult and Lò Văn Ba's 16-year-old do not count; the 15-year-old does.
    assert table.row("Bảo hiểm y tế")[1:] == [0, 0.0, 1, 0.5, 0, 0]


def test_child_deprivation_per_village_and_notes(child_rows):
    report = children_report(child_rows)
    table = report.table("3.")
    assert table.row(DT)[1:] == [1, 0, 1, 0, 0, 0]
    assert table.row(BM)[1:] == [0, 0, 0, 0, 0, 1]
    assert table.row(COMMUNE_TOTAL)[1:] == [1, 0, 1, 0, 0, 1]
    notes = " ".join(report.notes)
    assert "dưới 16 tuổi" in notes
    for name in ("Dinh dưỡng:", "Tình trạng đi học của trẻ em:", "Bảo hiểm y tế:", "Người phụ thuộc"):
        assert name in notes, name


# ---------------------------------------------------------------------------- all three, every format
@pytest.mark.parametrize("kind", ["ethnicity", "causes", "children"])
def test_new_kinds_are_listed_and_exported(kind, ethnic_rows, cause_rows, child_rows, tmp_path):
    rows = {"ethnicity": ethnic_rows, "causes": cause_rows, "children": child_rows}[kind]
    assert kind in KINDS
    report = ROW_REPORTS[kind](rows)
    pdf, xlsx, csv_path = (tmp_path / f"{kind}.{fmt}" for fmt in ("pdf", "xlsx", "csv"))
    for path in (pdf, xlsx, csv_path):
        write_report(report, CONTEXT, path.suffix[1:], path)
    flat = " ".join(pdf_text(pdf).split())
    assert report.title in flat and "Toàn xã" in flat
    first = report.tables[0]
    ws = load_workbook(xlsx).worksheets[0]
    assert [c.value for c in ws[5]] == [c.header for c in first.columns]
    total = next(row for row in ws.iter_rows(min_row=6) if row[0].value == first.rows[-1][0])
    assert [c.value for c in total][1:] == pytest.approx(first.rows[-1][1:])
    lines = list(csv.reader(io.StringIO(csv_path.read_text("utf-8-sig"))))
    assert lines[0] == [report.title]
    # The notes (what the figures rest on, unverified lists among them) reach the CSV too.
    assert report.notes and all([f"Ghi chú: {note}"] in lines for note in report.notes)
