"""Report figures against the hand-counted commune in report_fixture.commune()."""

import pytest
from report_fixture import CITIZEN_ID, commune

from ngheo_desktop.reports.compute import (
    COMMUNE_TOTAL,
    af_report,
    alkire_foster,
    deprivation_report,
    groups_report,
    housing_report,
    movement_counts,
    movement_report,
    posting_report,
    summary_report,
    support_report,
    trend_report,
)
from ngheo_desktop.reports.data import RoundRows


@pytest.fixture(scope="module")
def rows():
    return commune()


def test_summary_households_and_people(rows):
    report = summary_report(rows)
    hh, people = report.tables[0], report.tables[1]
    # total, poor, rate, near-poor, rate, average, rate, not assessed
    assert hh.row("Thôn Đồng Tâm")[1:] == [5, 2, 0.4, 1, 0.2, 1, 0.2, 1]
    assert hh.row("Thôn Bản Mồ")[1:] == [5, 1, 0.2, 2, 0.4, 1, 0.2, 0]
    assert hh.row(COMMUNE_TOTAL)[1:] == [10, 3, 0.3, 3, 0.3, 2, 0.2, 1]
    assert people.row("Thôn Đồng Tâm")[1:] == [16, 7, 7 / 16, 2, 2 / 16, 5, 5 / 16, 2]
    assert people.row(COMMUNE_TOTAL)[1:] == [32, 13, 13 / 32, 6, 6 / 32, 7, 7 / 32, 2]
    assert report.charts and report.charts[0].series[0][0] == "Hộ nghèo"


def test_deprivation_per_indicator(rows):
    table = deprivation_report(rows).tables[0]
    # name: poor deprived, rate, near-poor deprived, rate, poor unknown, near-poor unknown
    assert table.row("Bảo hiểm y tế")[1:] == [3, 1.0, 2, 2 / 3, 0, 0]
    assert table.row("Việc làm")[1:] == [2, 2 / 3, 0, 0.0, 0, 0]
    assert table.row("Nguồn nước sinh hoạt")[1:] == [2, 2 / 3, 1, 1 / 3, 0, 0]
    assert table.row("Dinh dưỡng")[1:] == [1, 1 / 3, 0, 0.0, 0, 1]
    assert len(table.rows) == 12


def test_groups(rows):
    table = groups_report(rows).tables[0]
    # poor hh, people, rate, near-poor hh, people, rate
    assert table.row("Hộ dân tộc thiểu số")[1:] == [2, 10, 2 / 3, 1, 3, 1 / 3]
    assert table.row("Hộ không có khả năng lao động")[1:] == [1, 4, 1 / 3, 0, 0, 0.0]
    assert table.row("Hộ có người có công với cách mạng")[1:] == [1, 3, 1 / 3, 0, 0, 0.0]
    assert table.row("Hộ khác")[1:] == [0, 0, 0.0, 2, 3, 2 / 3]
    assert table.row("Tổng số")[1:] == [3, 13, 1.0, 3, 6, 1.0]


def test_movement_poor_and_near_poor(rows):
    poor = movement_counts(rows, "poor")
    assert list(poor.values()) == [4, 0, 2, 1, 1, 0, 1, 3]
    near = movement_counts(rows, "near_poor")
    assert list(near.values()) == [3, 2, 1, 0, 0, 1, 2, 3]
    for counts in (poor, near):
        start, *changes, end = counts.values()
        assert end == start - sum(changes[:3]) + sum(changes[3:])
    table = movement_report(rows).tables[0]
    # Per village columns, then commune households and people (A 4, C 2, E 2, H 1 people).
    assert table.row("Số hộ nghèo đầu kỳ") == ["Số hộ nghèo đầu kỳ", 3, 1, 4, 4 + 2 + 2 + 1]
    assert table.row("Tăng: tái nghèo") == ["Tăng: tái nghèo", 0, 1, 1, 6]


