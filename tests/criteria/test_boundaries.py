"""Table-driven boundary tests for every indicator and threshold of the 2022-2025 standard."""

from __future__ import annotations

import datetime as dt

import pytest
from factories import birth_for_age, household, indicator, member

from ngheo_desktop.criteria import classify, parse_household, review_year

TODAY = dt.date(2026, 11, 27)


def run(h, standard=None):
    return classify(parse_household(h, today=TODAY), standard)


def deprived(h, indicator_id, standard=None):
    return indicator(run(h, standard), indicator_id)["deprived"]


# ---------------------------------------------------------------- member age boundaries

@pytest.mark.parametrize(("age", "expected"), [(5, False), (6, True), (40, True)])
def test_health_insurance_counts_members_from_age_six(age, expected):
    h = household([member(40), member(age, "Lê Thị Cúc", has_health_insurance=False)])
    assert deprived(h, "health_insurance") is expected


def test_health_insurance_age_is_completed_years_on_the_review_day():
    child = member(6, "Lê Thị Cúc", has_health_insurance=False)
    child["birth_date"] = birth_for_age(6, days_before_birthday=1)  # turns 6 the day after the review
    assert deprived(household([member(40), child]), "health_insurance") is False


@pytest.mark.parametrize(("age", "level", "expected"), [
    (15, "primary", False),          # below the band
    (16, "primary", True),           # 16 to under 18 needs lower secondary
    (17, "lower_secondary", False),
    (18, "lower_secondary", True),   # 18–30 needs upper secondary or vocational
    (18, "vocational", False),
    (30, "lower_secondary", True),
    (31, "lower_secondary", False),  # above the band
])
def test_adult_education_bands(age, level, expected):
    young = member(age, "Phạm Văn Dũng", education_level=level, in_education=False)
    assert deprived(household([member(45), young]), "adult_education") is expected


def test_adult_education_exempts_members_in_education():
    student = member(19, "Phạm Văn Dũng", education_level="lower_secondary", in_education=True)
    assert deprived(household([member(45), student]), "adult_education") is False


@pytest.mark.parametrize(("age", "expected"), [(2, False), (3, True), (15, True), (16, False)])
def test_child_schooling_ages_three_to_under_sixteen(age, expected):
    child = member(age, "Võ Minh Khang", attending_school=False)
    assert deprived(household([member(40), child]), "child_schooling") is expected


@pytest.mark.parametrize(("age", "expected"), [(15, True), (16, False)])
def test_nutrition_children_under_sixteen(age, expected):
    child = member(age, "Võ Minh Khang", malnourished=True)
    assert deprived(household([member(40), child]), "nutrition") is expected


@pytest.mark.parametrize(("age", "expected"), [(14, False), (15, True), (60, True), (61, False)])
def test_employment_working_age(age, expected):
    worker = member(age, "Đỗ Văn Hải", employment_status="unemployed")
    assert deprived(household([member(40), worker]), "employment") is expected


def test_employment_reason_names_member_and_value():
    worker = member(34, "Đỗ Văn Hải", employment_status="wage_no_contract")
    ind = indicator(run(household([member(40), worker])), "employment")
    assert ind["deprived"] is True
    assert "Đỗ Văn Hải (34 tuổi)" in ind["reason"]
    assert "không có hợp đồng" in ind["reason"]


@pytest.mark.parametrize("standard", ["vn-2022-2025", "vn-2027-2030"])
@pytest.mark.parametrize(("indicator_id", "reason"), [
    ("nutrition", "Không có thành viên nào dưới 16 tuổi bị suy dinh dưỡng (thấp còi hoặc nhẹ cân)"),
    ("health_insurance", "Mọi thành viên từ 6 tuổi trở lên có thẻ bảo hiểm y tế còn hạn"),
    ("child_schooling", "Mọi thành viên từ 3 đến 15 tuổi đang đi học đúng cấp học phù hợp với độ tuổi"),
    ("employment", "Không có thành viên nào từ 15 đến 60 tuổi có tình trạng việc làm là làm công ăn lương không có "
                   "hợp đồng lao động hoặc thất nghiệp (muốn làm việc nhưng không có việc)"),
    ("adult_education", "Mọi thành viên từ 16 đến 30 tuổi đang đi học hoặc đạt trình độ theo độ tuổi"),
])
def test_a_not_deprived_reason_says_what_holds_of_the_members_it_looked_at(standard, indicator_id, reason):
    """A 2-year-old who is not malnourished: the reason must not read as if the household had no child."""
    members = [member(40), member(20, "Trần Văn Bình", relation="child"), member(8, "Trần Thị Cúc", relation="child"),
               member(2, "Trần Văn Dũng", relation="child")]
    ind = indicator(run(household(members), standard), indicator_id)
    assert ind["deprived"] is False
    assert ind["reason"] == reason


