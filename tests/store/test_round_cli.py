"""`ngheo round …` and `ngheo meeting record` as an office clerk uses them, and the CLI's last resort."""

from __future__ import annotations

import json

from ngheo_desktop.cli import main
from ngheo_desktop.services import register
from ngheo_desktop.store import Store


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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
