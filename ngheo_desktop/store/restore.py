"""Putting a backup back in place of the database file, after checking the backup is sound.

The current file, if any, is kept first as a rotated backup (``truoc-khoi-phuc``), or copied byte for
byte when it is too damaged for SQLite to read; nothing is lost by restoring the wrong backup.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from ngheo_desktop.store import files
from ngheo_desktop.store.errors import ReadOnlyDatabase, StorageError
from ngheo_desktop.store.migrations import MIGRATIONS


def _keep_current(path: Path) -> Path | None:
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            conn.execute("PRAGMA quick_check(1)").fetchall()
            return files.rotate_backup(conn, path, "truoc-khoi-phuc")
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
        dest = files.backups_dir(path) / f"{path.stem}-{stamp}-tep-hong.sqlite"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        return dest


def restore_file(src: str | Path, path: str | Path | None = None) -> Path | None:
    """Replace the database at ``path`` with the backup ``src``; returns where the old file was kept.

    ``src`` must pass a full integrity check and be ours and not newer than this program. Close every
    connection to the database before calling this; open it again afterwards (an older backup is then
    migrated)."""
    src = Path(src)
    path = files.resolve_db_path(path)
    files.verify_copy(src, len(MIGRATIONS))
    if src.resolve() == path.resolve():
        raise StorageError("Tệp sao lưu chính là cơ sở dữ liệu đang dùng.")
    unwritable = files.unwritable_reason(path)
    if unwritable:
        raise ReadOnlyDatabase(path, unwritable, "khôi phục cơ sở dữ liệu")
    try:
        kept = _keep_current(path)
        partial = path.with_name(path.name + ".restoring")
        source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
        try:
            files.copy_database(source, partial)
        finally:
            source.close()
        # The old file's write-ahead log belongs to the old file: left beside the new one it would be
        # replayed into it.
        for suffix in ("-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
        os.replace(partial, path)
    except OSError as exc:
        raise StorageError(f"Không khôi phục được {path}: {files.os_reason(exc)}") from None
    return kept