def test_a_reason_says_when_the_household_has_no_member_of_the_ages_looked_at():
    ind = indicator(run(household([member(40)])), "nutrition")
    assert (ind["deprived"], ind["reason"]) == (False, "Hộ không có thành viên dưới 16 tuổi")


@pytest.mark.parametrize(("dependants", "total", "expected"), [(3, 6, False), (4, 6, True), (1, 2, False)])
def test_dependants_more_than_half(dependants, total, expected):
    members = [member(70, f"Người già {i}") for i in range(dependants)]
    members += [member(40, f"Lao động {i}") for i in range(total - dependants)]
    assert deprived(household(members), "dependents") is expected


def test_severe_disability_makes_a_working_age_member_a_dependant():
    members = [member(40, "A", disability="severe"), member(70, "B"), member(40, "C")]
    assert deprived(household(members), "dependents") is True


# ---------------------------------------------------------------- housing, water, information

@pytest.mark.parametrize(("area", "expected"), [(15.8, True), (16.0, False)])
def test_housing_area_below_eight_square_metres_per_person(area, expected):
    h = household(floor_area_m2=area)  # two members
    assert deprived(h, "housing_area") is expected


@pytest.mark.parametrize(("parts", "expected"), [(0, False), (1, False), (2, True), (3, True)])
def test_housing_quality_two_of_three_parts_non_durable(parts, expected):
    names = ["housing_walls", "housing_frame", "housing_roof"]
    answers = {n: ("non_durable" if i < parts else "durable") for i, n in enumerate(names)}
    assert deprived(household(**answers), "housing_quality") is expected


@pytest.mark.parametrize(("source", "expected"), [("piped", False), ("rainwater", False),
                                                  ("unprotected_dug_well", True), ("surface_water", True)])
def test_drinking_water_sources(source, expected):
    assert deprived(household(water_source=source), "drinking_water") is expected


@pytest.mark.parametrize(("latrine", "expected"), [("septic", False), ("simple_pit", True), ("none", True)])
def test_sanitation(latrine, expected):
    assert deprived(household(latrine_type=latrine), "sanitation") is expected


@pytest.mark.parametrize(("devices", "expected"), [([], True), (["basic_phone"], True), (["radio"], False)])
def test_information_assets_none_of_the_listed(devices, expected):
    assert deprived(household(information_devices=devices), "information_assets") is expected


def test_telecom():
    assert deprived(household(uses_telecom=False), "telecom") is True
    assert deprived(household(uses_telecom=True), "telecom") is False


# ---------------------------------------------------------------- income lines and classes

@pytest.mark.parametrize(("area", "monthly", "expected"), [
    ("rural", 1_500_000, "near_poor"),      # exactly at the line counts as at or below
    ("rural", 1_500_001, "average_living"),
    ("rural", 2_250_000, "average_living"),  # upper bound inclusive
    ("rural", 2_250_001, "above_average_living"),
    ("urban", 1_800_000, "near_poor"),      # below the urban line, above the rural one
    ("urban", 2_000_000, "near_poor"),
    ("urban", 2_000_001, "average_living"),
    ("urban", 3_000_000, "average_living"),
    ("urban", 3_000_001, "above_average_living"),
])
def test_income_lines(area, monthly, expected):
    assert run(household(area=area, monthly_income_per_person=monthly))["class"] == expected


def test_income_at_the_line_with_an_odd_total_is_compared_exactly():
    # 3 members × 12 months × 1,500,000 = 54,000,000; one đồng more crosses the line.
    members = [member(40, "A"), member(38, "B"), member(10, "C")]
    assert run(household(members, monthly_income_per_person=None, income_wages=54_000_000))["class"] == "near_poor"
    assert run(household(members, monthly_income_per_person=None,
                         income_wages=54_000_001))["class"] == "average_living"


def test_social_allowances_are_not_counted():
    h = household(monthly_income_per_person=1_400_000, income_social_allowances=50_000_000)
    result = run(h)
    assert result["class"] == "near_poor"
    assert result["income"]["per_capita_monthly"] == 1_400_000


@pytest.mark.parametrize(("deprivations", "expected"), [(0, "near_poor"), (2, "near_poor"), (3, "poor")])
def test_two_versus_three_deprivations(deprivations, expected):
    changes = [{"water_source": "surface_water"}, {"latrine_type": "none"}, {"uses_telecom": False}][:deprivations]
    answers = {k: v for change in changes for k, v in change.items()}
    result = run(household(monthly_income_per_person=1_000_000, **answers))
    assert result["deprivation"]["count"] == deprivations
    assert result["class"] == expected


