"""The database file on disk: where it is, whether it is ours, backups with rotation, restore.

Everything here works on whole files through SQLite's backup API, so a copy taken while the app is
writing is still a consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from pathlib import Path

from ngheo_desktop.paths import data_home
from ngheo_desktop.store.errors import DamagedFile, NewerVersion, NotOurFile, StorageError
from ngheo_desktop.store.migrations import APPLICATION_ID

DB_FILENAME = "ngheo.sqlite"
KEEP_BACKUPS = 10
_SQLITE_MAGIC = b"SQLite format 3\x00"
# Backup names carry a time stamp and a reason, never anything about a household.
_BACKUP_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}T\d{6}\d{6}Z)-(?P<reason>[a-z0-9-]+)\.sqlite$")


def default_db_path() -> Path:
    """``NGHEO_DB`` if set, else ``ngheo.sqlite`` in the data folder (``NGHEO_HOME`` moves it)."""
    env = os.environ.get("NGHEO_DB")
    return Path(env) if env else data_home() / DB_FILENAME


def resolve_db_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(path) if path else default_db_path()


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Path]:
    """Rotated backups of this database, oldest first."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        m = _BACKUP_NAME.match(p.name)
        if m and m["stem"] == db_path.stem:
            found.append((m["stamp"], p))
    return [p for _, p in sorted(found)]


def latest_backup(db_path: Path) -> Path | None:
    backups = list_backups(db_path)
    return backups[-1] if backups else None


def check_header(path: Path) -> None:
    """Refuse a non-empty file that does not even start like an SQLite database."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return
    if size == 0:
        return
    with path.open("rb") as fh:
        head = fh.read(100)
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        raise NotOurFile(path, "không phải tệp SQLite")


def copy_database(source: sqlite3.Connection, dest: Path) -> Path:
    """Write a consistent copy of an open database to ``dest`` (atomically replaced, fsynced)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    partial = dest.with_name(dest.name + ".partial")
    partial.unlink(missing_ok=True)
    target = sqlite3.connect(partial)
    try:
        source.backup(target)
        # A backup must be one self-contained file: no -wal beside it.
        target.execute("PRAGMA journal_mode=DELETE")
    except sqlite3.Error as exc:
        target.close()
        partial.unlink(missing_ok=True)
        raise StorageError(f"Không sao lưu được vào {dest}: {exc}") from None
    target.close()
    with partial.open("rb") as fh:
        os.fsync(fh.fileno())
    os.replace(partial, dest)
    return dest


def rotate_backup(source: sqlite3.Connection, db_path: Path, reason: str,
                  keep: int = KEEP_BACKUPS) -> Path:
    """A time-stamped backup in ``backups/`` beside the database; the oldest beyond ``keep`` are removed."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    dest = backups_dir(db_path) / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    # A backup interrupted by a crash leaves its ``.partial`` file; it is never a usable backup.
    for stale in backups_dir(db_path).glob(f"{db_path.stem}-*.sqlite.partial"):
        stale.unlink(missing_ok=True)
    copy_database(source, dest)
    for old in list_backups(db_path)[:-keep]:
        old.unlink(missing_ok=True)
    return dest


def verify_copy(path: Path, known_version: int) -> tuple[int, int]:
    """Full integrity check of a backup before it replaces anything; returns (application_id, version)."""
    if not path.is_file():
        raise StorageError(f"Không tìm thấy tệp sao lưu {path}.")
    check_header(path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise NotOurFile(path, str(exc)) from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise NotOurFile(path, "mã ứng dụng không khớp")
        if version > known_version:
            raise NewerVersion(path, version, known_version)
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check(5)")]
        if problems != ["ok"]:
            raise DamagedFile(path, "; ".join(problems), None)
    except sqlite3.DatabaseError as exc:
        raise DamagedFile(path, str(exc), None) from None
    finally:
        conn.close()
    return app_id, version
