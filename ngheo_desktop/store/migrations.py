"""The schema of the database file, as an ordered list of named migrations.

``MIGRATIONS`` is the whole history of the schema: ``(name, function)`` pairs applied in order when a
file is opened. The file's ``user_version`` is the number of migrations it has; each applied name is
also recorded in sqlite-utils' ``_sqlite_migrations`` table (set ``ngheo``), and a file whose recorded
names disagree with this list is refused.

Adding tables (for example the sync package's peers and receipts):

1. write ``def _m000N_xyz(db: sqlite_utils.Database) -> None`` in this module (the store package is
   the only place that holds SQL);
2. APPEND ``("000N_xyz", migrate_xyz)`` to ``MIGRATIONS`` below — never insert in the middle, rename,
   reorder or edit a migration that has shipped: files in the field already carry it;
3. inside a migration use ``db.execute(...)``, which joins the open transaction; never
   ``db.executescript`` (it COMMITs first, breaking all-or-nothing).

All pending migrations run in ONE transaction together with the new ``user_version``: a migration that
fails (disk full, a bug) or a process killed half way leaves the file at its old version, never between.
A backup is taken before migrating a file that already holds data.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from ngheo_desktop.store.sync_schema import migrate_sync

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils
    from sqlite_utils.migrations import Migrations

# "NGHE" — lets any tool see whose file this is (PRAGMA application_id).
APPLICATION_ID = 0x4E474845
MIGRATION_SET = "ngheo"

# sqlite-utils is imported only when a migration runs: reading a file (the app's first screen) does not
# pay for it and for click, dateutil and pluggy, which it pulls in (~0.15 s).
MIGRATIONS_TABLE = "_sqlite_migrations"  # sqlite_utils.migrations.Migrations.migrations_table

Migration = tuple[str, Callable[["sqlite_utils.Database"], None]]

_CORE_SQL = [
    """CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    # Province → commune/ward/special zone → village / tổ dân phố. Area (rural/urban) is a property of
    # the unit, editable by the office (domain §8: đặc khu has no settled mapping).
    """CREATE TABLE units (
        id TEXT PRIMARY KEY,
        parent_id TEXT REFERENCES units(id),
        level TEXT NOT NULL CHECK (level IN ('province', 'commune', 'village')),
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        area TEXT CHECK (area IN ('rural', 'urban')),
        region TEXT,
        sort_order INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    )""",
    "CREATE INDEX units_parent ON units(parent_id, sort_order, name)",
    # One row per household; ``doc`` is the ngheo.household document (the truth), the other columns are
    # copies for listing, sorting and search. The integer rowid is the register order.
    """CREATE TABLE households (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        record_version INTEGER NOT NULL,
        village_id TEXT,
        village TEXT NOT NULL DEFAULT '',
        village_fold TEXT NOT NULL DEFAULT '',
        head_name TEXT NOT NULL DEFAULT '',
        head_fold TEXT NOT NULL DEFAULT '',
        address TEXT NOT NULL DEFAULT '',
        member_count INTEGER NOT NULL,
        class TEXT,
        class_rank INTEGER NOT NULL DEFAULT 5,
        status TEXT,
        change_seq INTEGER NOT NULL DEFAULT 0,  -- last change touching the household or its records
        sent_seq INTEGER NOT NULL DEFAULT 0,
        doc TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
    )""",
    # One index per sort order of the register table, each ending in ``id`` so that listing 100,000 ids
    # in that order reads only the index, never the 2 KB rows.
    "CREATE INDEX households_register ON households(rowid, id)",
    "CREATE INDEX households_head ON households(head_fold, rowid, id)",
    "CREATE INDEX households_village ON households(village_id, rowid, id)",
    "CREATE INDEX households_village_sort ON households(village_fold, head_fold, rowid, id)",
    "CREATE INDEX households_class ON households(class_rank, rowid, id)",
    "CREATE INDEX households_status ON households(status, rowid, id)",
    # Members in roster order; member ids are unique within a household (checked by the rules core).
    """CREATE TABLE members (
        household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        member_id TEXT NOT NULL,
        full_name TEXT,
        citizen_id TEXT,
        birth_date TEXT,
        sex TEXT,
        relation TEXT,
        PRIMARY KEY (household_id, position)
    ) WITHOUT ROWID""",
    "CREATE INDEX members_citizen ON members(citizen_id) WHERE citizen_id IS NOT NULL",
    # Folded (lower-case, no diacritics, đ → d) text; rowid = households.rowid. Prefix indexes make
    # as-you-type queries of one to three letters cheap.
    """CREATE VIRTUAL TABLE household_fts USING fts5(
        head, names, ids, address, village, tokenize = 'unicode61', prefix = '1 2 3'
    )""",
    """CREATE TABLE rounds (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('periodic', 'regular')),
        start_date TEXT NOT NULL,
        title TEXT NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX rounds_order ON rounds(year, start_date)",
    # The answers snapshot and the result are zlib-compressed canonical JSON: a result is ~7 KB of
    # mostly repeated reasons and sources, ~3 KB compressed.
    """CREATE TABLE assessments (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        round_id TEXT NOT NULL REFERENCES rounds(id),
        household_version INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('draft', 'completed', 'approved', 'returned')),
        comment TEXT,
        class TEXT,
        standard_id TEXT NOT NULL,
        standard_sha256 TEXT NOT NULL,
        result_z BLOB NOT NULL,
        snapshot_z BLOB NOT NULL,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL,
        UNIQUE (household_id, round_id)
    )""",
    # Class and status straight from the indexes: a round's list and its movement report never read the
    # ~3 KB rows with the compressed documents.
    "CREATE INDEX assessments_round ON assessments(round_id, household_id, class, status)",
    "CREATE INDEX assessments_household ON assessments(household_id, round_id, class, status)",
    """CREATE TABLE support (
        id TEXT PRIMARY KEY,
        household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        date TEXT NOT NULL,
        amount INTEGER,
        provider TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        deleted INTEGER NOT NULL DEFAULT 0,
        version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
    )""",
    "CREATE INDEX support_household ON support(household_id, date)",
    # Classification of every household under a standard, written by ``ngheo reclassify``: the office's
    # side-by-side preview of another standard (never an official result).
    """CREATE TABLE projections (
        household_id TEXT NOT NULL REFERENCES households(id) ON DELETE CASCADE,
        standard_id TEXT NOT NULL,
        standard_sha256 TEXT NOT NULL,
        household_version INTEGER NOT NULL,
        class TEXT,
        deprivations INTEGER NOT NULL,
        computed_at TEXT NOT NULL,
        PRIMARY KEY (household_id, standard_id)
    )""",
    # Append-only: who changed which field from what to what. Personal data stays inside this file.
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        field TEXT NOT NULL,
        old TEXT,
        new TEXT
    )""",
    "CREATE INDEX audit_record ON audit(record_id, id)",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
       BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END""",
    # What changed, in commit order: sync bundles read everything after a given seq.
    """CREATE TABLE changes (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        entity TEXT NOT NULL,
        record_id TEXT NOT NULL,
        record_version INTEGER NOT NULL,
        op TEXT NOT NULL,
        at TEXT NOT NULL
    )""",
]


def _m0001_core(db: sqlite_utils.Database) -> None:
    for sql in _CORE_SQL:
        db.execute(sql)


MIGRATIONS: list[Migration] = [
    ("0001_core", _m0001_core),
    ("0002_sync", migrate_sync),  # sync bundles, review queue, receipts, village meetings (store/sync_schema.py)
]


def migration_set(migrations: list[Migration]) -> Migrations:
    """The sqlite-utils migration set for a list of (name, function) pairs, in list order."""
    from sqlite_utils.migrations import Migrations

    names = [name for name, _ in migrations]
    if len(set(names)) != len(names):
        raise ValueError("migration names must be unique")
    mset = Migrations(MIGRATION_SET)
    for name, fn in migrations:
        mset(name=name)(fn)
    return mset


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """Names of the migrations recorded in the file, in the order applied (as sqlite-utils lists them)."""
    if not conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?",
                        (MIGRATIONS_TABLE,)).fetchone():
        return []
    return [r[0] for r in conn.execute(f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid",
                                       (MIGRATION_SET,))]
