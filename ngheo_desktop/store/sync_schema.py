"""The sync tables' schema: migration ``0002_sync``, registered in ``store.migrations.MIGRATIONS``.

Kept apart from ``sync_tables`` (the queries) so the migration list can import it without a cycle.
What each table is for is described in ``store.sync_tables``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite_utils

_SQL = [
    """CREATE TABLE sync_bundles (
        file_id TEXT PRIMARY KEY,
        device_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        created TEXT NOT NULL,
        imported_at TEXT NOT NULL,
        imported_by TEXT NOT NULL,
        counts TEXT NOT NULL,
        outcome TEXT NOT NULL,
        UNIQUE (device_id, sequence)
    )""",
    """CREATE TABLE sync_applied (
        id INTEGER PRIMARY KEY,
        file_id TEXT NOT NULL REFERENCES sync_bundles(file_id),
        device_id TEXT NOT NULL,
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        base_version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        prev_version INTEGER NOT NULL,
        prev_data_z BLOB
    )""",
    "CREATE INDEX sync_applied_record ON sync_applied(record_type, record_id, id)",
    """CREATE TABLE sync_review (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('submitted', 'conflict', 'duplicate_id', 'held')),
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        other_record_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'returned', 'rejected')),
        opened_at TEXT NOT NULL,
        decided_at TEXT,
        decided_by TEXT,
        comments TEXT,
        reason TEXT,
        chosen_source TEXT
    )""",
    "CREATE UNIQUE INDEX sync_review_open ON sync_review(record_type, record_id, kind) WHERE status = 'open'",
    "CREATE INDEX sync_review_status ON sync_review(status, id)",
    "CREATE INDEX sync_review_record ON sync_review(record_type, record_id)",
    """CREATE TABLE sync_candidates (
        review_id INTEGER NOT NULL REFERENCES sync_review(id),
        source TEXT NOT NULL,
        file_id TEXT,
        version INTEGER NOT NULL,
        base_version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        changed_by TEXT NOT NULL,
        data_z BLOB,
        receipt_file_id TEXT,
        PRIMARY KEY (review_id, source)
    )""",
    """CREATE TABLE sync_files_out (
        file_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('receipt', 'assignment')),
        device_id TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        created TEXT NOT NULL,
        counts TEXT NOT NULL,
        UNIQUE (kind, device_id, sequence)
    )""",
    """CREATE TABLE sync_bundles_out (
        sequence INTEGER PRIMARY KEY,
        file_id TEXT NOT NULL UNIQUE,
        recipient TEXT NOT NULL,
        created TEXT NOT NULL,
        counts TEXT NOT NULL,
        through_change_seq INTEGER NOT NULL
    )""",
    """CREATE TABLE sync_outbox (
        record_type TEXT NOT NULL,
        record_id TEXT NOT NULL,
        base_version INTEGER NOT NULL DEFAULT 0,
        sent_version INTEGER NOT NULL DEFAULT 0,
        sent_sequence INTEGER,
        state TEXT NOT NULL DEFAULT 'new'
            CHECK (state IN ('new', 'assigned', 'sent', 'delivered', 'returned', 'rejected')),
        comments TEXT,
        reason TEXT,
        PRIMARY KEY (record_type, record_id)
    )""",
    """CREATE TABLE sync_files_in (
        file_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        sender TEXT NOT NULL,
        sequence INTEGER NOT NULL,
        imported_at TEXT NOT NULL,
        counts TEXT NOT NULL,
        UNIQUE (kind, sender, sequence)
    )""",
    """CREATE TABLE sync_meetings (
        id TEXT PRIMARY KEY,
        round_id TEXT NOT NULL REFERENCES rounds(id),
        village_id TEXT,
        village TEXT NOT NULL,
        held_on TEXT NOT NULL,
        attendance INTEGER NOT NULL CHECK (attendance > 0),
        chair TEXT NOT NULL,
        secretary TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL
    )""",
    """CREATE TABLE sync_meeting_votes (
        meeting_id TEXT NOT NULL REFERENCES sync_meetings(id),
        household_id TEXT NOT NULL REFERENCES households(id),
        agree INTEGER NOT NULL CHECK (agree >= 0),
        outcome TEXT NOT NULL CHECK (outcome IN ('agreed', 'resurvey')),
        PRIMARY KEY (meeting_id, household_id)
    )""",
    """CREATE TABLE sync_recognitions (
        round_id TEXT PRIMARY KEY REFERENCES rounds(id),
        recognized_on TEXT NOT NULL,
        chair TEXT NOT NULL,
        decision_no TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        recorded_by TEXT NOT NULL
    )""",
]


def migrate_sync(db: sqlite_utils.Database) -> None:
    for sql in _SQL:
        db.execute(sql)
