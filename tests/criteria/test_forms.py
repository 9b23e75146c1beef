"""Every file in forms/ loads, is consistent with the questionnaire, and scores households.

Broken or inconsistent definition files are refused with the file, the key and the reason.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest
from factories import household, member
from pypdf import PdfReader

from ngheo_desktop.criteria import Classifier, StandardRegistry, default_questionnaire, parse_household
from ngheo_desktop.criteria.questionnaire import load_questionnaire
from ngheo_desktop.criteria.rules import RULE_KINDS
from ngheo_desktop.criteria.standards import load_standard, parameter_name_vi
from ngheo_desktop.errors import FormDefinitionError, InvalidHousehold, UnknownStandard
from ngheo_desktop.paths import forms_dir
from ngheo_desktop.reports.children import load_child_indicators
from ngheo_desktop.reports.sheet import SheetInput, render_sheet

STANDARD_FILES = sorted((forms_dir() / "standards").glob("*.toml"))
TODAY = dt.date(2026, 11, 27)


@pytest.mark.parametrize("path", STANDARD_FILES, ids=lambda p: p.stem)
def test_every_standard_loads_scores_an_empty_and_a_full_household_and_prints_a_sheet(path, tmp_path):
    std = load_standard(path)
    clf = Classifier(std, score_tables=[])
    empty = parse_household({**household([]), "answers": {}}, today=TODAY)
    empty_result = clf.classify(empty)
    assert empty_result["class"] is None
    assert all(i["deprived"] is None for i in empty_result["indicators"])
    full_doc = parse_household(household(monthly_income_per_person=100_000), today=TODAY)
    full = clf.classify(full_doc)
    assert full["class"] == "near_poor"
    assert all(i["deprived"] is False for i in full["indicators"])
    assert [i["id"] for i in full["indicators"]] == list(std.indicator_ids)
    sheet = tmp_path / "phieu.pdf"
    assert render_sheet(sheet, SheetInput(full_doc, full)) >= 1
    text = PdfReader(sheet).pages[0].extract_text() + PdfReader(sheet).pages[-1].extract_text()
    assert std.title_vi.split(" (")[0] in " ".join(text.split())


def test_national_standards_hold_the_confirmed_figures():
    reg = StandardRegistry.load()
    old, new = reg.get("vn-2022-2025"), reg.get("vn-2027-2030")
    assert (old.income["rural"].poverty_line.value, old.income["urban"].poverty_line.value) == (1_500_000, 2_000_000)
    assert (old.income["rural"].average_upper.value, old.income["urban"].average_upper.value) == (2_250_000, 3_000_000)
    assert (new.income["rural"].poverty_line.value, new.income["urban"].poverty_line.value) == (2_200_000, 2_800_000)
    assert new.income["rural"].average_upper is None
    assert old.deprivation_cutoff.value == new.deprivation_cutoff.value == 3
    assert old.indicator_ids == ("employment", "dependents", "nutrition", "health_insurance", "adult_education",
                                 "child_schooling", "housing_quality", "housing_area", "drinking_water", "sanitation",
                                 "telecom", "information_assets")
    assert {"digital_services", "waste_handling"} <= set(new.indicator_ids)
    assert new.provisional_indicators
    assert all(p.verified is False for ind in new.indicators for p in ind.params.values()
               if p.source != "Phiếu rà soát")
    assert (reg.for_year(2026).id, reg.for_year(2027).id, reg.for_year(2030).id) == ("vn-2022-2025",) + (
        "vn-2027-2030",) * 2
    with pytest.raises(UnknownStandard):
        reg.for_year(2031)


@pytest.mark.parametrize("path", STANDARD_FILES, ids=lambda p: p.stem)
def test_every_parameter_has_a_vietnamese_name_for_the_sheet(path):
    """The sheet names the unverified parameters a result rests on to the household, in Vietnamese."""
    std = load_standard(path)
    params = [std.deprivation_cutoff, std.worksheet_counted, std.worksheet_excluded,
              *(p for lines in std.income.values() for p in (lines.poverty_line, lines.average_upper) if p),
              *(std.score_method or {}).values(), *(p for ind in std.indicators for p in ind.params.values())]
    names = {ind.id: ind.name_vi for ind in std.indicators}
    for p in params:
        name = parameter_name_vi(p.key, names)
        assert "_" not in name and p.key.split(".")[-1] not in name, (p.key, name)
    assert parameter_name_vi("nutrition.max_age", names) == "điều kiện của chỉ số Dinh dưỡng"
    # A score table goes by its id, as section III of the sheet names it.
    assert parameter_name_vi("score_table.b1-2026", names) == "bảng điểm B1 b1-2026"
    assert parameter_name_vi("income.urban.poverty_line", names) == "chuẩn nghèo về thu nhập ở thành thị"


@pytest.mark.parametrize("path", STANDARD_FILES, ids=lambda p: p.stem)
def test_every_input_an_indicator_needs_is_asked_for_the_ages_it_reads(path):
    """The questionnaire asks every question a rule reads, of every member the rule looks at."""
    questionnaire = default_questionnaire()
    std = load_standard(path)
    for ind in std.indicators:
        for qid, lo, hi in RULE_KINDS[ind.rule].inputs(ind.params):
            assert qid in questionnaire.questions, f"{ind.id} reads '{qid}', which the questionnaire never asks"
            q = questionnaire.question(qid)
            if q.scope != "member":
                continue
            for age in range(lo if lo is not None else 0, (hi if hi is not None else 100) + 1):
                asked = questionnaire.is_asked(q, {}, {}, age)
                assert asked is not False, f"{ind.id} reads '{qid}' at age {age}, but skip logic hides it"
    for qid in std.worksheet_counted.value + std.worksheet_excluded.value:
        assert questionnaire.question(qid).type == "money"


def test_choice_values_the_rules_compare_with_exist_in_the_questionnaire():
    questionnaire = default_questionnaire()
    for path in STANDARD_FILES:
        for ind in load_standard(path).indicators:
            for name in ("deprived_values", "accepted", "listed", "values"):
                if name not in ind.params:
                    continue
                qids = [qid for qid, _, _ in RULE_KINDS[ind.rule].inputs(ind.params)]
                q = questionnaire.question(qids[0])
                for value in ind.params[name].value:
                    if q.type == "boolean":
                        assert isinstance(value, bool)
                    else:
                        assert value in q.choice_values, f"{path.name}: {ind.id}.{name} has '{value}'"


def _broken(tmp_path: Path, old: str, new: str) -> Path:
    src = (forms_dir() / "standards" / "vn-2022-2025.toml").read_text(encoding="utf-8")
    assert old in src
    target = tmp_path / "broken.toml"
    target.write_text(src.replace(old, new, 1), encoding="utf-8")
    return target


@pytest.mark.parametrize(("old", "new", "key", "reason"), [
    ("poverty_line = { value = 1500000", "poverty_line = { value = -1", "income.rural.poverty_line", "dương"),
    ("average_upper = { value = 2250000", "average_upper = { value = 1000000", "income.rural.average_upper", "lớn hơn"),
    ('rule = "member_any"', 'rule = "magic"', "indicators[0].rule", "không có"),
    ('field = { value = "employment_status"', 'field = { value = "job"', "employment.field", "không có trong phiếu"),
    ('"unemployed", "wage_no_contract"', '"jobless"', "employment.deprived_values", "không phải là câu trả lời"),
    ('id = "dependents"', 'id = "employment"', "indicators[1].id", "trùng"),
    ("deprivation_cutoff = { value = 3, verified = true", "deprivation_cutoff = { value = 3, verified = 1",
     "deprivation_cutoff.verified", "true hoặc false"),
    ('threshold = { value = 8.0, verified = false, source = "Dưới 8 m²/người (ghi chú thứ cấp)" }',
     "threshold = { value = 8.0, verified = false }", "housing_area.threshold.source", "nguồn"),
    ("valid_to_year = 2026", "valid_to_year = 2020", "valid_to_year", "trước"),
    ("[income.urban]", "[income.urban]\n[income.urban]", "-", "TOML"),
])
def test_a_broken_standard_is_refused_with_file_key_and_reason(tmp_path, old, new, key, reason):
    with pytest.raises(FormDefinitionError) as err:
        load_standard(_broken(tmp_path, old, new))
    assert err.value.file == "broken.toml"
    assert err.value.key == key
    assert reason in err.value.reason


def test_overlapping_national_standards_are_refused(tmp_path):
    shutil.copy(forms_dir() / "standards" / "vn-2022-2025.toml", tmp_path / "a.toml")
    _broken(tmp_path, 'id = "vn-2022-2025"', 'id = "vn-copy"').rename(tmp_path / "b.toml")
    with pytest.raises(FormDefinitionError, match="chồng lấn"):
        StandardRegistry.load([tmp_path])


def test_a_province_adds_its_own_higher_standard(_isolated_home):
    local = _isolated_home / "standards"
    local.mkdir()
    src = (forms_dir() / "standards" / "vn-2022-2025.toml").read_text(encoding="utf-8")
    src = src.replace('id = "vn-2022-2025"', 'id = "nghe-an-2026"').replace(
        'kind = "national"', 'kind = "provincial"\nprovince = "Tỉnh Nghệ An"').replace(
        "poverty_line = { value = 1500000", "poverty_line = { value = 1800000")
    (local / "nghe-an-2026.toml").write_text(src, encoding="utf-8")
    reg = StandardRegistry.load()
    assert reg.for_year(2026).id == "vn-2022-2025"  # the national standard stays the default
    std = reg.get("nghe-an-2026")
    h = parse_household(household(monthly_income_per_person=1_700_000), today=TODAY)
    assert Classifier(reg.get("vn-2022-2025"), score_tables=[]).classify(h)["class"] == "average_living"
    assert Classifier(std, score_tables=[]).classify(h)["class"] == "near_poor"


def test_a_broken_questionnaire_is_refused(tmp_path):
    src = (forms_dir() / "questionnaire.toml").read_text(encoding="utf-8")
    (tmp_path / "q.toml").write_text(src.replace('choices_ref = "durability"', 'choices_ref = "durable"', 1),
                                     encoding="utf-8")
    with pytest.raises(FormDefinitionError) as err:
        load_questionnaire(tmp_path / "q.toml")
    assert err.value.key.endswith("choices_ref")


def test_an_unverified_question_must_name_its_source(tmp_path):
    src = (forms_dir() / "questionnaire.toml").read_text(encoding="utf-8")
    start = src.index('source = "Các nguyên nhân thường gặp')
    (tmp_path / "q.toml").write_text(src[:start] + src[src.index("\n", start) + 1:], encoding="utf-8")
    with pytest.raises(FormDefinitionError) as err:
        load_questionnaire(tmp_path / "q.toml")
    assert err.value.key.endswith(".source") and "nguồn" in err.value.reason


def test_the_causes_of_poverty_are_optional_unverified_and_play_no_part_in_the_class():
    q = default_questionnaire().question("poverty_causes")
    assert (q.type, q.scope, q.required, q.verified) == ("multi_choice", "household", False, False)
    assert "Thông tư 07/2021" in q.source
    assert [c.label_vi for c in q.choices] == [
        "Thiếu vốn sản xuất", "Thiếu đất canh tác", "Thiếu phương tiện sản xuất", "Thiếu lao động",
        "Không biết cách làm ăn, không có tay nghề", "Có người ốm đau, bệnh nặng, tai nạn",
        "Có lao động nhưng không có việc làm", "Đông người ăn theo", "Chây lười lao động", "Nguyên nhân khác"]
    assert default_questionnaire().is_asked(q, {}) is True
    poor = household(monthly_income_per_person=500_000, water_source="surface_water", latrine_type="none",
                     uses_telecom=False)
    with_causes = parse_household({**poor, "answers": {**poor["answers"],
                                                       "poverty_causes": ["lack_capital", "illness_accident"]}},
                                  today=TODAY)
    clf = Classifier(StandardRegistry.load().get("vn-2022-2025"), score_tables=[])
    assert clf.classify(with_causes)["class"] == clf.classify(parse_household(poor, today=TODAY))["class"] == "poor"
    with pytest.raises(InvalidHousehold, match="poverty_causes"):
        parse_household({**poor, "answers": {**poor["answers"], "poverty_causes": ["bad_luck"]}}, today=TODAY)


def test_the_child_indicators_are_member_indicators_of_every_national_standard():
    """The child report runs each listed indicator's rule on the children: it must read members' answers, and
    an indicator that stops at an age must stop below the report's child age (else a child it reads would not
    be counted as one)."""
    spec = load_child_indicators()
    for std in StandardRegistry.load().all():
        by_id = {ind.id: ind for ind in std.indicators}
        for listed in spec.indicators:
            ind = by_id[listed.id]
            member_inputs = [(lo, hi) for qid, lo, hi in RULE_KINDS[ind.rule].inputs(ind.params)
                             if default_questionnaire().scope_of(qid) == "member"]
            assert member_inputs, f"{std.id}: {ind.id} reads no member answer"
            assert all(hi is None or hi < spec.age_below for _, hi in member_inputs), f"{std.id}: {ind.id}"


def test_examples_validate_against_the_json_schema_and_the_questionnaire():
    schema = json.loads((forms_dir() / "schema" / "household.schema.json").read_text(encoding="utf-8"))
    for path in sorted((forms_dir() / "examples").glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        jsonschema.validate(doc, schema)
        parse_household(doc, today=TODAY)
    jsonschema.validate(household([member(30)]), schema)


def test_an_updated_standard_in_the_data_folder_replaces_the_shipped_one(_isolated_home):
    local = _isolated_home / "standards"
    local.mkdir()
    src = (forms_dir() / "standards" / "vn-2027-2030.toml").read_text(encoding="utf-8")
    (local / "received-standard-abc.toml").write_text(
        src.replace("poverty_line = { value = 2200000", "poverty_line = { value = 2300000"), encoding="utf-8")
    std = StandardRegistry.load().get("vn-2027-2030")
    assert std.income["rural"].poverty_line.value == 2_300_000
    assert std.path.parent == local