def test_deprivations_do_not_matter_above_the_line():
    result = run(household(monthly_income_per_person=1_600_000, water_source="surface_water", latrine_type="none",
                           uses_telecom=False, information_devices=[]))
    assert result["deprivation"]["count"] == 4
    assert result["class"] == "average_living"


# ---------------------------------------------------------------- which standard applies

@pytest.mark.parametrize(("date", "kind", "year"), [
    ("2026-06-15", "regular", 2026),
    ("2026-08-31", "periodic", 2026),   # before the window: for the year it is held in
    ("2026-09-01", "periodic", 2027),   # the annual review of late 2026 is for 2027
    ("2026-12-14", "periodic", 2027),
    ("2026-12-15", "periodic", 2026),
    ("2026-10-20", "regular", 2026),
    ("2025-10-01", "periodic", 2026),
])
def test_review_year(date, kind, year):
    assert review_year(dt.date.fromisoformat(date), kind) == year


def test_a_2026_review_uses_the_2022_2025_standard_and_a_2027_one_the_new_standard():
    kw = {"monthly_income_per_person": 2_000_000}
    regular_2026 = run(household(**kw))
    members = [member(40, review_date="2026-10-01"), member(38, "B", review_date="2026-10-01")]
    periodic_for_2027 = run(household(members, review_date="2026-10-01", kind="periodic", **kw))
    assert regular_2026["standard"]["id"] == "vn-2022-2025"
    assert regular_2026["class"] == "average_living"           # 2,000,000 > 1,500,000 rural line
    assert periodic_for_2027["standard"]["id"] == "vn-2027-2030"
    assert periodic_for_2027["review"]["year"] == 2027
    assert periodic_for_2027["class"] == "near_poor"          # 2,000,000 ≤ 2,200,000 rural line
    assert "information_assets" not in [i["id"] for i in periodic_for_2027["indicators"]]


def test_the_2027_standard_has_no_average_living_bound_and_says_so():
    members = [member(40, review_date="2026-10-01"), member(38, "B", review_date="2026-10-01")]
    result = run(household(members, review_date="2026-10-01", kind="periodic", monthly_income_per_person=2_500_000))
    assert result["class"] == "above_poverty_line"
    assert any("mức sống trung bình" in n for n in result["notes"])


def test_a_named_standard_overrides_the_year():
    assert run(household(), "vn-2027-2030")["standard"]["id"] == "vn-2027-2030"


# ---------------------------------------------------------------- unknowns and flags

def test_missing_answer_makes_the_indicator_unknown_not_deprived():
    h = household()
    del h["answers"]["water_source"]
    ind = indicator(run(h), "drinking_water")
    assert ind["deprived"] is None
    assert "Chưa có câu trả lời" in ind["reason"]


def test_member_with_missing_answer_makes_a_member_indicator_unknown():
    h = household([member(40), member(10, "Cháu Na", has_health_insurance=None)])
    assert deprived(h, "health_insurance") is None


def test_a_class_that_unknowns_could_change_is_not_certain():
    h = household(monthly_income_per_person=1_000_000, water_source="surface_water", latrine_type="none")
    del h["answers"]["uses_telecom"]
    result = run(h)
    assert result["class"] == "near_poor"
    assert result["class_certain"] is False
    assert any("có thể là hộ nghèo" in n for n in result["notes"])


def test_unknown_income_leaves_the_class_undecided():
    h = household()
    del h["answers"]["income_wages"]
    result = run(h)
    assert result["class"] is None
    assert result["class_certain"] is False
    assert "Tiền công" in result["income"]["reason"]


def test_poor_household_with_no_member_able_to_work_is_flagged():
    members = [member(70, "Ông Tư", able_to_work=False), member(68, "Bà Tư", able_to_work=False)]
    result = run(household(members, monthly_income_per_person=800_000))
    assert result["class"] in ("poor", "near_poor")
    assert "no_member_able_to_work" in result["flags"]
    able = run(household(monthly_income_per_person=800_000))
    assert "no_member_able_to_work" not in able["flags"]


def test_results_name_the_unverified_parameters_they_rest_on():
    low = run(household(monthly_income_per_person=1_000_000))
    keys = {p["key"] for p in low["unverified_parameters"]}
    assert "housing_area.threshold" in keys
    assert any("chưa được xác minh" in n for n in low["notes"])
    # Above the line only the (verified) income lines decide: nothing unverified to report.
    high = run(household(monthly_income_per_person=9_000_000))
    assert high["unverified_parameters"] == []
