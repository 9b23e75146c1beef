"""The ``Store``: one open database file and every read and write of the register.

This is the only module that writes SQL against the register. Each public write method is one
transaction (``sqlite_utils.Database.atomic``): it either happens whole — row, members, search index,
audit log and change log together — or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ngheo_desktop.criteria.vocabulary import AREAS, CLASS_ORDER, REVIEW_KINDS, poverty_rank
from ngheo_desktop.store import files
from ngheo_desktop.store.errors import (
    BackupExists,
    ConflictingCopy,
    DamagedFile,
    DatabaseBusy,
    DiskFull,
    InvalidChange,
    NewerVersion,
    NotFound,
    NotOurFile,
    ReadOnlyDatabase,
    StaleRecord,
    StorageError,
)
from ngheo_desktop.store.migrations import APPLICATION_ID, MIGRATIONS, Migration, applied_names, migration_set
from ngheo_desktop.store.models import (
    AREA_OF_KIND,
    INHERIT_AREA,
    SORT_KEYS,
    STATUS_TRANSITIONS,
    SUPPORT_KINDS,
    UNIT_KINDS,
    UNIT_LEVELS,
    Assessment,
    AuditEntry,
    Change,
    HouseholdRow,
    Round,
    RoundResult,
    Support,
    Unit,
)
from ngheo_desktop.store.search import fold_text, has_prefixes, match_expression, query_words, split_weak
from ngheo_desktop.text import nfc

if TYPE_CHECKING:
    import sqlite_utils

PAGE_SIZE = 16384
CACHE_KIB = 256 * 1024
# Search: at most this many full-text matches are ranked (bm25) per query, so that a one-letter query
# over 100,000 households stays fast; head-name prefix matches come first anyway.
SEARCH_CANDIDATES = 2000
_DEFAULT_KIND = {"province": "tinh", "commune": "xa", "village": "thon"}
_ROW_COLUMNS = ("h.id, h.rowid, h.head_name, h.village, h.village_id, h.address, h.member_count, h.class, "
                "h.status, h.record_version, h.change_seq > h.sent_seq")
_ORDER_BY = {
    "register": ("h.rowid",),
    "head_name": ("h.head_fold", "h.rowid"),
    "village": ("h.village_fold", "h.head_fold", "h.rowid"),
    "class": ("h.class_rank", "h.rowid"),
    "status": ("h.status", "h.rowid"),
}


def _parse_household(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Validate a household document before it is written (``criteria.parse_household``).

    Imported on the first write: opening a register to list its households does not load the
    questionnaire and the standards (start-up of the desktop app)."""
    from ngheo_desktop.criteria.household import parse_household

    return parse_household(dict(doc))


def _new_id() -> str:
    """A random id for a new record (``uuid`` loads ``platform``: imported with the first new record)."""
    import uuid

    return str(uuid.uuid4())


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def canonical_json(value: Any) -> str:
    """Compact JSON with sorted keys: the stored form of documents and results."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _doc_text(doc: Mapping[str, Any]) -> str:
    """A household document as stored: compact JSON in the document's own key order (sorting the keys
    would double the cost of a 100,000-household import and buys nothing: it is read back as a dict)."""
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":"))


def _pack(value: Any) -> bytes:
    # Key order is kept as produced; sorting 7 KB results costs more than compressing them.
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 1)


def _unpack(blob: bytes) -> Any:
    return json.loads(zlib.decompress(blob))


def _row_to_household_row(r: tuple) -> HouseholdRow:
    return HouseholdRow(household_id=r[0], register_no=r[1], head_name=r[2], village=r[3], village_id=r[4],
                        address=r[5], member_count=r[6], klass=r[7], status=r[8], record_version=r[9],
                        unsent=bool(r[10]))


def head_name_of(doc: Mapping[str, Any]) -> str:
    name = doc["answers"].get("head_name")
    if name:
        return name
    for m in doc["members"]:
        if m.get("relation") == "head" and m.get("full_name"):
            return m["full_name"]
    return ""


def _flatten(doc: Mapping[str, Any]) -> dict[str, Any]:
    """Field paths of a household document for the audit log; members are addressed by member_id."""
    out: dict[str, Any] = {}
    for section in ("location", "review", "answers"):
        for k, v in doc[section].items():
            out[f"{section}.{k}"] = v
    for m in doc["members"]:
        mid = m["member_id"]
        out[f"members[{mid}]"] = "present"
        for k, v in m.items():
            if k != "member_id":
                out[f"members[{mid}].{k}"] = v
    out["members.order"] = [m["member_id"] for m in doc["members"]]
    return out


def household_diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[tuple[str, Any, Any]]:
    """(field path, old value, new value) for every field that differs, ``record_version`` excluded."""
    a, b = _flatten(old), _flatten(new)
    missing = object()
    diffs = []
    for key in sorted(set(a) | set(b)):
        va, vb = a.get(key, missing), b.get(key, missing)
        if va != vb or type(va) is not type(vb):
            diffs.append((key, None if va is missing else va, None if vb is missing else vb))
    return diffs



def where_equal(**columns: Any) -> tuple[str, list[Any]]:
    """A ``WHERE`` clause matching each column given a value (None: not filtered on), with its parameters.

    Column names come from the callers' code, never from data."""
    given = {name: value for name, value in columns.items() if value is not None}
    if not given:
        return "", []
    return " WHERE " + " AND ".join(f"{name} = ?" for name in given), list(given.values())

