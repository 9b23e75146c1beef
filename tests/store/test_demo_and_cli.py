"""The demo commune and the ``ngheo db/demo/search/household/reclassify`` commands, end to end."""

from __future__ import annotations

import json
import shutil

import pytest
from factories import household

from ngheo_desktop.cli import main
from ngheo_desktop.criteria import parse_household
from ngheo_desktop.demo import build_demo
from ngheo_desktop.services import Cancelled, NoProgress
from ngheo_desktop.services import register as svc
from ngheo_desktop.store import KEEP_BACKUPS, InvalidChange, Store, list_backups


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """One demo commune of 600 households for the whole module; tests copy it before writing."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    with Store.open(path) as store:
        build_demo(store, households=600, seed=1, progress=NoProgress())
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture
def demo_copy(demo_db, tmp_path):
    path = tmp_path / "copy.sqlite"
    shutil.copy(demo_db, path)
    return path


def test_demo_documents_are_valid_and_classified(demo_db):
    with Store.open(demo_db) as store:
        assert store.is_demo
        docs = list(store.iter_households())
        assert len(docs) == 600
        for doc in docs:
            assert parse_household(doc) == doc
        classes = store.household_classes()
        assert None not in classes.values()
        poor = sum(1 for k in classes.values() if k == "poor") / len(classes)
        near = sum(1 for k in classes.values() if k == "near_poor") / len(classes)
        assert 0.01 <= poor <= 0.08 and 0.005 <= near <= 0.08
        first, second = store.rounds()
        assert (first.year, second.year) == (2025, 2026)
        results = store.round_results(second.id)
        assert any(r.previous_class is not None for r in results)
        for r in results[:40]:
            a = store.get_assessment(r.household_id, second.id) if r.status else None
            if a:
                assert parse_household(a.snapshot) == a.snapshot and a.klass == a.result["class"]
        names = {d["answers"]["head_name"] for d in docs}
        assert any("ễ" in n or "ư" in n or "Đ" in n for n in names)


def _fingerprint(store: Store) -> list:
    return [(d["household_id"], d["answers"]["head_name"], store.household_classes()[d["household_id"]])
            for d in store.iter_households()]


def test_demo_is_deterministic_per_seed(tmp_path):
    prints = []
    for name, seed in (("a", 5), ("b", 5), ("c", 6)):
        with Store.open(tmp_path / f"{name}.sqlite") as store:
            build_demo(store, households=80, seed=seed, progress=NoProgress())
            prints.append(_fingerprint(store))
    assert prints[0] == prints[1]
    assert prints[0] != prints[2]


def test_demo_refuses_a_database_with_households(tmp_path):
    with Store.open(tmp_path / "real.sqlite") as store:
        store.save_household(household(), actor="a")
        with pytest.raises(InvalidChange):
            build_demo(store, households=10, seed=1, progress=NoProgress())


class _CancelAfterFirstBatch:
    def __init__(self):
        self.calls = 0

    def update(self, done, total):
        self.calls += 1

    def cancelled(self):
        return self.calls > 1


def test_cancelled_demo_leaves_nothing(tmp_path):
    with Store.open(tmp_path / "x.sqlite") as store:
        with pytest.raises(Cancelled):
            build_demo(store, households=1500, seed=1, progress=_CancelAfterFirstBatch())
        assert store.household_count() == 0 and store.units() == [] and not store.is_demo


def test_first_start_makes_a_labelled_demo_once(tmp_path):
    path = tmp_path / "first.sqlite"
    with svc.first_start(path, households=30) as store:
        assert store.is_demo and store.household_count() == 30
    with svc.first_start(path, households=30) as store:
        assert store.household_count() == 30


def test_reclassify_reports_movement_and_stores_the_projection(demo_copy):
    with Store.open(demo_copy) as store:
        dry = svc.reclassify(store, "vn-2027-2030", dry_run=True)
        assert dry.total == 600 and store.projections("vn-2027-2030") == {}
        report = svc.reclassify(store, "vn-2027-2030")
        projected = store.projections("vn-2027-2030")
        assert len(projected) == 600
        assert report.moved == dry.moved == sum(report.transitions.values())
        assert report.list_changes == sum(n for (a, b), n in report.transitions.items()
                                          if {a, b} & {"poor", "near_poor"})
        assert 0 < report.list_changes < report.moved
        # The 2027-2030 standard has no average-living class: those households must move.
        assert report.after["average_living"] == 0 and report.moved > 0


# ---------------------------------------------------------------------- command line
def _run(capsys, *argv):
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse rejects bad arguments by exiting
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_init_check_backup_restore(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert _run(capsys, "db", "init", "--db", db)[0] == 0
    code, out, _ = _run(capsys, "db", "check", "--db", db)
    assert code == 0 and "toàn vẹn" in out
    backup = str(tmp_path / "saved.sqlite")
    assert _run(capsys, "db", "backup", backup, "--db", db)[0] == 0
    code, out, _ = _run(capsys, "db", "restore", backup, "--db", db)
    assert code == 0 and "Đã khôi phục" in out


def test_cli_db_path_from_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("NGHEO_DB", str(tmp_path / "env.sqlite"))
    assert _run(capsys, "db", "init")[0] == 0
    assert (tmp_path / "env.sqlite").exists()


def test_cli_search_show_and_import(demo_copy, tmp_path, capsys):
    db = str(demo_copy)
    with Store.open(demo_copy) as store:
        target = store.get_household(store.household_ids()[7])
    name = target["answers"]["head_name"]
    code, out, _ = _run(capsys, "search", name.lower(), "--json", "--db", db)
    assert code == 0
    assert target["household_id"] in [r["household_id"] for r in json.loads(out)]
    code, out, _ = _run(capsys, "household", "show", target["household_id"], "--json", "--db", db)
    assert code == 0 and json.loads(out) == target
    code, out, _ = _run(capsys, "household", "show", target["household_id"], "--db", db)
    assert code == 0 and name in out
    new = household(head_name="Hộ mới nhập")
    f = tmp_path / "new.json"
    f.write_text(json.dumps(new, ensure_ascii=False), encoding="utf-8")
    code, out, _ = _run(capsys, "household", "import", str(f), "--db", db)
    assert code == 0 and "1 hộ mới" in out
    code, out, _ = _run(capsys, "reclassify", "--standard", "vn-2027-2030", "--dry-run", "--json", "--db", db)
    assert code == 0 and json.loads(out)["households"] == 601


@pytest.mark.parametrize("argv, expected", [
    (["search", "an", "--limit", "0"], "lỗi tham số"),
    (["demo", "--households", "abc"], "lỗi tham số"),
    (["household", "show", "00000000-0000-4000-8000-000000000000"], "Không tìm thấy hộ"),
    (["reclassify", "--standard", "vn-1999"], "vn-1999"),
])
def test_cli_bad_input_gives_exit_2_and_one_line(demo_copy, capsys, argv, expected):
    code, _, err = _run(capsys, *argv, "--db", str(demo_copy))
    assert code == 2
    assert expected in err and len(err.strip().splitlines()) == 1


def test_cli_missing_database_and_foreign_file(tmp_path, capsys):
    code, _, err = _run(capsys, "search", "an", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "ngheo db init" in err and len(err.strip().splitlines()) == 1
    foreign = tmp_path / "photo.jpg"
    foreign.write_bytes(b"\xff\xd8\xff" + b"\x00" * 200)
    for argv in (["db", "check"], ["search", "an"], ["db", "restore", str(foreign)]):
        db = str(foreign) if argv[0] != "db" or argv[1] != "restore" else str(tmp_path / "r.sqlite")
        code, _, err = _run(capsys, *argv, "--db", db)
        assert code == 2 and len(err.strip().splitlines()) == 1


def test_cli_import_of_bad_files_names_the_file_and_changes_nothing(demo_copy, tmp_path, capsys):
    good = tmp_path / "good.json"
    good.write_text(json.dumps(household()), encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "ngheo.household",', encoding="utf-8")
    code, _, err = _run(capsys, "household", "import", str(good), str(bad), "--db", str(demo_copy))
    assert code == 2 and "bad.json" in err and len(err.strip().splitlines()) == 1
    with Store.open(demo_copy) as store:
        assert store.household_count() == 600


def test_cli_demo_command(tmp_path, capsys):
    code, out, _ = _run(capsys, "demo", "--households", "40", "--seed", "3", "--db", str(tmp_path / "d.sqlite"))
    assert code == 0 and "DỮ LIỆU MẪU" in out
    code, _, err = _run(capsys, "demo", "--households", "40", "--db", str(tmp_path / "d.sqlite"))
    assert code == 2 and "đã có hộ" in err


def test_cancelled_import_saves_nothing_but_keeps_a_backup(tmp_path):
    files = []
    for i in range(1200):
        f = tmp_path / f"h{i}.json"
        f.write_text(json.dumps(household(head_name=f"Hộ {i}"), ensure_ascii=False), encoding="utf-8")
        files.append(f)
    with Store.open(tmp_path / "imp.sqlite") as store:
        store.save_household(household(), actor="a")
        with pytest.raises(Cancelled):
            svc.import_household_files(store, files, actor="a", progress=_CancelAfterFirstBatch())
        assert store.household_count() == 1
        assert store.backup_rotating("thu-cong").exists()
        counts, notice = svc.import_household_files(store, files, actor="a")
        assert counts["created"] == 1200 and len(notice.household_ids) == 1200


def test_cancelled_first_start_leaves_no_file(tmp_path):
    path = tmp_path / "first.sqlite"
    with pytest.raises(Cancelled):
        svc.first_start(path, _CancelAfterFirstBatch(), households=1500)
    assert not path.exists()


def test_a_record_edited_from_household_show_is_imported_once_its_version_is_raised(demo_copy, tmp_path, capsys):
    db = str(demo_copy)
    with Store.open(demo_copy) as store:
        hid = store.household_ids()[5]
    code, out, _ = _run(capsys, "household", "show", hid, "--json", "--db", db)
    doc = json.loads(out)
    version = doc["record_version"]
    doc["answers"]["address"] = "Xóm Mới, số 12"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    backups = list_backups(demo_copy)
    code, _, err = _run(capsys, "household", "import", str(edited), "--db", db)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"đổi record_version trong tệp thành {version + 1}" in err
    assert list_backups(demo_copy) == backups  # a refused import keeps no backup
    doc["record_version"] = version + 1
    edited.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, err = _run(capsys, "household", "import", str(edited), "--db", db)
    assert code == 0 and "1 hộ cập nhật" in out, err
    with Store.open(demo_copy) as store:
        assert store.get_household(hid)["answers"]["address"] == "Xóm Mới, số 12"


def test_an_older_copy_is_told_to_start_from_the_stored_record(demo_copy, tmp_path, capsys):
    with Store.open(demo_copy) as store:
        doc = store.get_household(store.household_ids()[6])
        store.save_household({**doc, "answers": {**doc["answers"], "address": "Đã sửa ở văn phòng"}}, actor="a")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({**doc, "answers": {**doc["answers"], "address": "Sửa trên bản cũ"}}), encoding="utf-8")
    code, _, err = _run(capsys, "household", "import", str(old), "--db", str(demo_copy))
    stored = doc["record_version"] + 1
    assert code == 2 and f"cũ hơn bản đã lưu (phiên bản {stored})" in err and f"thành {stored + 1}" in err


def test_import_of_a_missing_file_says_it_does_not_exist(demo_copy, tmp_path, capsys):
    missing = tmp_path / "nofile.json"
    code, _, err = _run(capsys, "household", "import", str(missing), "--db", str(demo_copy))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"Không có tệp {missing}" in err and "không hợp lệ" not in err


def test_refused_imports_do_not_push_useful_backups_out(demo_copy, tmp_path, capsys):
    with Store.open(demo_copy) as store:
        doc = store.get_household(store.household_ids()[0])
        kept = [store.backup_rotating("thu-cong") for _ in range(KEEP_BACKUPS)]
    conflicting = tmp_path / "conflict.json"
    conflicting.write_text(json.dumps({**doc, "answers": {**doc["answers"], "address": "khác"}}), encoding="utf-8")
    for _ in range(3):
        assert _run(capsys, "household", "import", str(conflicting), "--db", str(demo_copy))[0] == 2
    assert list_backups(demo_copy) == kept


def test_cli_backup_keeps_an_existing_file_unless_forced(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    _run(capsys, "db", "init", "--db", db)
    dest = tmp_path / "bao-cao.xlsx"
    dest.write_bytes(b"a file the clerk needs")
    code, _, err = _run(capsys, "db", "backup", str(dest), "--db", db)
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert f"Tệp {dest} đã có" in err and "--force" in err
    assert dest.read_bytes() == b"a file the clerk needs"
    code, out, _ = _run(capsys, "db", "backup", str(dest), "--force", "--db", db)
    assert code == 0 and "Đã sao lưu" in out
    with Store.open(dest, read_only=True) as copy:
        assert copy.household_count() == 0
