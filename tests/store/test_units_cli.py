"""`ngheo units …` as an office clerk uses it: list the units, correct a name and an area."""

from __future__ import annotations

import json

from cli_run import run

from ngheo_desktop.store import Store


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


def test_an_imported_household_must_agree_with_the_register_s_units(tmp_path, capsys):
    db = str(tmp_path / "xa.sqlite")
    assert run(capsys, "demo", "--households", "5", "--db", db)[0] == 0
    with Store.open(db) as store:
        hid = store.household_ids()[0]
    code, out, _ = run(capsys, "household", "show", hid, "--json", "--db", db)
    doc = json.loads(out)
    wrong_area = {**doc, "record_version": doc["record_version"] + 1,
                  "location": {**doc["location"], "area": "urban"}}
    path = tmp_path / "ho.json"
    path.write_text(json.dumps(wrong_area, ensure_ascii=False), "utf-8")
    code, _, err = run(capsys, "household", "import", str(path), "--db", db)
    assert code == 2 and "location.area" in err and "sổ hộ ghi 'rural'" in err and err.count("\n") == 1
    typo = {**doc, "household_id": "6f1c1a52-5a4e-4c35-9f27-2f1d0c1e9a11", "members": [],
            "location": {**doc["location"], "commune": "Xã Quỳnh Thăng",
                         "village_id": "0b5c6a1e-3c2d-4e8f-9a7b-1c2d3e4f5a6b"}}
    path.write_text(json.dumps(typo, ensure_ascii=False), "utf-8")
    code, _, err = run(capsys, "household", "import", str(path), "--db", db)
    assert code == 2 and "'Xã Quỳnh Thăng' không có trong sổ hộ" in err
    with Store.open(db) as store:
        assert len(store.units(level="commune")) == 1 and store.get_household(hid) == doc