class Store:
    """An open database file. Not thread-safe: one Store per thread (one writer, readers read-only)."""

    def __init__(self, conn: sqlite3.Connection, path: Path, read_only: bool, unwritable: str | None = None):
        self.conn = conn
        self.path = path
        self.read_only = read_only or unwritable is not None
        # Why the file cannot be written (a read-only folder or file); it is then open for reading only.
        self.unwritable = unwritable
        self.backup_taken: Path | None = None
        self._db: sqlite_utils.Database | None = None
        self._companions_before: set[Path] = set()  # the -wal and -shm already beside the file at open

    @property
    def db(self) -> sqlite_utils.Database:
        """The sqlite-utils view of the connection (transactions, migrations), made on first write."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    # ------------------------------------------------------------------ opening and closing
    @classmethod
    def open(cls, path: str | Path | None = None, *, create: bool = True, read_only: bool = False,
             quick_check: bool | None = None, migrations: list[Migration] | None = None) -> Store:
        """Open (and create or migrate) the database; refuse a foreign, newer or damaged file unchanged.

        ``path`` defaults to ``NGHEO_DB`` or the data folder. ``read_only`` opens a second connection
        for a reader thread (no migration, writes refused). ``quick_check`` defaults to on for the
        writer and off for readers: it reads the whole file (~0.7 s for 100,000 households), so a window
        can show its first page from a reader while the writer opens on a worker thread.
        ``migrations`` is for tests; the app always uses ``MIGRATIONS``.

        A file in a folder that cannot be written (a write-protected USB stick), or itself read-only, is
        opened for reading (``unwritable`` says why); every write then raises ``ReadOnlyDatabase``.
        """
        path = files.resolve_db_path(path)
        migrations = MIGRATIONS if migrations is None else migrations
        if quick_check is None:
            quick_check = not read_only
        exists = path.exists()
        if not exists and (read_only or not create):
            raise StorageError(f"Không có cơ sở dữ liệu {path}; tạo mới bằng: ngheo db init --db {path}")
        files.check_header(path)
        unwritable = files.unwritable_reason(path)
        if not exists:
            if unwritable:
                raise ReadOnlyDatabase(path, unwritable, "tạo cơ sở dữ liệu")
            path.parent.mkdir(parents=True, exist_ok=True)
        # When SQLite finds the file unwritable where os.access did not (Windows sees a write-protected
        # stick only when writing), it is the same case and is read the same way.
        attempts = [unwritable] if unwritable else [None, files.UNWRITABLE]
        for reason in attempts:
            try:
                return cls._connect(path, read_only, reason, migrations, quick_check)
            except sqlite3.DatabaseError as exc:
                if not files.is_access_error(exc):
                    raise DamagedFile(path, str(exc), files.latest_backup(path)) from None
                error = exc
        raise StorageError(f"Không mở được cơ sở dữ liệu {path}: không có quyền đọc tệp hoặc thư mục chứa nó "
                           f"({error}); không thay đổi gì.")

    @classmethod
    def _connect(cls, path: Path, read_only: bool, unwritable: str | None, migrations: list[Migration],
                 quick_check: bool) -> Store:
        existed = {f for f in files.companions(path) if f.exists()}
        conn = (files.connect_read_only(path) if unwritable
                else sqlite3.connect(path, timeout=10, isolation_level=None))
        store = cls(conn, path, read_only, unwritable)
        store._companions_before = existed
        try:
            store._prepare(migrations, quick_check)
        except BaseException:
            store.close()
            raise
        return store

    def _prepare(self, migrations: list[Migration], quick_check: bool) -> None:
        conn, path = self.conn, self.path
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            objects = conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            if files.is_access_error(exc):
                raise  # not damage: ``open`` decides
            if "not a database" in str(exc):
                raise NotOurFile(path, "không phải tệp SQLite") from None
            raise DamagedFile(path, str(exc), files.latest_backup(path)) from None
        fresh = app_id == 0 and version == 0 and objects == 0
        if not fresh and app_id != APPLICATION_ID:
            raise NotOurFile(path, "mã ứng dụng không khớp")
        known = [name for name, _ in migrations]
        if version > len(known):
            raise NewerVersion(path, version, len(known))
        if quick_check and not fresh:
            try:
                problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
            except sqlite3.DatabaseError as exc:
                if files.is_access_error(exc):
                    raise
                problems = [str(exc)]
            if problems != ["ok"]:
                raise DamagedFile(path, "; ".join(problems), files.latest_backup(path))
        applied = [] if fresh else applied_names(conn)
        if set(applied) - set(known):
            # Migrations this program does not know: written by a newer version.
            raise NewerVersion(path, max(version, len(applied)), len(known))
        if applied != known[:len(applied)] or len(applied) != version:
            raise DamagedFile(path, "lịch sử lược đồ không khớp", files.latest_backup(path))
        if self.read_only:
            if len(applied) < len(known):
                if self.unwritable:
                    raise ReadOnlyDatabase(path, self.unwritable, "nâng cấp cơ sở dữ liệu (tệp do phiên bản cũ tạo)")
                raise StorageError(f"Cơ sở dữ liệu {path} cần được nâng cấp trước; hãy mở bằng ứng dụng chính.")
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA foreign_keys = ON")
            return
        if fresh:
            # A household document is ~2 KB: with the default 4 KB pages only one row fits per page and
            # 40 % of the file is slack; 16 KB pages hold seven. Only settable before the first write.
            conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")
        if conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] != "wal":
            raise StorageError(f"Không bật được chế độ ghi nhật ký WAL cho {path}.")
        conn.execute("PRAGMA synchronous = FULL")
        # A large batch (demo, bundle import) rewrites index pages many times; when they do not fit in the
        # page cache they are spilled to the write-ahead log again and again (a 100,000-household import
        # wrote 500 MB of log with the default 2 MB cache). The cache only grows when it is used.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute("PRAGMA foreign_keys = ON")
        if len(applied) < len(known):
            if not fresh:
                self.backup_taken = self.backup_rotating("truoc-nang-cap")
            mset = migration_set(migrations)
            with self._tx("nâng cấp cơ sở dữ liệu"):
                mset.apply(self.db)
                self.db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                self.db.execute(f"PRAGMA user_version = {len(known)}")
                if fresh:
                    self._set_meta("created_at", _now())
                    self._set_meta("install_id", _new_id())

    def close(self) -> None:
        self.conn.close()
        if self.unwritable:
            files.remove_reader_leftovers(self.path, self._companions_before)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def ensure_writable(self, action: str) -> None:
        """Refuse ``action`` (a Vietnamese verb phrase) now when this store cannot write, before any
        preparation for it (a backup) is made.

        Outside a transaction the write lock is taken for a moment too: what only SQLite finds (a file it
        will not write, another program writing now) is found here, not after the backup was taken."""
        if self.unwritable:
            raise ReadOnlyDatabase(self.path, self.unwritable, action)
        if self.read_only:
            raise StorageError("Kết nối chỉ đọc không được ghi dữ liệu.")
        if self.conn.in_transaction:
            return
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("ROLLBACK")
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc, action) from None

    def _write_error(self, exc: sqlite3.OperationalError, action: str) -> StorageError:
        """SQLite's refusal of a write, as the user's reason."""
        text = str(exc)
        if files.is_access_error(exc):
            return ReadOnlyDatabase(self.path, files.unwritable_reason(self.path) or files.UNWRITABLE, action)
        if "full" in text:
            return DiskFull(action)
        if "locked" in text or "busy" in text:
            return DatabaseBusy(action)
        return StorageError(f"Lỗi cơ sở dữ liệu khi {action}: {text}")

    @contextmanager
    def _tx(self, action: str) -> Iterator[None]:
        """One transaction; SQLite failures become StorageError with a Vietnamese reason."""
        self.ensure_writable(action)
        try:
            with self.db.atomic():
                yield
        except sqlite3.OperationalError as exc:
            raise self._write_error(exc, action) from None
        except sqlite3.IntegrityError as exc:
            raise InvalidChange(f"Dữ liệu không hợp lệ khi {action}: {exc}") from None
        except sqlite3.DatabaseError as exc:
            raise DamagedFile(self.path, str(exc), files.latest_backup(self.path)) from None

    # ------------------------------------------------------------------ integrity, backups, meta
    def check(self) -> list[str]:
        """Full ``integrity_check`` and foreign-key check; an empty list means the file is sound."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check(20)")]
        out = [] if problems == ["ok"] else problems
        for table, rowid, parent, _ in self.conn.execute("PRAGMA foreign_key_check"):
            out.append(f"{table} dòng {rowid}: tham chiếu tới {parent} không tồn tại")
        return out

    def backup(self, dest: str | Path, *, overwrite: bool = False) -> Path:
        """A consistent copy of the whole database at ``dest`` (taken with SQLite's backup API). ``dest``
        may be a folder (a USB stick): the copy is then named after the database and the time. A file
        already at ``dest`` is replaced only with ``overwrite`` (else ``BackupExists``). Works on a
        database open for reading only, to another place."""
        dest = Path(dest)
        if dest.is_dir():
            dest = dest / f"{self.path.stem}-{dt.datetime.now(dt.UTC).strftime('%Y%m%dT%H%M%SZ')}.sqlite"
        own = {f.resolve() for f in (self.path, *files.companions(self.path),
                                     self.path.with_name(self.path.name + "-journal"))}
        if dest.resolve() in own:
            # Its -wal holds committed changes not yet in the file: overwriting it loses them.
            raise StorageError("Không thể sao lưu đè lên chính cơ sở dữ liệu đang mở hoặc các tệp đi kèm của nó.")
        if dest.exists() and not overwrite:
            raise BackupExists(dest)
        try:
            return files.copy_database(self.conn, dest)
        except OSError as exc:
            raise StorageError(f"Không ghi được bản sao lưu {dest}: {files.os_reason(exc)}") from None

    def backup_rotating(self, reason: str) -> Path:
        """A time-stamped backup in ``backups/`` beside the file, keeping the newest ``KEEP_BACKUPS``.

        ``reason`` is a short ASCII slug (``truoc-nhap``, ``thu-cong``) shown in the file name."""
        if self.unwritable:
            raise ReadOnlyDatabase(self.path, self.unwritable, "sao lưu tự động")
        try:
            return files.rotate_backup(self.conn, self.path, reason)
        except OSError as exc:
            raise StorageError(f"Không ghi được bản sao lưu tự động: {files.os_reason(exc)}") from None

    def _set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO meta(key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def get_meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        with self._tx("lưu cài đặt"):
            self._set_meta(key, value)

    @property
    def is_demo(self) -> bool:
        """True for a database of made-up households (the first-start demo commune)."""
        return self.get_meta("is_demo") == "1"

    def set_demo(self, flag: bool) -> None:
        self.set_meta("is_demo", "1" if flag else "0")

    # ------------------------------------------------------------------ logs
    def _log_change(self, entity: str, record_id: str, version: int, op: str, at: str) -> int:
        cur = self.db.execute("INSERT INTO changes(entity, record_id, record_version, op, at) VALUES (?,?,?,?,?)",
                              (entity, record_id, version, op, at))
        return cur.lastrowid

    def _audit(self, at: str, actor: str, entity: str, record_id: str,
               entries: Iterable[tuple[str, Any, Any]]) -> None:
        self.conn.executemany(
            "INSERT INTO audit(at, actor, entity, record_id, field, old, new) VALUES (?,?,?,?,?,?,?)",
            [(at, nfc(actor), entity, record_id, f, None if o is None else canonical_json(o),
              None if n is None else canonical_json(n)) for f, o, n in entries])

    def _touch_household(self, household_id: str, seq: int) -> None:
        self.db.execute("UPDATE households SET change_seq = ? WHERE id = ?", (seq, household_id))

    def changes_since(self, seq: int = 0, limit: int | None = None) -> list[Change]:
        """Committed changes with ``seq`` greater than the given one, oldest first."""
        sql = "SELECT seq, entity, record_id, record_version, op, at FROM changes WHERE seq > ? ORDER BY seq"
        params: tuple = (seq,)
        if limit is not None:
            sql += " LIMIT ?"
            params = (seq, limit)
        return [Change(*r) for r in self.conn.execute(sql, params)]

    def last_change_seq(self) -> int:
        return self.conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0]

    def mark_sent(self, household_ids: Iterable[str], through_seq: int) -> None:
        """Record that these households were sent up with every change up to ``through_seq``."""
        with self._tx("ghi nhận đã gửi"):
            self.conn.executemany("UPDATE households SET sent_seq = max(sent_seq, ?) WHERE id = ?",
                                  [(through_seq, hid) for hid in household_ids])

    def audit_for(self, record_id: str) -> list[AuditEntry]:
        rows = self.conn.execute("SELECT id, at, actor, entity, record_id, field, old, new FROM audit "
                                 "WHERE record_id = ? ORDER BY id", (record_id,))
        return [AuditEntry(r[0], r[1], r[2], r[3], r[4], r[5],
                           None if r[6] is None else json.loads(r[6]),
                           None if r[7] is None else json.loads(r[7])) for r in rows]

    # ------------------------------------------------------------------ administrative units
    def add_unit(self, level: str, name: str, *, actor: str, parent_id: str | None = None,
                 kind: str | None = None, area: str | None = None, region: str | None = None,
                 sort_order: int = 0, unit_id: str | None = None) -> Unit:
        """Add a province, commune/ward or village/tổ dân phố. A commune's area defaults from its kind."""
        if level not in UNIT_LEVELS:
            raise InvalidChange(f"Cấp đơn vị '{level}' không hợp lệ.")
        kind = kind or _DEFAULT_KIND[level]
        if kind not in UNIT_KINDS[level]:
            raise InvalidChange(f"Loại đơn vị '{kind}' không hợp lệ cho cấp {level}.")
        if area is None and level == "commune":
            area = AREA_OF_KIND.get(kind)
        if area is not None and area not in AREAS:
            raise InvalidChange(f"Khu vực '{area}' không hợp lệ (rural/urban).")
        name = nfc(name).strip()
        if not name:
            raise InvalidChange("Tên đơn vị không được để trống.")
        expected_parent = {"province": None, "commune": "province", "village": "commune"}[level]
        unit_id = unit_id or _new_id()
        with self._tx("thêm đơn vị hành chính"):
            if expected_parent is None:
                if parent_id is not None:
                    raise InvalidChange("Tỉnh không có đơn vị cấp trên.")
            else:
                parent = self.unit(parent_id) if parent_id else None
                if parent is None or parent.level != expected_parent:
                    raise InvalidChange(f"Đơn vị cấp {level} phải thuộc một đơn vị cấp {expected_parent}.")
            at = _now()
            self.db.execute("INSERT INTO units(id, parent_id, level, kind, name, area, region, sort_order, version, "
                            "updated_at) VALUES (?,?,?,?,?,?,?,?,1,?)",
                            (unit_id, parent_id, level, kind, name, area, region, sort_order, at))
            self._audit(at, actor, "unit", unit_id, [("$", None, {"level": level, "name": name})])
            self._log_change("unit", unit_id, 1, "create", at)
        return self.unit(unit_id)

    def unit(self, unit_id: str | None) -> Unit | None:
        row = self.conn.execute("SELECT id, parent_id, level, kind, name, area, region, sort_order, version "
                                "FROM units WHERE id = ?", (unit_id,)).fetchone()
        return Unit(*row) if row else None

    def units(self, level: str | None = None, parent_id: str | None = None) -> list[Unit]:
        """Units in display order, optionally of one level and/or under one parent."""
        where, params = where_equal(level=level, parent_id=parent_id)
        return [Unit(*r) for r in self.conn.execute(
            "SELECT id, parent_id, level, kind, name, area, region, sort_order, version FROM units"
            f"{where} ORDER BY sort_order, name", params)]

    def update_unit(self, unit_id: str, *, actor: str, name: str | None = None, area: str | None = None,
                    kind: str | None = None, region: str | None = None) -> Unit:
        """Rename a unit or change its kind, area (rural/urban, or ``INHERIT_AREA``) or region; audited."""
        with self._tx("sửa đơn vị hành chính"):
            unit = self.unit(unit_id)
            if unit is None:
                raise NotFound("đơn vị hành chính", unit_id)
            changes: dict[str, Any] = {}
            if name is not None and not nfc(name).strip():
                raise InvalidChange("Tên đơn vị hành chính không được để trống.")
            if name is not None and nfc(name).strip() != unit.name:
                changes["name"] = nfc(name).strip()
            if area == INHERIT_AREA:
                if unit.area is not None:
                    changes["area"] = None
            elif area is not None and area != unit.area:
                if area not in AREAS:
                    raise InvalidChange(f"Khu vực '{area}' không hợp lệ (rural/urban).")
                changes["area"] = area
            if kind is not None and kind != unit.kind:
                if kind not in UNIT_KINDS[unit.level]:
                    raise InvalidChange(f"Loại đơn vị '{kind}' không hợp lệ cho cấp {unit.level}.")
                changes["kind"] = kind
            if region is not None and region != unit.region:
                changes["region"] = region
            if not changes:
                return unit
            at = _now()
            sets = ", ".join(f"{k} = ?" for k in changes)
            self.db.execute(f"UPDATE units SET {sets}, version = version + 1, updated_at = ? WHERE id = ?",
                            (*changes.values(), at, unit_id))
            self._audit(at, actor, "unit", unit_id, [(k, getattr(unit, k), v) for k, v in changes.items()])
            self._log_change("unit", unit_id, unit.version + 1, "update", at)
        return self.unit(unit_id)

    def set_unit_area(self, unit_id: str, area: str, *, actor: str) -> Unit:
        return self.update_unit(unit_id, actor=actor, area=area)

    def area_of(self, unit_id: str) -> str | None:
        """The rural/urban area of a unit, inherited from the nearest unit above that has one."""
        unit = self.unit(unit_id)
        while unit is not None:
            if unit.area:
                return unit.area
            unit = self.unit(unit.parent_id) if unit.parent_id else None
        return None

    # ------------------------------------------------------------------ households: writes
    def _household_columns(self, doc: Mapping[str, Any]) -> dict[str, Any]:
        loc = doc["location"]
        head = head_name_of(doc)
        village = loc.get("village") or ""
        address = doc["answers"].get("address") or ""
        others = [m.get("full_name") or "" for m in doc["members"]]
        ids = [m["citizen_id"] for m in doc["members"] if m.get("citizen_id")]
        village_fold = fold_text(village)
        head_fold = fold_text(head)
        return {
            "village_id": loc.get("village_id"), "village": village, "village_fold": village_fold,
            "head_name": head, "head_fold": head_fold, "address": address,
            "member_count": len(doc["members"]),
            "fts": (head_fold, fold_text(" ".join(others)), " ".join(ids), fold_text(address), village_fold),
        }

    @staticmethod
    def _member_rows(doc: Mapping[str, Any]) -> list[tuple]:
        hid = doc["household_id"]
        return [(m["member_id"], hid, i, m.get("full_name"), m.get("citizen_id"), m.get("birth_date"), m.get("sex"),
                 m.get("relation")) for i, m in enumerate(doc["members"])]

    _INSERT_MEMBER = ("INSERT INTO members(member_id, household_id, position, full_name, citizen_id, birth_date, "
                      "sex, relation) VALUES (?,?,?,?,?,?,?,?)")
    _INSERT_FTS = "INSERT INTO household_fts(rowid, head, names, ids, address, village) VALUES (?,?,?,?,?,?)"
    _INSERT_HOUSEHOLD = (
        "INSERT INTO households(rowid, id, record_version, village_id, village, village_fold, head_name, head_fold, "
        "address, member_count, class, class_rank, change_seq, doc, created_at, updated_at, updated_by) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
    _INSERT_CHANGE = "INSERT INTO changes(seq, entity, record_id, record_version, op, at) VALUES (?,?,?,?,?,?)"

    def _next_ids(self) -> tuple[int, int]:
        """The next household rowid and change seq (ids are assigned here so batches can use executemany)."""
        rowid = self.conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM households").fetchone()[0]
        seq = self.conn.execute(
            "SELECT max(coalesce((SELECT max(seq) FROM changes), 0), "
            "coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0)) + 1").fetchone()[0]
        return rowid, seq

    def _ensure_units(self, docs: Iterable[Mapping[str, Any]], actor: str) -> None:
        """Create the village (and its commune and province, found by name) of households whose village
        is not in this register yet.

        Villages do not travel in bundles or files of their own; an office that starts from an empty
        register, or a laptop given households of a new village, learns them from the households'
        ``location``. Existing units are never renamed here: the office edits them.
        """
        wanted: dict[str, Mapping[str, Any]] = {}
        for doc in docs:
            loc = doc["location"]
            if loc.get("village_id"):
                wanted.setdefault(loc["village_id"], loc)
        if not wanted:
            return
        known = {r[0] for r in self.conn.execute("SELECT id FROM units WHERE level = 'village'")}
        for village_id, loc in wanted.items():
            if village_id in known:
                continue
            urban = loc.get("area") == "urban"
            province = self._unit_named("province", loc.get("province") or "(chưa rõ tỉnh)", None, actor)
            commune = self._unit_named("commune", loc.get("commune") or "(chưa rõ xã)", province, actor,
                                       kind="phuong" if urban else "xa", area=loc.get("area"),
                                       region=loc.get("region"))
            self.add_unit("village", loc.get("village") or "(chưa rõ thôn)", actor=actor, parent_id=commune,
                          kind="to_dan_pho" if urban else "thon", unit_id=village_id)

    def _unit_named(self, level: str, name: str, parent_id: str | None, actor: str, **new: Any) -> str:
        """The id of the unit of that level and name under ``parent_id``, created when there is none."""
        row = self.conn.execute("SELECT id FROM units WHERE level = ? AND name = ? AND parent_id IS ?",
                                (level, nfc(name).strip(), parent_id)).fetchone()
        if row:
            return row[0]
        return self.add_unit(level, name, actor=actor, parent_id=parent_id, **new).id

    def _insert_households(self, docs: list[Mapping[str, Any]], actor: str, at: str,
                           classes: Mapping[str, Any]) -> None:
        """Insert households known to be new, with members, search rows, audit and change log, in batch."""
        self._ensure_units(docs, actor)
        rowid, seq = self._next_ids()
        h_rows, f_rows, m_rows, a_rows, c_rows = [], [], [], [], []
        for doc in docs:
            c = self._household_columns(doc)
            hid, version = doc["household_id"], doc["record_version"]
            klass = classes.get(hid)
            h_rows.append((rowid, hid, version, c["village_id"], c["village"], c["village_fold"], c["head_name"],
                           c["head_fold"], c["address"], c["member_count"], klass, poverty_rank(klass), seq,
                           _doc_text(doc), at, at, actor))
            f_rows.append((rowid, *c["fts"]))
            m_rows.extend(self._member_rows(doc))
            a_rows.append((at, actor, "household", hid, "$", None, '"created"'))
            c_rows.append((seq, "household", hid, version, "create", at))
            rowid += 1
            seq += 1
        conn = self.conn
        conn.executemany(self._INSERT_HOUSEHOLD, h_rows)
        conn.executemany(self._INSERT_FTS, f_rows)
        conn.executemany(self._INSERT_MEMBER, m_rows)
        conn.executemany("INSERT INTO audit(at, actor, entity, record_id, field, old, new) VALUES (?,?,?,?,?,?,?)",
                         a_rows)
        conn.executemany(self._INSERT_CHANGE, c_rows)

    def _insert_household(self, doc: Mapping[str, Any], actor: str, at: str, klass: str | None) -> None:
        """Insert one new household (also used by ``store.sync_tables`` when merging a bundle)."""
        self._insert_households([doc], actor, at, {doc["household_id"]: klass})

    def _replace_household(self, rowid: int, old: Mapping[str, Any], doc: Mapping[str, Any], actor: str,
                           at: str, klass: str | None, set_class: bool) -> None:
        self._ensure_units([doc], actor)
        c = self._household_columns(doc)
        hid = doc["household_id"]
        class_sql = ", class = ?, class_rank = ?" if set_class else ""
        class_params = (klass, poverty_rank(klass)) if set_class else ()
        conn = self.conn
        conn.execute(
            "UPDATE households SET record_version = ?, village_id = ?, village = ?, village_fold = ?, head_name = ?, "
            f"head_fold = ?, address = ?, member_count = ?, doc = ?, updated_at = ?, updated_by = ?{class_sql} "
            "WHERE rowid = ?",
            (doc["record_version"], c["village_id"], c["village"], c["village_fold"], c["head_name"], c["head_fold"],
             c["address"], c["member_count"], _doc_text(doc), at, actor, *class_params, rowid))
        conn.execute("DELETE FROM household_fts WHERE rowid = ?", (rowid,))
        conn.execute(self._INSERT_FTS, (rowid, *c["fts"]))
        conn.execute("DELETE FROM members WHERE household_id = ?", (hid,))
        conn.executemany(self._INSERT_MEMBER, self._member_rows(doc))
        self._audit(at, actor, "household", hid, household_diff(old, doc))
        self._touch_household(hid, self._log_change("household", hid, doc["record_version"], "update", at))

    _KEEP = object()

    def save_household(self, doc: Mapping[str, Any], *, actor: str, klass: Any = _KEEP) -> dict[str, Any]:
        """Validate and save a household edit; returns the stored document.

        A new household is stored with the document's ``record_version`` (normally 1). An existing one
        must carry the version it was loaded at (else ``StaleRecord``) and is stored with version + 1;
        saving an unchanged document changes nothing. ``klass`` (a class id or None) sets the class shown
        in the register; omitted, the class is kept. Audit and change log are written in the same
        transaction.
        """
        doc = _parse_household(doc)
        hid = doc["household_id"]
        with self._tx("lưu hộ"):
            row = self.conn.execute("SELECT rowid, record_version, doc FROM households WHERE id = ?",
                                    (hid,)).fetchone()
            at = _now()
            if row is None:
                self._insert_households([doc], actor, at, {} if klass is self._KEEP else {hid: klass})
                return doc
            rowid, stored_version, stored_text = row
            if doc["record_version"] != stored_version:
                raise StaleRecord("Hộ", hid, doc["record_version"], stored_version)
            old = json.loads(stored_text)
            if not household_diff(old, doc):
                if klass is not self._KEEP:
                    self.db.execute("UPDATE households SET class = ?, class_rank = ? WHERE rowid = ?",
                                    (klass, poverty_rank(klass), rowid))
                return old
            doc = {**doc, "record_version": stored_version + 1}
            self._replace_household(rowid, old, doc, actor, at, None if klass is self._KEEP else klass,
                                    klass is not self._KEEP)
        return doc

    def import_household(self, doc: Mapping[str, Any], *, actor: str, klass: Any = _KEEP) -> str:
        """Store a household document from a file or bundle, keeping its ``record_version``.

        Returns ``created``, ``updated`` (the document is newer than the stored one) or ``unchanged``.
        An older or same-version document that differs from the stored one is refused (``StaleRecord``):
        merging is the sync package's job."""
        doc = _parse_household(doc)
        with self._tx("nhập hộ"):
            return self._import_one(doc, actor, klass)

    def _import_one(self, doc: dict[str, Any], actor: str, klass: Any) -> str:
        hid = doc["household_id"]
        row = self.conn.execute("SELECT rowid, record_version, doc FROM households WHERE id = ?", (hid,)).fetchone()
        at = _now()
        set_class = klass is not self._KEEP
        if row is None:
            self._insert_households([doc], actor, at, {hid: klass} if set_class else {})
            return "created"
        rowid, stored_version, stored_text = row
        old = json.loads(stored_text)
        outcome = self._import_outcome(doc, stored_version, old)
        if outcome == "updated":
            self._replace_household(rowid, old, doc, actor, at, klass if set_class else None, set_class)
        return outcome

    @staticmethod
    def _import_outcome(doc: Mapping[str, Any], stored_version: int, stored: Mapping[str, Any]) -> str:
        """``updated`` or ``unchanged`` for a document over a stored household; ``ConflictingCopy`` when it
        differs without being newer."""
        if doc["record_version"] > stored_version:
            return "updated"
        if doc["record_version"] == stored_version and not household_diff(stored, doc):
            return "unchanged"
        raise ConflictingCopy(doc["household_id"], doc["record_version"], stored_version)

    def check_import(self, docs: Iterable[Mapping[str, Any]]) -> None:
        """Raise now, writing nothing, the ``ConflictingCopy`` that importing these validated documents in
        this order would raise — so that a refused import leaves no backup behind (``truoc-nhap``)."""
        state: dict[str, tuple[int, Mapping[str, Any]] | None] = {}
        for doc in docs:
            hid = doc["household_id"]
            if hid not in state:
                row = self.conn.execute("SELECT record_version, doc FROM households WHERE id = ?", (hid,)).fetchone()
                state[hid] = (row[0], json.loads(row[1])) if row else None
            current = state[hid]
            if current is None or self._import_outcome(doc, *current) == "updated":
                state[hid] = (doc["record_version"], doc)

    def import_households(self, docs: Iterable[Mapping[str, Any]], *, actor: str,
                          classes: Mapping[str, str | None] | None = None, trusted: bool = False) -> dict[str, int]:
        """Import many documents in ONE transaction (all or nothing); counts per outcome.

        ``trusted=True`` skips validation for documents built by this program's own generators (the
        demo commune; its tests validate every generated document). ``classes`` maps household id to
        the register class. For progress and cancelling, call it per chunk inside ``transaction()``."""
        counts = {"created": 0, "updated": 0, "unchanged": 0}
        docs = [dict(raw) if trusted else _parse_household(raw) for raw in docs]
        with self._tx("nhập hộ"):
            # Households not yet in the file go in by batch; the rest one by one (version checks, diffs).
            seen: set[str] = set()
            fresh, known = [], []
            for start in range(0, len(docs), 500):
                chunk = docs[start:start + 500]
                marks = ",".join("?" * len(chunk))
                present = {r[0] for r in self.conn.execute(f"SELECT id FROM households WHERE id IN ({marks})",
                                                            [d["household_id"] for d in chunk])}
                for doc in chunk:
                    hid = doc["household_id"]
                    (known if hid in present or hid in seen else fresh).append(doc)
                    seen.add(hid)
            for start in range(0, len(fresh), 1000):
                chunk = fresh[start:start + 1000]
                self._insert_households(chunk, actor, _now(), classes or {})
                counts["created"] += len(chunk)
            for doc in known:
                klass = classes.get(doc["household_id"], self._KEEP) if classes is not None else self._KEEP
                counts[self._import_one(doc, actor, klass)] += 1
        return counts

    def set_household_classes(self, classes: Mapping[str, str | None]) -> None:
        """Set the class shown in the register for many households (one transaction, no new version)."""
        with self._tx("cập nhật phân loại"):
            self.conn.executemany("UPDATE households SET class = ?, class_rank = ? WHERE id = ?",
                                  [(k, poverty_rank(k), hid) for hid, k in classes.items()])

    # ------------------------------------------------------------------ households: reads
    def get_household(self, household_id: str) -> dict[str, Any]:
        """The stored household document (format ngheo.household v1); ``NotFound`` if absent."""
        row = self.conn.execute("SELECT doc FROM households WHERE id = ?", (household_id,)).fetchone()
        if row is None:
            raise NotFound("hộ", household_id)
        return json.loads(row[0])

    def has_household(self, household_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM households WHERE id = ?", (household_id,)).fetchone() is not None

    def household_count(self, village_id: str | None = None) -> int:
        if village_id is None:
            return self.conn.execute("SELECT count(*) FROM households").fetchone()[0]
        return self.conn.execute("SELECT count(*) FROM households WHERE village_id = ?", (village_id,)).fetchone()[0]

    def household_counts(self) -> dict[str | None, int]:
        """Households per village id (one query; None for households placed in no village)."""
        return dict(self.conn.execute("SELECT village_id, count(*) FROM households GROUP BY village_id"))

    def _order(self, sort: str, descending: bool) -> str:
        if sort not in SORT_KEYS:
            raise InvalidChange(f"Không sắp xếp được theo '{sort}'.")
        direction = " DESC" if descending else ""
        return ", ".join(col + direction for col in _ORDER_BY[sort])

    def _ids_query(self, village_id: str | None, sort: str, descending: bool) -> tuple[str, list[Any]]:
        where, params = ("WHERE h.village_id = ?", [village_id]) if village_id else ("", [])
        return f"SELECT h.id FROM households h {where} ORDER BY {self._order(sort, descending)}", params

    def household_ids(self, village_id: str | None = None, *, sort: str = "register",
                      descending: bool = False, limit: int | None = None) -> list[str]:
        """Household ids in the given order (register order by default), optionally of one village; the
        first ``limit`` only when given."""
        sql, params = self._ids_query(village_id, sort, descending)
        if limit is not None:
            sql += " LIMIT ?"
            params.append(limit)
        return [r[0] for r in self.conn.execute(sql, params)]

    def household_id_batches(self, village_id: str | None = None, *, sort: str = "register",
                             descending: bool = False, batch: int = 5000) -> Iterator[list[str]]:
        """The ids of ``household_ids``, ``batch`` at a time, for a reader that may be told to stop."""
        cursor = self.conn.execute(*self._ids_query(village_id, sort, descending))
        while rows := cursor.fetchmany(batch):
            yield [r[0] for r in rows]

    def household_page(self, offset: int = 0, limit: int = 100, *, sort: str = "register",
                       descending: bool = False, village_id: str | None = None) -> list[HouseholdRow]:
        """One page of the register table."""
        where, params = ("WHERE h.village_id = ?", [village_id]) if village_id else ("", [])
        sql = (f"SELECT {_ROW_COLUMNS} FROM households h {where} ORDER BY {self._order(sort, descending)} "
               "LIMIT ? OFFSET ?")
        return [_row_to_household_row(r) for r in self.conn.execute(sql, [*params, limit, offset])]

    def household_rows(self, household_ids: Iterable[str]) -> dict[str, HouseholdRow]:
        """Display rows for the given ids (a lazy table model fetches a screenful at a time)."""
        ids = list(household_ids)
        out: dict[str, HouseholdRow] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            for r in self.conn.execute(f"SELECT {_ROW_COLUMNS} FROM households h WHERE h.id IN ({marks})", chunk):
                out[r[0]] = _row_to_household_row(r)
        return out

    def iter_households(self, batch: int = 2000) -> Iterator[dict[str, Any]]:
        """Every stored document in register order, read in batches (reclassification, exports)."""
        last = 0
        while True:
            rows = self.conn.execute("SELECT rowid, doc FROM households WHERE rowid > ? ORDER BY rowid LIMIT ?",
                                     (last, batch)).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            for _, text in rows:
                yield json.loads(text)

    def household_classes(self) -> dict[str, str | None]:
        """Register class of every household."""
        return dict(self.conn.execute("SELECT id, class FROM households"))

    def search(self, query: str, limit: int = 50) -> list[HouseholdRow]:
        """Households matching the query, best first, for search-as-you-type.

        Case- and diacritic-insensitive (``nguyen van a`` finds ``Nguyễn Văn A``, ``d`` matches ``đ``),
        every word a prefix. Ranking: households whose head's name starts with the query (A → Z); then
        those whose village name starts with it; for a query of digits, citizen ID numbers starting with
        it; then every household with all words somewhere in member names, ID numbers, address or
        village, by relevance (bm25; head's name weighs most) among the first ``SEARCH_CANDIDATES``
        households that have the query's distinctive words — this last step only for one-word queries
        or when nothing starts with the words typed."""
        words = query_words(query)
        if not words or limit < 1:
            return []
        found: list[int] = []
        seen: set[int] = set()

        def take(rowids: Iterable[int]) -> bool:
            for r in rowids:
                if r not in seen:
                    seen.add(r)
                    found.append(r)
                    if len(found) >= limit:
                        return True
            return False

        conn = self.conn
        prefix = " ".join(words)
        # U+10FFFF sorts after every character: [prefix, prefix + max) is "starts with prefix".
        upper = prefix + "\U0010ffff"
        full = take(r[0] for r in conn.execute(
            "SELECT rowid FROM households WHERE head_fold >= ? AND head_fold < ? ORDER BY head_fold, rowid LIMIT ?",
            (prefix, upper, limit)))
        if not full:
            full = take(r[0] for r in conn.execute(
                "SELECT rowid FROM households WHERE village_fold >= ? AND village_fold < ? "
                "ORDER BY village_fold, head_fold, rowid LIMIT ?", (prefix, upper, limit)))
        if not full and len(words) == 1 and words[0].isdigit():
            take(r[0] for r in conn.execute(
                "SELECT h.rowid FROM members m JOIN households h ON h.id = m.household_id "
                "WHERE m.citizen_id >= ? AND m.citizen_id < ? ORDER BY m.citizen_id LIMIT ?",
                (words[0], words[0] + ":", limit)))
            # Every household with such a number is found above; the full-text index adds nothing.
            full = True
        # A name or village that starts with several typed words is what was meant; households that
        # merely contain those words somewhere would only bury it (and cost the most to find).
        if not full and not (found and len(words) > 1):
            strong, weak = split_weak(words)
            scored = conn.execute(
                "SELECT bm25(household_fts, 10.0, 4.0, 6.0, 2.0, 1.0), rowid FROM household_fts "
                "WHERE household_fts MATCH ? LIMIT ?", (match_expression(strong), SEARCH_CANDIDATES)).fetchall()
            # Sorted here: an ORDER BY around the limited FTS query makes SQLite score every match.
            scored.sort()
            ranked = [r for _, r in scored]
            if not weak:
                take(ranked)
            else:
                # Best first, a screenful at a time, until enough candidates also have the weak words.
                for start in range(0, len(ranked), 4 * limit):
                    chunk = ranked[start:start + 4 * limit]
                    texts = dict(conn.execute(
                        "SELECT rowid, head || ' ' || names || ' ' || ids || ' ' || address || ' ' || village "
                        f"FROM household_fts WHERE rowid IN ({','.join('?' * len(chunk))})", chunk))
                    if take(r for r in chunk if has_prefixes(texts[r], weak)):
                        break
        rows = {r[1]: r for r in conn.execute(
            f"SELECT {_ROW_COLUMNS} FROM households h WHERE h.rowid IN ({','.join('?' * len(found))})", found)}
        return [_row_to_household_row(rows[r]) for r in found]

    # ------------------------------------------------------------------ review rounds
    def create_round(self, year: int, kind: str, start_date: str, *, actor: str, title: str | None = None,
                     round_id: str | None = None) -> Round:
        """A review round: the year under review, periodic (annual) or regular (monthly), its start day.

        Only the form of the fields is checked here: rounds received from the office pass through this
        method too. Whether a clerk's new round fits the review calendar is
        ``services.register.create_round``'s business."""
        self.round_start(kind, start_date)
        title = nfc(title or f"Rà soát {'định kỳ' if kind == 'periodic' else 'thường xuyên'} năm {year}")
        round_id = round_id or _new_id()
        with self._tx("tạo đợt rà soát"):
            at = _now()
            self.db.execute("INSERT INTO rounds(id, year, kind, start_date, title, version, created_at) "
                            "VALUES (?,?,?,?,?,1,?)", (round_id, year, kind, start_date, title, at))
            self._audit(at, actor, "round", round_id, [("$", None, {"year": year, "kind": kind})])
            self._log_change("round", round_id, 1, "create", at)
        return self.round(round_id)

    @staticmethod
    def round_start(kind: str, start_date: str) -> dt.date:
        """The start day of a round of this kind, refusing an unknown kind or a day not written YYYY-MM-DD."""
        if kind not in REVIEW_KINDS:
            raise InvalidChange(f"Loại rà soát '{kind}' không hợp lệ (periodic/regular).")
        try:
            # fromisoformat also takes 20261001 or 2026-W40-4; one written form keeps rounds sortable.
            day = dt.date.fromisoformat(start_date)
            if day.isoformat() != start_date:
                raise ValueError(start_date)
        except (TypeError, ValueError):
            raise InvalidChange(f"Ngày bắt đầu '{start_date}' không hợp lệ (YYYY-MM-DD).") from None
        return day

    def round(self, round_id: str) -> Round:
        row = self.conn.execute("SELECT id, year, kind, start_date, title FROM rounds WHERE id = ?",
                                (round_id,)).fetchone()
        if row is None:
            raise NotFound("đợt rà soát", round_id)
        return Round(*row)

    def rounds(self) -> list[Round]:
        """All rounds, oldest first."""
        return [Round(*r) for r in self.conn.execute(
            "SELECT id, year, kind, start_date, title FROM rounds ORDER BY year, start_date, created_at")]

    def previous_round(self, round_id: str) -> Round | None:
        rounds = self.rounds()
        ids = [r.id for r in rounds]
        if round_id not in ids:
            raise NotFound("đợt rà soát", round_id)
        i = ids.index(round_id)
        return rounds[i - 1] if i > 0 else None

    # ------------------------------------------------------------------ assessments
    def _assessment_from_row(self, r: tuple) -> Assessment:
        return Assessment(id=r[0], household_id=r[1], round_id=r[2], household_version=r[3], status=r[4],
                          comment=r[5], klass=r[6], standard_id=r[7], standard_sha256=r[8], result=_unpack(r[9]),
                          snapshot=_unpack(r[10]), version=r[11], updated_at=r[12], updated_by=r[13])

    _ASSESSMENT_COLUMNS = ("id, household_id, round_id, household_version, status, comment, class, standard_id, "
                           "standard_sha256, result_z, snapshot_z, version, updated_at, updated_by")

    def get_assessment(self, household_id: str, round_id: str) -> Assessment | None:
        row = self.conn.execute(f"SELECT {self._ASSESSMENT_COLUMNS} FROM assessments "
                                "WHERE household_id = ? AND round_id = ?", (household_id, round_id)).fetchone()
        return self._assessment_from_row(row) if row else None

    def assessments_for(self, household_id: str) -> list[Assessment]:
        """A household's assessments, oldest round first (its history)."""
        rows = self.conn.execute(
            f"SELECT {', '.join('a.' + c.strip() for c in self._ASSESSMENT_COLUMNS.split(','))} FROM assessments a "
            "JOIN rounds r ON r.id = a.round_id WHERE a.household_id = ? ORDER BY r.year, r.start_date",
            (household_id,))
        return [self._assessment_from_row(r) for r in rows]

    def _refresh_register_class(self, household_id: str) -> None:
        self._refresh_register_classes([household_id])

    def _refresh_register_classes(self, household_ids: Iterable[str]) -> None:
        """The register shows the class and status of each household's latest assessed round."""
        rank = " ".join(f"WHEN {k!r} THEN {i}" for i, k in enumerate(CLASS_ORDER))
        self.conn.executemany(
            f"UPDATE households SET (class, class_rank, status) = (SELECT a.class, CASE a.class {rank} "
            f"ELSE {len(CLASS_ORDER)} END, a.status "
            "FROM assessments a JOIN rounds r ON r.id = a.round_id WHERE a.household_id = households.id "
            "ORDER BY r.year DESC, r.start_date DESC, r.created_at DESC LIMIT 1) WHERE id = ?",
            [(hid,) for hid in household_ids])

    def save_assessment(self, household_id: str, round_id: str, result: Mapping[str, Any], *, actor: str,
                        status: str = "draft", comment: str | None = None,
                        snapshot: Mapping[str, Any] | None = None) -> Assessment:
        """Create or update a household's assessment in a round with its classification result.

        ``result`` is the ngheo.result document of ``criteria.classify()``; ``snapshot`` is the household
        document it was computed from (default: the stored one). Status moves draft → completed →
        approved / returned (returned needs a comment); a disallowed move raises ``InvalidChange``."""
        if result.get("household_id") != household_id:
            raise InvalidChange("Kết quả phân loại không thuộc hộ này.")
        with self._tx("lưu phiếu đánh giá"):
            doc = _parse_household(snapshot) if snapshot is not None else self.get_household(household_id)
            if not self.has_household(household_id):
                raise NotFound("hộ", household_id)
            if doc["household_id"] != household_id or result.get("record_version") != doc["record_version"]:
                raise InvalidChange("Kết quả phân loại không được tính từ bản hồ sơ hộ kèm theo.")
            self.round(round_id)
            existing = self.get_assessment(household_id, round_id)
            self._check_transition(existing.status if existing else None, status, comment)
            at = _now()
            std = result["standard"]
            params = (doc["record_version"], status, nfc(comment) if comment else None, result.get("class"),
                      std["id"], std["sha256"], _pack(result), _pack(doc), at, actor)
            if existing is None:
                aid = _new_id()
                self.db.execute(
                    "INSERT INTO assessments(household_version, status, comment, class, standard_id, standard_sha256, "
                    "result_z, snapshot_z, updated_at, updated_by, id, household_id, round_id, version, created_at) "
                    "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,1,?)", (*params, aid, household_id, round_id, at))
                version, old_status, old_class = 1, None, None
            else:
                aid, version = existing.id, existing.version + 1
                self.db.execute(
                    "UPDATE assessments SET household_version = ?, status = ?, comment = ?, class = ?, "
                    "standard_id = ?, standard_sha256 = ?, result_z = ?, snapshot_z = ?, updated_at = ?, "
                    "updated_by = ?, version = version + 1 WHERE id = ?", (*params, aid))
                old_status, old_class = existing.status, existing.klass
            entries = [("status", old_status, status), ("class", old_class, result.get("class")),
                       ("comment", existing.comment if existing else None, params[2])]
            self._audit(at, actor, "assessment", aid, [e for e in entries if e[1] != e[2]])
            seq = self._log_change("assessment", aid, version, "create" if existing is None else "update", at)
            self._touch_household(household_id, seq)
            self._refresh_register_class(household_id)
        return self.get_assessment(household_id, round_id)

    @staticmethod
    def _check_transition(old: str | None, new: str, comment: str | None) -> None:
        if new not in STATUS_TRANSITIONS.get(old, set()):
            raise InvalidChange(f"Không thể chuyển phiếu từ trạng thái '{old or 'mới'}' sang '{new}'.")
        if new == "returned" and not (comment and comment.strip()):
            raise InvalidChange("Trả lại phiếu cần ghi rõ lý do.")

    def set_assessment_status(self, assessment_id: str, status: str, *, actor: str,
                              comment: str | None = None) -> Assessment:
        """Move an assessment to another status (complete, approve, return with a comment, reopen)."""
        with self._tx("đổi trạng thái phiếu"):
            row = self.conn.execute("SELECT household_id, round_id, status, comment, version FROM assessments "
                                    "WHERE id = ?", (assessment_id,)).fetchone()
            if row is None:
                raise NotFound("phiếu đánh giá", assessment_id)
            hid, rid, old, old_comment, version = row
            self._check_transition(old, status, comment)
            at = _now()
            new_comment = nfc(comment) if comment else old_comment
            self.db.execute("UPDATE assessments SET status = ?, comment = ?, version = version + 1, updated_at = ?, "
                            "updated_by = ? WHERE id = ?", (status, new_comment, at, actor, assessment_id))
            entries = [("status", old, status)]
            if new_comment != old_comment:
                entries.append(("comment", old_comment, new_comment))
            self._audit(at, actor, "assessment", assessment_id, entries)
            self._touch_household(hid, self._log_change("assessment", assessment_id, version + 1, "update", at))
            self._refresh_register_class(hid)
        return self.get_assessment(hid, rid)

    def add_assessments_bulk(self, items: Iterable[tuple[Mapping[str, Any], str, Mapping[str, Any], str, str | None]],
                             *, actor: str) -> int:
        """Store many new assessments at once: ``(snapshot document, round_id, result, status, id or None)``.

        One transaction; for generated data and imports of finished rounds (one audit entry for the
        batch, one change each). The register class follows each household's latest round."""
        at = _now()
        rows, changes, touched = [], [], {}
        with self._tx("lưu phiếu đánh giá"):
            _, seq = self._next_ids()
            for doc, round_id, result, status, aid in items:
                if status not in STATUS_TRANSITIONS:
                    raise InvalidChange(f"Trạng thái phiếu '{status}' không hợp lệ.")
                aid = aid or _new_id()
                hid = doc["household_id"]
                std = result["standard"]
                rows.append((aid, hid, round_id, doc["record_version"], status, result.get("class"), std["id"],
                             std["sha256"], _pack(result), _pack(doc), at, at, actor))
                changes.append((seq, "assessment", aid, 1, "create", at))
                touched[hid] = seq
                seq += 1
            self.conn.executemany(
                "INSERT INTO assessments(id, household_id, round_id, household_version, status, class, "
                "standard_id, standard_sha256, result_z, snapshot_z, version, created_at, updated_at, updated_by) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,1,?,?,?)", rows)
            self.conn.executemany(self._INSERT_CHANGE, changes)
            self.conn.executemany("UPDATE households SET change_seq = ? WHERE id = ?",
                                  [(s, h) for h, s in touched.items()])
            self._audit(at, actor, "round", "*", [("assessments", None, len(rows))])
            self._refresh_register_classes(touched)
        return len(rows)

    def round_results(self, round_id: str, previous_round_id: str | None = None) -> list[RoundResult]:
        """Every household assessed in the round or in the previous one, with both classes (movement).

        The previous round defaults to the one just before this round. A household assessed only in the
        previous round has ``klass``/``status`` None; one new in this round has ``previous_class`` None."""
        self.round(round_id)
        if previous_round_id is None:
            prev = self.previous_round(round_id)
            previous_round_id = prev.id if prev else None
        rows = self.conn.execute(
            "SELECT h.id, h.head_name, h.village, h.member_count, a.class, a.status, p.class, p.status, h.rowid "
            "FROM assessments a JOIN households h ON h.id = a.household_id "
            "LEFT JOIN assessments p ON p.household_id = a.household_id AND p.round_id = :prev "
            "WHERE a.round_id = :cur "
            "UNION ALL "
            "SELECT h.id, h.head_name, h.village, h.member_count, NULL, NULL, p.class, p.status, h.rowid "
            "FROM assessments p JOIN households h ON h.id = p.household_id "
            "WHERE p.round_id = :prev AND NOT EXISTS "
            "(SELECT 1 FROM assessments a WHERE a.household_id = p.household_id AND a.round_id = :cur) "
            "ORDER BY 9", {"cur": round_id, "prev": previous_round_id})
        return [RoundResult(*r[:8]) for r in rows]

    # ------------------------------------------------------------------ projections (reclassify)
    def save_projections(self, standard_id: str, standard_sha256: str,
                         rows: Iterable[tuple[str, int, str | None, int]]) -> int:
        """Replace the stored classification of every household under one standard:
        ``(household_id, household_version, class, deprivation count)`` rows, one transaction."""
        at = _now()
        with self._tx("lưu kết quả phân loại thử"):
            self.db.execute("DELETE FROM projections WHERE standard_id = ?", (standard_id,))
            cur = self.conn.executemany(
                "INSERT INTO projections(household_id, standard_id, standard_sha256, household_version, class, "
                "deprivations, computed_at) VALUES (?,?,?,?,?,?,?)",
                ((hid, standard_id, standard_sha256, ver, k, dep, at) for hid, ver, k, dep in rows))
            return cur.rowcount

    def projections(self, standard_id: str) -> dict[str, str | None]:
        """household id → class under the standard, from the last ``save_projections``."""
        return dict(self.conn.execute("SELECT household_id, class FROM projections WHERE standard_id = ?",
                                      (standard_id,)))

    # ------------------------------------------------------------------ support received
    @staticmethod
    def _check_support(kind: str, date: str, amount: int | None) -> None:
        if kind not in SUPPORT_KINDS:
            raise InvalidChange(f"Loại hỗ trợ '{kind}' không có trong danh mục.")
        try:
            dt.date.fromisoformat(date)
        except (TypeError, ValueError):
            raise InvalidChange(f"Ngày '{date}' không hợp lệ (YYYY-MM-DD).") from None
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount < 0):
            raise InvalidChange("Số tiền hỗ trợ phải là số nguyên không âm.")

    def add_support(self, household_id: str, kind: str, date: str, *, actor: str, amount: int | None = None,
                    provider: str = "", note: str = "", support_id: str | None = None) -> Support:
        """Record support a household received (loan, job information, housing, insurance card …)."""
        sid = support_id or _new_id()
        self.add_support_bulk([{"id": sid, "household_id": household_id, "kind": kind, "date": date,
                                "amount": amount, "provider": provider, "note": note}], actor=actor)
        return self.support(sid)

    def add_support_bulk(self, records: Iterable[Mapping[str, Any]], *, actor: str) -> int:
        """Record many support items in one transaction; each a mapping with ``household_id``, ``kind``,
        ``date`` and optionally ``amount``, ``provider``, ``note``, ``id``."""
        at = _now()
        rows, audits, changes, touched = [], [], [], {}
        with self._tx("lưu hỗ trợ"):
            _, seq = self._next_ids()
            for r in records:
                hid, kind, date, amount = r["household_id"], r["kind"], r["date"], r.get("amount")
                self._check_support(kind, date, amount)
                if hid not in touched and not self.has_household(hid):
                    raise NotFound("hộ", hid)
                sid = r.get("id") or _new_id()
                rows.append((sid, hid, kind, date, amount, nfc(r.get("provider") or ""), nfc(r.get("note") or ""),
                             at, at, actor))
                audits.append(("$", None, {"household_id": hid, "kind": kind}, sid))
                changes.append((seq, "support", sid, 1, "create", at))
                touched[hid] = seq
                seq += 1
            self.conn.executemany("INSERT INTO support(id, household_id, kind, date, amount, provider, note, version, "
                                  "created_at, updated_at, updated_by) VALUES (?,?,?,?,?,?,?,1,?,?,?)", rows)
            self.conn.executemany(
                "INSERT INTO audit(at, actor, entity, record_id, field, old, new) VALUES (?,?,?,?,?,?,?)",
                [(at, actor, "support", sid, f, None, canonical_json(n)) for f, _, n, sid in audits])
            self.conn.executemany(self._INSERT_CHANGE, changes)
            self.conn.executemany("UPDATE households SET change_seq = ? WHERE id = ?",
                                  [(s, h) for h, s in touched.items()])
        return len(rows)

    def support(self, support_id: str) -> Support:
        row = self.conn.execute("SELECT id, household_id, kind, date, amount, provider, note, version FROM support "
                                "WHERE id = ? AND deleted = 0", (support_id,)).fetchone()
        if row is None:
            raise NotFound("khoản hỗ trợ", support_id)
        return Support(*row)

    def support_for(self, household_id: str) -> list[Support]:
        return [Support(*r) for r in self.conn.execute(
            "SELECT id, household_id, kind, date, amount, provider, note, version FROM support "
            "WHERE household_id = ? AND deleted = 0 ORDER BY date, created_at", (household_id,))]

    def remove_support(self, support_id: str, *, actor: str) -> None:
        """Withdraw a support record entered by mistake (kept, marked deleted, so sync can pass it on)."""
        with self._tx("xóa hỗ trợ"):
            s = self.support(support_id)
            at = _now()
            self.db.execute("UPDATE support SET deleted = 1, version = version + 1, updated_at = ?, updated_by = ? "
                            "WHERE id = ?", (at, actor, support_id))
            self._audit(at, actor, "support", support_id, [("deleted", False, True)])
            self._touch_household(s.household_id, self._log_change("support", support_id, s.version + 1, "delete", at))

    # ------------------------------------------------------------------ helpers for other packages
    def transaction(self, action: str) -> Any:
        """One transaction around several store writes (nested writes become savepoints).

        ``action`` is the Vietnamese verb phrase used in error messages (``nhập gói đồng bộ``)."""
        return self._tx(action)
