"""The database file on disk: where it is, whether it is ours, backups with rotation, restore.

Everything here works on whole files through SQLite's backup API, so a copy taken while the app is
writing is still a consistent snapshot.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import sqlite3
from pathlib import Path, PurePath
from urllib.parse import quote

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


# Said when SQLite, not os.access, found the file unwritable (Windows reports a write-protected USB
# stick only when a write is tried), so which of the two it is stays unknown.
UNWRITABLE = "tệp hoặc thư mục chứa nó chỉ cho đọc (ổ đĩa hoặc USB đang bật khóa chống ghi, hoặc không có quyền ghi)"
_OS_REASONS = {
    errno.ENOENT: "không có tệp hoặc thư mục này",
    errno.EACCES: "không có quyền truy cập",
    errno.EPERM: "không được phép",
    errno.EROFS: "ổ đĩa chỉ cho đọc (USB đang bật khóa chống ghi?)",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EISDIR: "đó là một thư mục, không phải tệp",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
}
# SQLite's primary result codes (the low byte of an extended code) that mean "may not", not "damaged".
_SQLITE_ACCESS_CODES = {3, 8, 14}  # SQLITE_PERM, SQLITE_READONLY, SQLITE_CANTOPEN


def os_reason(exc: OSError) -> str:
    """An operating-system error in Vietnamese (its English ``strerror`` for the rare others)."""
    return _OS_REASONS.get(exc.errno, exc.strerror or str(exc))


def is_access_error(exc: sqlite3.Error) -> bool:
    """True when SQLite could not open or write the file for lack of permission, not for damage."""
    return (getattr(exc, "sqlite_errorcode", 0) & 0xFF) in _SQLITE_ACCESS_CODES


def _existing(folder: Path) -> Path:
    while not folder.exists() and folder.parent != folder:
        folder = folder.parent
    return folder


def folder_unwritable(folder: Path) -> str | None:
    """Why files cannot be made in ``folder`` (or the nearest existing folder above it), else None."""
    existing = _existing(folder)
    if os.access(existing, os.W_OK):
        return None
    return f"thư mục {existing} chỉ cho đọc (ổ đĩa hoặc USB đang bật khóa chống ghi, hoặc không có quyền ghi)"


def unwritable_reason(path: Path) -> str | None:
    """Why the database at ``path`` cannot be written, in Vietnamese, or None when it can.

    The folder counts as much as the file: SQLite writes its -wal and -shm files and our backups there.
    ``os.access`` sees read-only mounts and missing permissions (for root, who may write regardless,
    only the mounts); what it misses, SQLite reports on first use (``is_access_error``)."""
    reason = folder_unwritable(path.parent)
    if reason is None:
        # SQLite writes the -wal and -shm beside the file too: a read-only one blocks every write.
        for file in (path, *companions(path)):
            if file.exists() and not os.access(file, os.W_OK):
                return f"tệp {file} chỉ cho đọc (thuộc tính chỉ đọc hoặc không có quyền ghi)"
    return reason


def companions(path: Path) -> tuple[Path, Path]:
    """The write-ahead log and its index SQLite keeps beside a database."""
    return path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")


def sqlite_uri(absolute: PurePath) -> str:
    """A ``file:`` URI SQLite accepts for an absolute path.

    ``Path.as_uri`` writes a Windows network path as ``file://server/share/…``, an authority SQLite
    refuses (and ``resolve()`` turns a mapped drive letter into such a path): the path goes under an
    empty authority instead, ``file:////server/share/…``, ``file:///C:/…``, ``file:///home/…``."""
    text = absolute.as_posix()
    if not text.startswith("/"):
        text = "/" + text
    return "file://" + quote(text, safe="/:")


def connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write, for a database whose file or folder cannot be written.

    ``mode=ro`` first: an ordinary reader that takes part in WAL locking and reads the write-ahead log,
    so it reads consistently even while another account allowed to write there writes the file. It
    needs the -shm index beside the file, which SQLite cannot create in a read-only folder. There,
    ``immutable=1`` reads the file alone, without locks or the log. That is safe only when the file
    holds every committed change: the log is written back into the file and removed when the last
    writer closes, so no -wal file, or an empty one, means nothing is missing; and a writer needs a -wal
    file in the folder, which on a write-protected stick or read-only mount no program can make. (In a
    folder only another account may write to, that account could start writing while we read: a risk
    taken for reading, never for writing.) A -wal file with content means the program stopped while
    writing (a stick pulled out): the file alone may be old or half written back, so it is refused,
    with the way to read it — copy both files somewhere writable, where SQLite replays the log.
    """
    uri = sqlite_uri(Path(os.path.abspath(path)))
    conn = None
    try:
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=10, isolation_level=None)
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        if conn is not None:
            conn.close()
        if not is_access_error(exc):
            raise
    wal = companions(path)[0]
    if wal.exists() and wal.stat().st_size > 0:
        raise StorageError(f"Cơ sở dữ liệu {path} nằm trong thư mục chỉ cho đọc và còn những thay đổi chưa ghi hẳn "
                           f"vào tệp (tệp {wal.name} bên cạnh; chương trình đã bị tắt hoặc USB bị rút khi đang ghi). "
                           f"Không thay đổi gì. Hãy chép cả {path.name} và {wal.name} sang một thư mục ghi được rồi "
                           "mở tệp ở đó, hoặc gỡ khóa chống ghi rồi mở lại.")
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)


def remove_reader_leftovers(path: Path, existed: set[Path]) -> None:
    """After a read-only connection closed: remove the empty -wal and the -shm it made beside a read-only
    file. Left there with the file's read-only permission, they would block every write once the file's
    protection is removed."""
    wal, shm = companions(path)
    for file in (wal, shm):
        if file in existed or not file.exists() or (file == wal and file.stat().st_size > 0):
            continue
        try:
            file.unlink()
        except OSError:
            return  # the folder is read-only: nothing could have been made there


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
    reason = folder_unwritable(dest.parent)
    if reason:
        raise StorageError(f"Không ghi được bản sao lưu {dest}: {reason}. Hãy chọn chỗ khác hoặc gỡ khóa chống ghi.")
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
