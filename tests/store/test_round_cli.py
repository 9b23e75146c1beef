"""`ngheo round …` and `ngheo meeting record` as an office clerk uses them, and the CLI's last resort."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from cli_run import run

from ngheo_desktop.services import register
from ngheo_desktop.store import InvalidChange, Store


def test_round_meeting_and_recognition_end_to_end(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    assert run(capsys, "demo", "--households", "30", "--db", db)[0] == 0
    code, out, _ = run(capsys, "round", "create", "2027", "--kind", "periodic", "--start", "2026-09-01", "--db", db)
    assert code == 0
    round_id = out.strip().rsplit(" ", 1)[-1]
    code, out, _ = run(capsys, "round", "list", "--json", "--db", db)
    assert round_id in [r["id"] for r in json.loads(out)]
    with Store.open(db) as store:
        village = store.units(level="village")[0]
        ids = store.household_ids(village.id)[:2]
        for hid in ids:  # the surveyors' results the meeting votes on
            register.assess_household(store, hid, round_id, actor="Điều tra viên", status="completed")
    code, out, err = run(capsys, "meeting", "record", "--round", round_id, "--village", village.name,
                         "--date", "2026-11-20", "--attendance", "40", "--chair", "Trưởng thôn Lò Văn Tám",
                         "--secretary", "Lê Thị Hoa", "--agree", f"{ids[0]}=20", "--agree", f"{ids[1]}=12", "--db", db)
    assert code == 0, err
    assert "1 hộ được thông qua, 1 hộ phải rà soát lại" in out and ids[1] in out
    code, out, _ = run(capsys, "round", "recognize", round_id, "--date", "2026-12-10", "--chair", "Nguyễn Văn Bình",
                       "--decision", "123/QĐ-UBND", "--db", db)
    assert code == 0 and "đã đóng" in out
    code, _, err = run(capsys, "meeting", "record", "--round", round_id, "--village", village.name, "--date",
                       "2026-12-11", "--attendance", "10", "--chair", "a", "--secretary", "b", "--agree",
                       f"{ids[0]}=5", "--db", db)
    assert code == 2 and "đã được công nhận" in err and err.count("\n") == 1


def test_bad_meeting_input_is_one_line_and_exit_2(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    run(capsys, "demo", "--households", "5", "--db", db)
    code, _, err = run(capsys, "meeting", "record", "--round", "r", "--village", "Không Có", "--date", "2026-11-20",
                       "--attendance", "10", "--chair", "a", "--secretary", "b", "--agree", "abc", "--db", db)
    assert code == 2 and err.startswith("ngheo: ") and err.count("\n") == 1


def test_an_internal_error_goes_to_the_log_not_the_screen(monkeypatch, capsys, _isolated_home):
    from ngheo_desktop.cli import rules_cmds

    def broken(_args):
        raise RuntimeError("lỗi lập trình giả")

    monkeypatch.setattr(rules_cmds, "cmd_standards_list", broken)
    code, _, err = run(capsys, "standards", "list")
    assert code == 1
    assert "Traceback" not in err and "lỗi nội bộ" in err
    assert "RuntimeError" in (_isolated_home / "logs" / "ngheo-cli.log").read_text(encoding="utf-8")


def test_a_file_the_system_refuses_is_one_line_and_a_log_that_cannot_be_written_no_traceback(
        monkeypatch, capsys, tmp_path, _isolated_home):
    from ngheo_desktop.cli import rules_cmds

    code, _, err = run(capsys, "search", "abc", "--db", str(tmp_path))          # a folder, not a file
    assert code == 2 and err.count("\n") == 1 and "đó là một thư mục" in err

    def broken(_args):
        raise RuntimeError("lỗi lập trình giả")

    monkeypatch.setattr(rules_cmds, "cmd_standards_list", broken)
    (_isolated_home / "logs").write_text("not a folder")                          # the log folder cannot be made
    code, _, err = run(capsys, "standards", "list")
    assert code == 1 and err.count("\n") == 1 and "lỗi nội bộ" in err and "Traceback" not in err


def _round_years(db: str, capsys) -> list[tuple[int, str, str]]:
    code, out, _ = run(capsys, "round", "list", "--json", "--db", db)
    assert code == 0
    return [(r["year"], r["kind"], r["start_date"]) for r in json.loads(out)]


def test_round_create_refuses_rounds_outside_the_review_calendar(tmp_path, capsys):
    """A periodic round for year Y is held in the autumn of Y-1, a regular one during Y; one periodic
    round a year; no year far from today. A refused round is not created, so it cannot become the
    'latest' round every report shows by default."""
    db = str(tmp_path / "xa.sqlite")
    run(capsys, "demo", "--households", "5", "--db", db)
    year = dt.date.today().year + 1
    code, _, err = run(capsys, "round", "create", str(year), "--start", f"{year - 1}-09-15", "--db", db)
    assert code == 0, err
    before = _round_years(db, capsys)
    refused = {
        "second periodic round": (str(year), "--start", f"{year - 1}-10-01"),
        "periodic in the window of its own year": (str(year + 1), "--start", f"{year + 1}-10-01"),
        "year far ahead": (str(year + 3), "--start", f"{year - 1}-10-01"),
        "regular starting the year before": (str(year), "--kind", "regular", "--start", f"{year - 1}-05-01"),
        "no standard, long ago": ("1990",),
        "not a date": (str(year), "--start", f"{year - 1}0915"),
    }
    for case, argv in refused.items():
        code, _, err = run(capsys, "round", "create", *argv, "--db", db)
        assert code == 2 and err.startswith("ngheo: ") and err.count("\n") == 1, (case, err)
    assert "Đã có đợt rà soát định kỳ cho năm" in run(capsys, "round", "create", *refused["second periodic round"],
                                                       "--db", db)[2]
    assert f"là cho năm {year + 2}, không phải năm {year + 1}" in run(
        capsys, "round", "create", *refused["periodic in the window of its own year"], "--db", db)[2]
    assert _round_years(db, capsys) == before
    assert max(before)[0] == year


def test_regular_rounds_are_monthly_but_not_twice_on_one_day(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    run(capsys, "db", "init", "--db", db)
    year = dt.date.today().year
    for start in (f"{year}-01-15", f"{year}-02-15"):
        assert run(capsys, "round", "create", str(year), "--kind", "regular", "--start", start, "--db", db)[0] == 0
    code, _, err = run(capsys, "round", "create", str(year), "--kind", "regular", "--start", f"{year}-02-15",
                       "--db", db)
    assert code == 2 and "Đã có đợt rà soát thường xuyên" in err and err.count("\n") == 1
    assert len(_round_years(db, capsys)) == 2


def test_round_years_follow_the_standards_and_today(tmp_path):
    """A year no standard covers yet may be opened a year or two ahead (the decree may come late), a
    past year a standard covers may be entered, a year far off may not."""
    with Store.open(tmp_path / "r.sqlite") as store:
        rnd = register.create_round(store, 2027, "periodic", actor="a", today=dt.date(2026, 10, 1))
        assert (rnd.year, rnd.start_date) == (2027, "2026-10-01")
        assert register.create_round(store, 2022, "periodic", "2021-09-20", actor="a",
                                         today=dt.date(2026, 10, 1)).year == 2022
        assert register.create_round(store, 2032, "periodic", "2031-09-15", actor="a",
                                         today=dt.date(2030, 8, 1)).year == 2032
        with pytest.raises(InvalidChange, match="không có chuẩn nghèo"):
            register.create_round(store, 2019, "periodic", "2018-09-15", actor="a", today=dt.date(2026, 10, 1))
        with pytest.raises(InvalidChange, match="quá xa"):
            register.create_round(store, 2030, "periodic", "2029-09-15", actor="a", today=dt.date(2026, 10, 1))
        # A periodic review held after the window (a late commune) is for the year it is held in, as each
        # household's review date says (criteria.review_year): the wizard opens its round on that date.
        assert register.create_round(store, 2026, "periodic", "2026-12-20", actor="a",
                                     today=dt.date(2026, 12, 20)).year == 2026
        assert [r.year for r in store.rounds()] == [2022, 2026, 2027, 2032]
