"""`ngheo units …` as an office clerk uses it: list the units, correct a name and an area."""

from __future__ import annotations

import json

from ngheo_desktop.cli import main
from ngheo_desktop.store import Store


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_then_make_the_commune_a_ward(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    assert run(capsys, "demo", "--households", "40", "--db", db)[0] == 0
    code, out, _ = run(capsys, "units", "list", "--db", db)
    assert code == 0
    assert "Xã Quỳnh Thắng  [Xã; nông thôn; 40 hộ]" in out
    assert "nông thôn (theo cấp trên)" in out
    code, out, _ = run(capsys, "units", "set", "Xã Quỳnh Thắng", "--kind", "phuong", "--name", "Phường Quỳnh Thắng",
                       "--actor", "Văn thư xã", "--db", db)
    assert code == 0
    assert "Đã sửa Phường Quỳnh Thắng; cập nhật vị trí của 40 hộ." in out
    assert "Gửi lại tệp giao việc" in out
    code, out, _ = run(capsys, "units", "list", "--json", "--db", db)
    commune = next(u for u in json.loads(out) if u["level"] == "commune")
    assert (commune["name"], commune["kind"], commune["area"], commune["households"]) == (
        "Phường Quỳnh Thắng", "phuong", "urban", 40)
    with Store.open(db) as store:
        assert {store.get_household(h)["location"]["area"] for h in store.household_ids()} == {"urban"}
    code, out, _ = run(capsys, "units", "set", commune["id"], "--area", "urban", "--db", db)
    assert (code, out.strip()) == (0, "Phường Quỳnh Thắng: không có gì thay đổi.")


def test_bad_unit_input_is_one_line_and_exit_2(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    assert run(capsys, "demo", "--households", "5", "--db", db)[0] == 0
    code, _, err = run(capsys, "units", "set", "Thôn Không Có", "--area", "urban", "--db", db)
    assert code == 2 and err.count("\n") == 1 and "Không có đơn vị hành chính" in err
    code, _, err = run(capsys, "units", "set", "Xã Quỳnh Thắng", "--kind", "thon", "--db", db)
    assert code == 2 and "không dùng cho cấp này" in err
    code, _, err = run(capsys, "units", "set", "Xã Quỳnh Thắng", "--area", "mountain", "--db", db)
    assert code == 2 and "lỗi tham số" in err


def test_a_field_laptop_is_told_the_office_edits_units(tmp_path, capsys, monkeypatch):
    from ngheo_desktop.services import sync

    db = str(tmp_path / "xa.sqlite")
    assert run(capsys, "demo", "--households", "5", "--db", db)[0] == 0
    monkeypatch.setattr(sync, "own_role", lambda: "field")
    code, _, err = run(capsys, "units", "set", "Xã Quỳnh Thắng", "--name", "Xã Mới", "--db", db)
    assert code == 2 and "văn phòng xã sửa" in err
    with Store.open(db) as store:
        assert store.units(level="commune")[0].name == "Xã Quỳnh Thắng"
