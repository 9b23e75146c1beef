"""No saved answer is ever lost: SIGKILL in the middle of saves and migrations, and a full disk.

The killed writers are forked children (a fork costs milliseconds, a fresh interpreter half a second),
so the suite can afford 60+ kills. A child prints each household id only after ``save_household``
returned, i.e. after COMMIT; every printed id must be in the file afterwards.
"""

from __future__ import annotations

import hashlib
import os
import random
import select
import signal
import sqlite3
import time
from pathlib import Path

import pytest
from factories import household, member

from ngheo_desktop.store import DiskFull, Store
from ngheo_desktop.store.migrations import MIGRATIONS

KILLS = 60


def _fork(work, *args) -> tuple[int, int]:
    """Run ``work(write_fd, *args)`` in a child; returns (pid, read end of its output pipe)."""
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child never returns into pytest
        code = 0
        try:
            os.close(r)
            work(w, *args)
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(w)
    return pid, r


def _read_available(fd: int, buf: bytearray, until: float) -> bool:
    """Read what the child wrote until a deadline; False once the pipe is closed."""
    while True:
        left = until - time.monotonic()
        ready, _, _ = select.select([fd], [], [], max(left, 0))
        if not ready:
            return True
        chunk = os.read(fd, 65536)
        if not chunk:
            return False
        buf.extend(chunk)


def _saver(w: int, path: str, seed: int) -> None:
    rng = random.Random(seed)
    store = Store.open(path)
    saved: list[dict] = []
    while True:
        if saved and rng.random() < 0.3:
            doc = rng.choice(saved)
            doc = {**doc, "answers": {**doc["answers"], "floor_area_m2": float(rng.randint(10, 200))}}
        else:
            doc = household([member(rng.randint(20, 80), f"Người thứ {rng.randint(1, 10**6)}")
                             for _ in range(rng.randint(1, 6))])
        stored = store.save_household(doc, actor="crash")
        saved = [d for d in saved if d["household_id"] != stored["household_id"]] + [stored]
        os.write(w, f"{stored['household_id']} {stored['record_version']}\n".encode())


def test_sigkill_during_saves_never_loses_a_committed_household(tmp_path):
    path = tmp_path / "crash.sqlite"
    Store.open(path).close()
    promised: dict[str, int] = {}
    rng = random.Random(20261127)
    for kill in range(KILLS):
        pid, fd = _fork(_saver, str(path), kill)
        out = bytearray()
        _read_available(fd, out, time.monotonic() + rng.uniform(0.005, 0.12))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        _read_available(fd, out, time.monotonic() + 1)
        os.close(fd)
        # A line is written in one write() of < PIPE_BUF bytes: complete lines are complete saves.
        for line in out.decode().splitlines():
            hid, version = line.split()
            promised[hid] = max(promised.get(hid, 0), int(version))
    assert len(promised) > KILLS, "children should have saved something before most kills"
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    conn.close()
    with Store.open(path) as store:
        assert store.check() == []
        stored = {r.household_id: r.record_version for r in store.household_page(0, 10**6)}
        for hid, version in promised.items():
            assert stored.get(hid, 0) >= version, f"committed save of {hid} v{version} lost"
        # The search index and the member rows agree with the documents.
        fts = store.conn.execute("SELECT count(*) FROM household_fts").fetchone()[0]
        assert fts == store.household_count()


def _slow_migration(db, announce=None) -> None:
    if announce:
        announce()
    db.execute("CREATE TABLE filler (id INTEGER PRIMARY KEY, payload TEXT)")
    for i in range(600):
        db.execute("INSERT INTO filler(payload) SELECT hex(randomblob(200)) FROM "
                   "(WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 50) SELECT x FROM c)")
        db.execute("UPDATE households SET address = address WHERE rowid = ?", (i,))


SLOW = [*MIGRATIONS, ("9999_slow_test_migration", _slow_migration)]


def _migrator(w: int, path: str) -> None:
    def announce() -> None:
        os.write(w, b"migrating\n")

    migrations = [*MIGRATIONS, ("9999_slow_test_migration", lambda db: _slow_migration(db, announce))]
    Store.open(path, migrations=migrations).close()
    os.write(w, b"done\n")


def _version(path: Path) -> tuple[int, list[str], bool]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
        filler = conn.execute("SELECT count(*) FROM sqlite_schema WHERE name = 'filler'").fetchone()[0] == 1
        return version, names, filler
    finally:
        conn.close()


def test_migration_killed_half_way_leaves_old_or_new_version(tmp_path):
    path = tmp_path / "migrate.sqlite"
    with Store.open(path, migrations=MIGRATIONS[:1]) as store:
        store.import_households([household() for _ in range(50)], actor="test")
    old = (1, [MIGRATIONS[0][0]], False)
    new = (len(SLOW), [name for name, _ in SLOW], True)
    rng = random.Random(7)
    for _ in range(10):
        pid, fd = _fork(_migrator, str(path))
        out = bytearray()
        while b"migrating" not in out and _read_available(fd, out, time.monotonic() + 0.01):
            pass
        # The migration is running: it has created its table and is filling it.
        _read_available(fd, out, time.monotonic() + rng.uniform(0.0, 0.05))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)
        state = _version(path)
        assert state == (new if b"done" in out else old), f"file left between versions: {state}"
    # Left alone, the next open finishes the job.
    with Store.open(path, migrations=SLOW) as store:
        assert store.schema_version == len(SLOW) and store.household_count() == 50
    assert _version(path) == new


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _content(conn: sqlite3.Connection) -> list[str]:
    return list(conn.iterdump())


def test_disk_full_during_a_save_keeps_the_file_intact(tmp_path):
    path = tmp_path / "full.sqlite"
    with Store.open(path) as store:
        store.import_households([household() for _ in range(20)], actor="test")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before, digest = _content(store.conn), _file_digest(path)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages}")
        big = household([member(30, f"Thành viên {'Đ' * 100} {i}", citizen_id=f"{i:012d}") for i in range(80)])
        with pytest.raises(DiskFull) as err:
            store.save_household(big, actor="test")
        assert "đầy" in err.value.message
        assert _content(store.conn) == before
        assert _file_digest(path) == digest
        assert store.check() == []
        # Space freed: the same save now works.
        store.conn.execute("PRAGMA max_page_count = 1000000")
        store.save_household(big, actor="test")
        assert store.household_count() == 21


def test_disk_full_during_a_migration_leaves_the_old_version(tmp_path, monkeypatch):
    path = tmp_path / "full-migrate.sqlite"
    with Store.open(path, migrations=MIGRATIONS[:1]) as store:
        store.import_households([household() for _ in range(20)], actor="test")
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        before = _content(store.conn)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    real_connect = sqlite3.connect

    def full_disk_connect(*args, **kwargs):
        conn = real_connect(*args, **kwargs)
        conn.execute(f"PRAGMA max_page_count = {pages + 1}")
        return conn

    monkeypatch.setattr(sqlite3, "connect", full_disk_connect)
    with pytest.raises(DiskFull):
        Store.open(path, migrations=SLOW)
    monkeypatch.undo()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert _content(conn) == before
    conn.close()
    with Store.open(path, migrations=MIGRATIONS[:1]) as store:
        assert store.household_count() == 20
