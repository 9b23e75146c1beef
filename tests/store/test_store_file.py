"""The database file: creation, pragmas, refusing foreign / newer / damaged files unchanged, migrations,
backups and restore."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from factories import household

from ngheo_desktop.store import (
    DamagedFile,
    NewerVersion,
    NotOurFile,
    StorageError,
    Store,
    latest_backup,
    list_backups,
    restore_file,
)
from ngheo_desktop.store.files import KEEP_BACKUPS, default_db_path
from ngheo_desktop.store.migrations import APPLICATION_ID, MIGRATIONS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _files_beside(path: Path) -> set[str]:
    return {p.name for p in path.parent.iterdir()}


def test_new_file_has_our_id_version_and_pragmas(tmp_path):
    with Store.open(tmp_path / "a.sqlite") as store:
        conn = store.conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA page_size").fetchone()[0] == 16384
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        assert names == [name for name, _ in MIGRATIONS]
        assert store.backup_taken is None  # nothing to back up in a new file


def test_default_path_follows_ngheo_db_and_ngheo_home(tmp_path, monkeypatch, _isolated_home):
    assert default_db_path() == _isolated_home / "ngheo.sqlite"
    monkeypatch.setenv("NGHEO_DB", str(tmp_path / "elsewhere.sqlite"))
    with Store.open() as store:
        assert store.path == tmp_path / "elsewhere.sqlite"


def test_text_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("Danh sách hộ nghèo\n" * 20, encoding="utf-8")
    before, listing = _digest(path), _files_beside(path)
    with pytest.raises(NotOurFile) as err:
        Store.open(path)
    assert "không phải" in err.value.message
    assert _digest(path) == before and _files_beside(path) == listing


def test_other_programs_sqlite_file_is_refused_unchanged(tmp_path):
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before, listing = _digest(path), _files_beside(path)
    with pytest.raises(NotOurFile):
        Store.open(path)
    assert _digest(path) == before and _files_beside(path) == listing


def test_file_from_a_newer_version_is_refused_unchanged(tmp_path):
    path = tmp_path / "new.sqlite"
    Store.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = _digest(path)
    with pytest.raises(NewerVersion) as err:
        Store.open(path)
    assert "mới hơn" in err.value.message
    assert _digest(path) == before


def _damage(path: Path) -> None:
    """Overwrite the middle of the file with garbage (pages of the households table and its indexes)."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(size // 2)
        fh.write(b"\xa5" * (size // 4))


def _store_with_households(path: Path, n: int) -> list[str]:
    with Store.open(path) as store:
        docs = [household(head_name=f"Hộ số {i}") for i in range(n)]
        store.import_households(docs, actor="test")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return [d["household_id"] for d in docs]


def test_damaged_file_is_refused_unchanged_and_names_the_latest_backup(tmp_path):
    path = tmp_path / "reg.sqlite"
    _store_with_households(path, 300)
    with Store.open(path) as store:
        backup = store.backup_rotating("thu-cong")
    _damage(path)
    before = _digest(path)
    with pytest.raises(DamagedFile) as err:
        Store.open(path)
    assert str(backup) in err.value.message
    assert _digest(path) == before


def test_migration_from_an_older_file_takes_a_backup_first(tmp_path):
    path = tmp_path / "old.sqlite"
    with Store.open(path, migrations=MIGRATIONS[:1]) as store:
        store.save_household(household(), actor="test")
        assert store.schema_version == 1
    with Store.open(path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert store.backup_taken is not None and store.backup_taken.exists()
        assert store.household_count() == 1
    old = sqlite3.connect(store.backup_taken)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_backup_rotation_keeps_the_newest(tmp_path):
    path = tmp_path / "reg.sqlite"
    with Store.open(path) as store:
        made = [store.backup_rotating("thu-cong") for _ in range(KEEP_BACKUPS + 3)]
    kept = list_backups(path)
    assert kept == made[-KEEP_BACKUPS:]
    assert latest_backup(path) == made[-1]
    assert all(not p.exists() for p in made[:3])


def test_backup_and_restore_round_trip(tmp_path):
    path = tmp_path / "reg.sqlite"
    ids = _store_with_households(path, 5)
    with Store.open(path) as store:
        copy = store.backup(tmp_path / "copy.sqlite")
        store.save_household(household(head_name="Thêm sau sao lưu"), actor="test")
        assert store.household_count() == 6
    kept = restore_file(copy, path)
    assert kept is not None and kept.exists()
    with Store.open(path) as store:
        assert store.household_count() == 5
        assert sorted(store.household_ids()) == sorted(ids)
        assert store.check() == []


def test_restore_refuses_a_damaged_backup_and_keeps_the_database(tmp_path):
    path = tmp_path / "reg.sqlite"
    _store_with_households(path, 300)
    with Store.open(path) as store:
        bad = store.backup(tmp_path / "bad.sqlite")
    _damage(bad)
    before = _digest(path)
    with pytest.raises(StorageError):
        restore_file(bad, path)
    assert _digest(path) == before


def test_restore_refuses_a_file_that_is_not_ours(tmp_path):
    path = tmp_path / "reg.sqlite"
    _store_with_households(path, 2)
    foreign = tmp_path / "foreign.sqlite"
    foreign.write_bytes(b"not a database at all" * 10)
    with pytest.raises(NotOurFile):
        restore_file(foreign, path)


def test_read_only_reader_cannot_write(tmp_path):
    path = tmp_path / "reg.sqlite"
    _store_with_households(path, 1)
    with Store.open(path, read_only=True) as reader:
        assert reader.household_count() == 1
        with pytest.raises(StorageError):
            reader.save_household(household(), actor="test")


def test_missing_file_is_not_created_when_create_is_false(tmp_path):
    with pytest.raises(StorageError) as err:
        Store.open(tmp_path / "nothing.sqlite", create=False)
    assert "ngheo db init" in err.value.message
    assert not (tmp_path / "nothing.sqlite").exists()


def test_interrupted_backups_are_cleared_and_never_offered(tmp_path):
    path = tmp_path / "reg.sqlite"
    with Store.open(path) as store:
        first = store.backup_rotating("thu-cong")
        stale = first.parent / f"{path.stem}-20260101T000000000000Z-thu-cong.sqlite.partial"
        stale.write_bytes(b"half a backup")
        assert latest_backup(path) == first
        second = store.backup_rotating("thu-cong")
    assert not stale.exists() and latest_backup(path) == second


def test_backup_into_a_folder_names_the_copy(tmp_path):
    stick = tmp_path / "usb"
    stick.mkdir()
    with Store.open(tmp_path / "reg.sqlite") as store:
        copy = store.backup(stick)
    assert copy.parent == stick and copy.name.startswith("reg-") and copy.suffix == ".sqlite"
    with Store.open(copy) as again:
        assert again.check() == []


def test_reading_does_not_load_sqlite_utils(tmp_path):
    """The first screen reads through a reader; sqlite-utils (and click, dateutil, pluggy) load only when
    something is written, so start-up does not pay for them."""
    path = tmp_path / "reg.sqlite"
    _store_with_households(path, 3)
    code = ("import sys\nfrom ngheo_desktop.store import Store\n"
            f"with Store.open({str(path)!r}, read_only=True) as s:\n"
            "    assert len(s.household_page()) == 3 and s.search('ho')\n"
            "print('sqlite_utils' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_backup_never_overwrites_the_database_or_its_log(tmp_path):
    path = tmp_path / "reg.sqlite"
    with Store.open(path) as store:
        store.save_household(household(), actor="a")
        for own in (path, tmp_path / "reg.sqlite-wal", tmp_path / "reg.sqlite-shm", tmp_path / "reg.sqlite-journal"):
            with pytest.raises(StorageError, match="tệp đi kèm"):
                store.backup(own, overwrite=True)
        assert store.household_count() == 1
