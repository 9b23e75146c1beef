"""`ngheo standards …` and `ngheo classify` as a clerk uses them, bad input included."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from cli_run import run
from factories import household, member

from ngheo_desktop.paths import forms_dir

EXAMPLE = forms_dir() / "examples" / "household-poor.json"


def write(tmp_path, doc, name="h.json"):
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_standards_list_and_show(capsys):
    code, out, _ = run(capsys, "standards", "list")
    assert code == 0 and "vn-2022-2025" in out and "vn-2027-2030" in out
    code, out, _ = run(capsys, "standards", "show", "vn-2022-2025")
    assert code == 0 and "1.500.000 đ" in out and "Nghị định 07/2021/NĐ-CP" in out
    code, out, _ = run(capsys, "standards", "show", "vn-2027-2030", "--json")
    data = json.loads(out)
    assert data["income"]["rural"]["poverty_line"]["value"] == 2_200_000
    assert data["income"]["rural"]["average_upper"] is None


def test_classify_prints_a_vietnamese_summary(capsys):
    code, out, _ = run(capsys, "classify", str(EXAMPLE), "--standard", "vn-2022-2025")
    assert code == 0
    assert "HỘ NGHÈO" in out
    assert "Nguyễn Văn Hùng (42 tuổi)" in out
    assert "1.375.000 đ" in out


def test_classify_json_is_deterministic(capsys):
    _, first, _ = run(capsys, "classify", str(EXAMPLE), "--json")
    _, second, _ = run(capsys, "classify", str(EXAMPLE), "--json")
    assert first == second
    result = json.loads(first)
    assert result["standard"]["id"] == "vn-2027-2030"  # reviewed in October 2026: for 2027
    assert result["class"] == "poor"


@pytest.mark.parametrize(("content", "field"), [
    ("{not json", "$"),
    ({**household(), "record_version": "3"}, "record_version"),
    ({**household(), "members": [member(30, birth_date="1850-01-01")]}, "members[0].birth_date"),
    ({**household(), "members": [member(30, citizen_id="12345")]}, "members[0].citizen_id"),
    ({**household(), "members": [member(30, birth_date="2027-01-01")]}, "members[0].birth_date"),
    (household(water_source="river"), "answers.water_source"),
    (household(floor_area_m2="lớn"), "answers.floor_area_m2"),
    ({**household(), "review": {"date": "2026-02-30", "kind": "regular"}}, "review.date"),
    ({**household(), "location": {"area": "mountain"}}, "location.area"),
])
def test_invalid_input_exits_2_with_one_line_naming_the_field(capsys, tmp_path, content, field):
    code, out, err = run(capsys, "classify", write(tmp_path, content))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1 and err.startswith("ngheo: ")
    assert f"'{field}'" in err


def test_unknown_standard_and_missing_file(capsys, tmp_path):
    code, _, err = run(capsys, "classify", str(EXAMPLE), "--standard", "vn-1999")
    assert code == 2 and "vn-1999" in err and err.count("\n") == 1
    code, _, err = run(capsys, "classify", str(tmp_path / "none.json"))
    assert code == 2 and "không đọc được tệp" in err


def test_python_dash_m_is_the_command_line_and_shows_no_traceback():
    ok = subprocess.run([sys.executable, "-m", "ngheo_desktop", "standards", "list"], capture_output=True, text=True)
    assert ok.returncode == 0 and "vn-2022-2025" in ok.stdout
    bad = subprocess.run([sys.executable, "-m", "ngheo_desktop", "classify", "/nonexistent.json"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