def test_alkire_foster_hand_computed(rows):
    # Commune: 9 assessed; deprivation counts 5,3,1,0 | 9,2,0,4,3 with k = 3 of d = 12.
    af = alkire_foster(rows)
    assert (af.households, af.poor, af.cutoff) == (9, 5, 3)
    assert af.headcount == pytest.approx(5 / 9)
    assert af.intensity == pytest.approx((5 + 3 + 9 + 4 + 3) / (5 * 12))
    assert af.adjusted == pytest.approx(24 / 12 / 9)
    assert af.adjusted == pytest.approx(af.headcount * af.intensity)
    table = af_report(rows).tables[0]
    # n, k, q, H, A, M0
    assert table.row("Thôn Đồng Tâm")[1:] == pytest.approx([4, 3, 2, 0.5, 1 / 3, 1 / 6])
    assert table.row("Thôn Bản Mồ")[1:] == pytest.approx([5, 3, 3, 0.6, 16 / 36, 16 / 60])
    assert table.row(COMMUNE_TOTAL)[1:] == pytest.approx([9, 3, 5, 5 / 9, 0.4, 2 / 9])


def test_trend_table_and_chart(rows):
    report = trend_report([RoundRows("Rà soát 2025", 2025, tuple(rows[:4])),
                           RoundRows("Rà soát 2026", 2026, tuple(rows))])
    table = report.tables[0]
    assert table.rows[0][1:7] == [2025, 4, 2, 0.5, 1, 0.25]
    assert table.rows[1][1:] == [2026, 10, 3, 0.3, 3, 0.3, -20.0]
    assert report.charts[0].categories == ["2025", "2026"]


def test_housing_list(rows):
    table = housing_report(rows).tables[0]
    assert [r[1] for r in table.rows] == ["Nguyễn Văn An", "Lò Văn Phóng"]
    assert table.rows[0][4:] == ["Hộ nghèo", "tường, mái", "01/05/2026"]  # dates read dd/mm/yyyy
    assert table.rows[1][4:] == ["Hộ nghèo", "tường, cột/khung, mái", "Chưa có"]


def test_support_planning(rows):
    report = support_report(rows)
    per_programme = report.tables[1]
    assert per_programme.row("Cấp thẻ bảo hiểm y tế")[1:] == [5, 1, 4, 0.2]
    assert per_programme.row("Hỗ trợ nhà ở (xóa nhà tạm, nhà dột nát)")[1:] == [2, 1, 1, 0.5]
    to_reach = report.tables[2]
    housing = [r[2] for r in to_reach.rows if r[0].startswith("Hỗ trợ nhà ở")]
    assert housing == ["Lò Văn Phóng"]
    per_household = report.table("1.")
    assert per_household.row(1)[1] == "Nguyễn Văn An"
    assert "Hỗ trợ nhà ở" not in per_household.row(1)[6]  # already reached
    assert any("chưa được xác minh" in note for note in report.notes)


def test_posting_list_has_names_village_class_only(rows):
    table = posting_report(rows).tables[0]
    assert [c.header for c in table.columns] == ["STT", "Họ và tên chủ hộ", "Thôn", "Phân loại"]
    assert [r[1] for r in table.rows] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường",
                                          "Lò Văn Phóng", "Lò Thị Giang", "Vi Văn Hải"]
    text = repr(table.rows)
    assert CITIZEN_ID not in text and "12345678" not in text and "12.345.678" not in text
    assert not any(word in text.lower() for word in ("bảo hiểm", "dinh dưỡng", "khuyết tật", "thu nhập"))


def test_draft_and_returned_assessments_count_as_not_assessed(rows):
    from dataclasses import replace

    changed = [replace(r, status="draft") if r.head_name == "Nguyễn Văn An" else
               replace(r, status="returned") if r.head_name == "Lò Văn Phóng" else r for r in rows]
    hh = summary_report(changed).tables[0]
    assert hh.row(COMMUNE_TOTAL)[1:] == [10, 1, 0.1, 3, 0.3, 2, 0.2, 3]
    assert alkire_foster(changed).households == 7
    assert movement_counts(changed, "poor")["Giảm khác (chưa rà soát, chuyển đi)"] == 2
