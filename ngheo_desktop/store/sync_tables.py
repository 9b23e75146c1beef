"""The database side of sync: what was sent and received, the review queue, receipts and village meetings.

The tables are created by migration ``0002_sync`` (``store.sync_schema``). Every function here takes an open
``Store`` and runs inside the caller's transaction (``store.transaction(...)``) when it writes, so a whole
bundle is merged or none of it. The sync package decides *what* to do (verify, parse, merge rules in
``services.sync``); this module only reads and writes rows.

Tables
------
Office: ``sync_bundles`` (every bundle imported, unique per device and sequence), ``sync_applied`` (each
record version merged from a bundle with the version it replaced, so a later conflict can go back to
the common base), ``sync_review`` + ``sync_candidates`` (the review queue: one open item per record and
kind, one candidate version per device), ``sync_files_out`` (receipts and assignments sent),
``sync_meetings`` + ``sync_meeting_votes`` (village meetings), ``sync_recognitions`` (the chair's
recognition that closes a round).

Field laptop: ``sync_bundles_out`` (bundles exported), ``sync_outbox`` (per record: the version the
office is known to hold, what was sent, and the office's answer with comments), ``sync_files_in``
(receipts and assignments imported).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ngheo_desktop.store.store import Store, _now, canonical_json, where_equal


def _z(value: Any) -> bytes:
    return zlib.compress(canonical_json(value).encode("utf-8"), 1)


def _unz(blob: bytes | None) -> Any:
    return None if blob is None else json.loads(zlib.decompress(blob))


# ---------------------------------------------------------------------------------------------- office

def bundle_imported(store: Store, file_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sync_bundles WHERE file_id = ?", (file_id,)).fetchone() is not None


def bundle_at(store: Store, device_id: str, sequence: int) -> str | None:
    row = store.conn.execute("SELECT file_id FROM sync_bundles WHERE device_id = ? AND sequence = ?",
                             (device_id, sequence)).fetchone()
    return row[0] if row else None


def last_sequence(store: Store, device_id: str) -> int:
    return store.conn.execute("SELECT coalesce(max(sequence), 0) FROM sync_bundles WHERE device_id = ?",
                              (device_id,)).fetchone()[0]


def device_sequences(store: Store) -> dict[str, tuple[int, int, str]]:
    """device id → (bundles imported, highest sequence, last import time)."""
    return {r[0]: (r[1], r[2], r[3]) for r in store.conn.execute(
        "SELECT device_id, count(*), max(sequence), max(imported_at) FROM sync_bundles GROUP BY device_id")}


def record_bundle(store: Store, file_id: str, device_id: str, sequence: int, created: str, actor: str,
                  counts: dict, outcome: dict) -> None:
    store.db.execute("INSERT INTO sync_bundles(file_id, device_id, sequence, created, imported_at, imported_by, "
                     "counts, outcome) VALUES (?,?,?,?,?,?,?,?)",
                     (file_id, device_id, sequence, created, _now(), actor, canonical_json(counts),
                      canonical_json(outcome)))


def set_bundle_outcome(store: Store, file_id: str, outcome: dict) -> None:
    store.db.execute("UPDATE sync_bundles SET outcome = ? WHERE file_id = ?", (canonical_json(outcome), file_id))


@dataclass(frozen=True)
class Current:
    """This installation's copy of a record: version and data (None when it does not have it)."""

    version: int
    data: dict[str, Any] | None
    changed_at: str = ""
    changed_by: str = ""


ABSENT = Current(0, None)


def current_household(store: Store, household_id: str) -> Current:
    row = store.conn.execute("SELECT record_version, doc, updated_at, updated_by FROM households WHERE id = ?",
                             (household_id,)).fetchone()
    return Current(row[0], json.loads(row[1]), row[2], row[3]) if row else ABSENT


_ASSESSMENT_SELECT = ("SELECT a.version, a.household_id, a.round_id, a.household_version, a.status, a.comment, "
                      "a.class, a.standard_id, a.standard_sha256, a.result_z, a.snapshot_z, a.updated_at, "
                      "a.updated_by, r.year, r.kind, r.start_date, r.title "
                      "FROM assessments a JOIN rounds r ON r.id = a.round_id WHERE a.id = ?")


def current_assessment(store: Store, assessment_id: str) -> Current:
    r = store.conn.execute(_ASSESSMENT_SELECT, (assessment_id,)).fetchone()
    if r is None:
        return ABSENT
    data = {"household_id": r[1], "household_version": r[3], "status": r[4], "comment": r[5], "class": r[6],
            "standard_id": r[7], "standard_sha256": r[8], "result": _unz(r[9]), "snapshot": _unz(r[10]),
            "round": {"id": r[2], "year": r[13], "kind": r[14], "start_date": r[15], "title": r[16]}}
    return Current(r[0], data, r[11], r[12])


def current_support(store: Store, support_id: str) -> Current:
    r = store.conn.execute("SELECT version, household_id, kind, date, amount, provider, note, deleted, updated_at, "
                           "updated_by FROM support WHERE id = ?", (support_id,)).fetchone()
    if r is None:
        return ABSENT
    return Current(r[0], {"household_id": r[1], "kind": r[2], "date": r[3], "amount": r[4], "provider": r[5],
                          "note": r[6], "deleted": bool(r[7])}, r[8], r[9])


CURRENT = {"household": current_household, "assessment": current_assessment, "support": current_support}


def write_household(store: Store, doc: dict[str, Any], actor: str) -> None:
    """Store a household document exactly as given (its version included), with members, search index,
    audit and change log — the store's own row writers, so the register stays consistent."""
    row = store.conn.execute("SELECT rowid, doc FROM households WHERE id = ?", (doc["household_id"],)).fetchone()
    at = _now()
    if row is None:
        store._insert_household(doc, actor, at, None)
    else:
        store._replace_household(row[0], json.loads(row[1]), doc, actor, at, None, False)


def add_new_households(store: Store, records: list[tuple[dict[str, Any], int, str, str, str]], device: str,
                       file_id: str, actor: str) -> None:
    """Households the office has never seen, in batch: the register rows (store's batch writer), the merge
    history and one submission per household in the review queue.

    ``records``: (document, base version, content hash, changed at, changed by) each."""
    at = _now()
    store._insert_households([doc for doc, *_ in records], actor, at, {})
    conn = store.conn
    conn.executemany("INSERT INTO sync_applied(file_id, device_id, record_type, record_id, version, base_version, "
                     "hash, changed_at, changed_by, prev_version, prev_data_z) "
                     "VALUES (?,?,'household',?,?,?,?,?,?,0,NULL)",
                     [(file_id, device, doc["household_id"], doc["record_version"], base, h, c_at, c_by)
                      for doc, base, h, c_at, c_by in records])
    conn.executemany("INSERT INTO sync_review(kind, record_type, record_id, opened_at) "
                     "VALUES ('submitted', 'household', ?, ?)", [(doc["household_id"], at) for doc, *_ in records])
    conn.executemany("INSERT INTO sync_candidates(review_id, source, file_id, version, base_version, hash, changed_at, "
                     "changed_by, data_z) SELECT id, ?, ?, ?, ?, ?, ?, ?, NULL FROM sync_review "
                     "WHERE kind = 'submitted' AND record_type = 'household' AND record_id = ? AND status = 'open'",
                     [(device, file_id, doc["record_version"], base, h, c_at, c_by, doc["household_id"])
                      for doc, base, h, c_at, c_by in records])


def write_assessment(store: Store, assessment_id: str, version: int, data: dict[str, Any], actor: str) -> None:
    rnd = data["round"]
    if store.conn.execute("SELECT 1 FROM rounds WHERE id = ?", (rnd["id"],)).fetchone() is None:
        store.create_round(rnd["year"], rnd["kind"], rnd["start_date"], actor=actor, title=rnd["title"],
                           round_id=rnd["id"])
    at = _now()
    params = (data["household_id"], rnd["id"], data["household_version"], data["status"], data["comment"],
              data["class"], data["standard_id"], data["standard_sha256"], _z(data["result"]), _z(data["snapshot"]),
              version, at, actor)
    exists = store.conn.execute("SELECT 1 FROM assessments WHERE id = ?", (assessment_id,)).fetchone()
    if exists:
        store.db.execute("UPDATE assessments SET household_id = ?, round_id = ?, household_version = ?, status = ?, "
                         "comment = ?, class = ?, standard_id = ?, standard_sha256 = ?, result_z = ?, snapshot_z = ?, "
                         "version = ?, updated_at = ?, updated_by = ? WHERE id = ?", (*params, assessment_id))
    else:
        store.db.execute("INSERT INTO assessments(household_id, round_id, household_version, status, comment, class, "
                         "standard_id, standard_sha256, result_z, snapshot_z, version, updated_at, updated_by, id, "
                         "created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", (*params, assessment_id, at))
    store._audit(at, actor, "assessment", assessment_id, [("status", None, data["status"])])
    seq = store._log_change("assessment", assessment_id, version, "update" if exists else "create", at)
    store._touch_household(data["household_id"], seq)
    store._refresh_register_class(data["household_id"])


def write_support(store: Store, support_id: str, version: int, data: dict[str, Any], actor: str) -> None:
    at = _now()
    params = (data["household_id"], data["kind"], data["date"], data["amount"], data["provider"], data["note"],
              int(bool(data["deleted"])), version, at, actor)
    exists = store.conn.execute("SELECT 1 FROM support WHERE id = ?", (support_id,)).fetchone()
    if exists:
        store.db.execute("UPDATE support SET household_id = ?, kind = ?, date = ?, amount = ?, provider = ?, "
                         "note = ?, deleted = ?, version = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                         (*params, support_id))
    else:
        store.db.execute("INSERT INTO support(household_id, kind, date, amount, provider, note, deleted, version, "
                         "updated_at, updated_by, id, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                         (*params, support_id, at))
    store._audit(at, actor, "support", support_id, [("$", None, {"kind": data["kind"], "date": data["date"]})])
    seq = store._log_change("support", support_id, version, "update" if exists else "create", at)
    store._touch_household(data["household_id"], seq)


def write_record(store: Store, record_type: str, record_id: str, version: int, data: dict[str, Any],
                 actor: str) -> None:
    if record_type == "household":
        write_household(store, data, actor)
    elif record_type == "assessment":
        write_assessment(store, record_id, version, data, actor)
    else:
        write_support(store, record_id, version, data, actor)


@dataclass(frozen=True)
class Applied:
    """A record version merged from a bundle, and the version it replaced."""

    file_id: str
    device_id: str
    version: int
    base_version: int
    hash: str
    changed_at: str
    changed_by: str
    prev_version: int
    prev_data: dict[str, Any] | None


_APPLIED_COLUMNS = ("file_id, device_id, version, base_version, hash, changed_at, changed_by, prev_version, "
                    "prev_data_z")


def _applied(r: tuple | None) -> Applied | None:
    return Applied(*r[:8], _unz(r[8])) if r else None


def last_applied(store: Store, record_type: str, record_id: str) -> Applied | None:
    return _applied(store.conn.execute(f"SELECT {_APPLIED_COLUMNS} FROM sync_applied "
                                       "WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
                                       (record_type, record_id)).fetchone())


def applied_with_base(store: Store, record_type: str, record_id: str, base_version: int) -> Applied | None:
    """The merge that replaced ``base_version`` of this record: it holds the base's data."""
    return _applied(store.conn.execute(f"SELECT {_APPLIED_COLUMNS} FROM sync_applied "
                                       "WHERE record_type = ? AND record_id = ? AND prev_version = ? "
                                       "ORDER BY id LIMIT 1", (record_type, record_id, base_version)).fetchone())


def record_applied(store: Store, file_id: str, device_id: str, record_type: str, record_id: str, version: int,
                   base_version: int, content_hash: str, changed_at: str, changed_by: str, prev: Current) -> None:
    store.db.execute("INSERT INTO sync_applied(file_id, device_id, record_type, record_id, version, base_version, "
                     "hash, changed_at, changed_by, prev_version, prev_data_z) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                     (file_id, device_id, record_type, record_id, version, base_version, content_hash, changed_at,
                      changed_by, prev.version, None if prev.data is None else _z(prev.data)))


def open_review(store: Store, record_type: str, record_id: str, kind: str) -> int | None:
    r = store.conn.execute("SELECT id FROM sync_review WHERE record_type = ? AND record_id = ? AND kind = ? "
                           "AND status = 'open'", (record_type, record_id, kind)).fetchone()
    return r[0] if r else None


def ensure_review(store: Store, record_type: str, record_id: str, kind: str,
                  other_record_id: str | None = None) -> int:
    existing = open_review(store, record_type, record_id, kind)
    if existing is not None:
        return existing
    cur = store.db.execute("INSERT INTO sync_review(kind, record_type, record_id, other_record_id, opened_at) "
                           "VALUES (?,?,?,?,?)", (kind, record_type, record_id, other_record_id, _now()))
    return cur.lastrowid


def drop_review(store: Store, review_id: int) -> None:
    """Remove an open item whose versions moved into another item (a submission that became a conflict)."""
    store.db.execute("DELETE FROM sync_candidates WHERE review_id = ?", (review_id,))
    store.db.execute("DELETE FROM sync_review WHERE id = ? AND status = 'open'", (review_id,))


def put_candidate(store: Store, review_id: int, source: str, file_id: str | None, version: int,
                  base_version: int, content_hash: str, changed_at: str, changed_by: str,
                  data: dict[str, Any] | None) -> None:
    """One version per source (device id, or ``office``) in a review item; a newer one replaces it.

    ``data`` is None when the version is the one in the register (a submission awaiting approval)."""
    store.db.execute("INSERT INTO sync_candidates(review_id, source, file_id, version, base_version, hash, "
                     "changed_at, changed_by, data_z) VALUES (?,?,?,?,?,?,?,?,?) "
                     "ON CONFLICT(review_id, source) DO UPDATE SET file_id = excluded.file_id, "
                     "version = excluded.version, base_version = excluded.base_version, hash = excluded.hash, "
                     "changed_at = excluded.changed_at, changed_by = excluded.changed_by, data_z = excluded.data_z "
                     "WHERE excluded.version >= sync_candidates.version",
                     (review_id, source, file_id, version, base_version, content_hash, changed_at, changed_by,
                      None if data is None else _z(data)))


def decided_version(store: Store, record_type: str, record_id: str, source: str) -> int:
    """The highest version from this source that a reviewer has already decided on (0 if none)."""
    return store.conn.execute(
        "SELECT coalesce(max(c.version), 0) FROM sync_candidates c JOIN sync_review v ON v.id = c.review_id "
        "WHERE v.record_type = ? AND v.record_id = ? AND v.status != 'open' AND c.source = ?",
        (record_type, record_id, source)).fetchone()[0]


def _chunks(values: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(values), size):
        yield values[start:start + size]


def known_records(store: Store, record_type: str, ids: Iterable[str]) -> set[str]:
    """Ids the office already has, or has any sync history for (merged, queued or decided)."""
    table = {"household": "households", "assessment": "assessments", "support": "support"}[record_type]
    found: set[str] = set()
    for chunk in _chunks(list(ids)):
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in store.conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", chunk))
        found.update(r[0] for r in store.conn.execute(
            f"SELECT record_id FROM sync_applied WHERE record_type = ? AND record_id IN ({marks}) UNION "
            f"SELECT record_id FROM sync_review WHERE record_type = ? AND record_id IN ({marks})",
            (record_type, *chunk, record_type, *chunk)))
    return found


def citizen_id_holders(store: Store, citizen_ids: Iterable[str]) -> dict[str, set[str]]:
    """citizen id → the households in the register holding it, for ids held by more than one."""
    holders: dict[str, set[str]] = {}
    for chunk in _chunks(sorted(citizen_ids)):
        marks = ",".join("?" * len(chunk))
        for cid, hid in store.conn.execute(
                f"SELECT citizen_id, household_id FROM members WHERE citizen_id IN ({marks})", chunk):
            holders.setdefault(cid, set()).add(hid)
    return {cid: hids for cid, hids in holders.items() if len(hids) > 1}


def pair_decided(store: Store, first: str, second: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sync_review WHERE record_type = 'household' AND record_id = ? "
                              "AND kind = 'duplicate_id' AND other_record_id = ? AND status != 'open'",
                              (first, second)).fetchone() is not None


@dataclass(frozen=True)
class Candidate:
    source: str
    file_id: str | None
    version: int
    base_version: int
    hash: str
    changed_at: str
    changed_by: str
    data: dict[str, Any] | None  # None: the version in the register (a submission awaiting approval)


@dataclass(frozen=True)
class ReviewItem:
    id: int
    kind: str
    record_type: str
    record_id: str
    other_record_id: str | None
    status: str
    opened_at: str
    decided_at: str | None
    decided_by: str | None
    comments: dict[str, str]
    reason: str | None
    chosen_source: str | None
    candidates: tuple[Candidate, ...]


_REVIEW_COLUMNS = ("id, kind, record_type, record_id, other_record_id, status, opened_at, decided_at, decided_by, "
                   "comments, reason, chosen_source")


def _review_from_row(store: Store, r: tuple) -> ReviewItem:
    cands = tuple(Candidate(c[0], c[1], c[2], c[3], c[4], c[5], c[6], _unz(c[7])) for c in store.conn.execute(
        "SELECT source, file_id, version, base_version, hash, changed_at, changed_by, data_z FROM sync_candidates "
        "WHERE review_id = ? ORDER BY source", (r[0],)))
    return ReviewItem(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], json.loads(r[9]) if r[9] else {},
                      r[10], r[11], cands)


def review_items(store: Store, status: str | None = "open", record_id: str | None = None) -> list[ReviewItem]:
    sql = f"SELECT {_REVIEW_COLUMNS} FROM sync_review WHERE 1=1"
    params: list[Any] = []
    if status is not None:
        sql += " AND status = ?"
        params.append(status)
    if record_id is not None:
        sql += " AND (record_id = ? OR other_record_id = ?)"
        params += [record_id, record_id]
    return [_review_from_row(store, r) for r in store.conn.execute(sql + " ORDER BY id", params)]


def review_item(store: Store, review_id: int) -> ReviewItem | None:
    r = store.conn.execute(f"SELECT {_REVIEW_COLUMNS} FROM sync_review WHERE id = ?", (review_id,)).fetchone()
    return _review_from_row(store, r) if r else None


def decide_review(store: Store, review_id: int, status: str, actor: str, comments: dict[str, str] | None = None,
                  reason: str | None = None, chosen_source: str | None = None) -> None:
    store.db.execute("UPDATE sync_review SET status = ?, decided_at = ?, decided_by = ?, comments = ?, reason = ?, "
                     "chosen_source = ? WHERE id = ? AND status = 'open'",
                     (status, _now(), actor, canonical_json(comments) if comments else None, reason, chosen_source,
                      review_id))
    store._audit(_now(), actor, "review", str(review_id), [("status", "open", status)])


def decided_for_receipt(store: Store, device_id: str, *, again: bool = False) -> list[tuple[ReviewItem, Candidate]]:
    """Decided review items whose candidate from this device has not yet gone out in a receipt (``again``:
    also those that have, for a laptop that never got its receipt)."""
    out = []
    not_sent = "" if again else " AND c.receipt_file_id IS NULL"
    for r in store.conn.execute(
            f"SELECT {', '.join('v.' + c.strip() for c in _REVIEW_COLUMNS.split(','))} FROM sync_review v "
            "WHERE v.status != 'open' AND EXISTS (SELECT 1 FROM sync_candidates c "
            f"WHERE c.review_id = v.id AND c.source = ?{not_sent}) ORDER BY v.id", (device_id,)):
        item = _review_from_row(store, r)
        out.append((item, next(c for c in item.candidates if c.source == device_id)))
    return out


def record_file_out(store: Store, kind: str, file_id: str, device_id: str, sequence: int, counts: dict,
                    review_ids: Iterable[int] = ()) -> None:
    """A receipt or assignment sent to a laptop; a receipt marks the review items it answered."""
    store.db.execute("INSERT INTO sync_files_out(file_id, kind, device_id, sequence, created, counts) "
                     "VALUES (?,?,?,?,?,?)", (file_id, kind, device_id, sequence, _now(), canonical_json(counts)))
    store.conn.executemany("UPDATE sync_candidates SET receipt_file_id = ? WHERE review_id = ? AND source = ?",
                           [(file_id, rid, device_id) for rid in review_ids])


def last_file_out(store: Store, kind: str, device_id: str) -> int:
    return store.conn.execute("SELECT coalesce(max(sequence), 0) FROM sync_files_out WHERE kind = ? AND device_id = ?",
                              (kind, device_id)).fetchone()[0]


# ------------------------------------------------------------------------------------- village meeting

@dataclass(frozen=True)
class MeetingVote:
    household_id: str
    head_name: str
    agree: int
    share: float
    outcome: str


@dataclass(frozen=True)
class Meeting:
    """A village meeting (họp dân) with its votes: what the minutes (biên bản) print."""

    id: str
    round_id: str
    village_id: str | None
    village: str
    held_on: str
    attendance: int
    chair: str
    secretary: str
    votes: tuple[MeetingVote, ...]


def add_meeting(store: Store, meeting_id: str, round_id: str, village_id: str | None, village: str, held_on: str,
                attendance: int, chair: str, secretary: str, actor: str) -> None:
    store.db.execute("INSERT INTO sync_meetings(id, round_id, village_id, village, held_on, attendance, chair, "
                     "secretary, created_at, created_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
                     (meeting_id, round_id, village_id, village, held_on, attendance, chair, secretary, _now(),
                      actor))


def add_vote(store: Store, meeting_id: str, household_id: str, agree: int, outcome: str) -> None:
    store.db.execute("INSERT INTO sync_meeting_votes(meeting_id, household_id, agree, outcome) VALUES (?,?,?,?) "
                     "ON CONFLICT(meeting_id, household_id) DO UPDATE SET agree = excluded.agree, "
                     "outcome = excluded.outcome", (meeting_id, household_id, agree, outcome))


def meeting(store: Store, meeting_id: str) -> Meeting | None:
    r = store.conn.execute("SELECT id, round_id, village_id, village, held_on, attendance, chair, secretary "
                           "FROM sync_meetings WHERE id = ?", (meeting_id,)).fetchone()
    if r is None:
        return None
    votes = tuple(MeetingVote(v[0], v[1], v[2], v[2] / r[5], v[3]) for v in store.conn.execute(
        "SELECT v.household_id, h.head_name, v.agree, v.outcome FROM sync_meeting_votes v "
        "JOIN households h ON h.id = v.household_id WHERE v.meeting_id = ? ORDER BY h.rowid", (meeting_id,)))
    return Meeting(*r, votes=votes)


def meetings(store: Store, round_id: str) -> list[Meeting]:
    ids = [r[0] for r in store.conn.execute("SELECT id FROM sync_meetings WHERE round_id = ? ORDER BY held_on, id",
                                            (round_id,))]
    return [m for m in (meeting(store, i) for i in ids) if m is not None]


def recognition(store: Store, round_id: str) -> tuple[str, str, str] | None:
    """(recognized_on, chair, decision number) once the round is closed."""
    r = store.conn.execute("SELECT recognized_on, chair, decision_no FROM sync_recognitions WHERE round_id = ?",
                           (round_id,)).fetchone()
    return (r[0], r[1], r[2]) if r else None


def add_recognition(store: Store, round_id: str, recognized_on: str, chair: str, decision_no: str,
                    actor: str) -> None:
    store.db.execute("INSERT INTO sync_recognitions(round_id, recognized_on, chair, decision_no, recorded_at, "
                     "recorded_by) VALUES (?,?,?,?,?,?)", (round_id, recognized_on, chair, decision_no, _now(), actor))


# ---------------------------------------------------------------------------------------- field laptop

@dataclass(frozen=True)
class OutboxEntry:
    record_type: str
    record_id: str
    base_version: int
    sent_version: int
    sent_sequence: int | None
    state: str
    comments: dict[str, str]
    reason: str | None


def outbox(store: Store, record_type: str | None = None, record_id: str | None = None) -> list[OutboxEntry]:
    where, params = where_equal(record_type=record_type, record_id=record_id)
    sql = ("SELECT record_type, record_id, base_version, sent_version, sent_sequence, state, comments, reason "
           f"FROM sync_outbox{where}")
    return [OutboxEntry(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]) if r[6] else {}, r[7])
            for r in store.conn.execute(sql + " ORDER BY record_type, record_id", params)]


def unsent_records(store: Store) -> list[tuple[str, str, int, int]]:
    """(type, id, version, base version) of every record the office has not confirmed at its version."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT 'household', h.id, h.record_version, coalesce(o.base_version, 0) FROM households h "
        "LEFT JOIN sync_outbox o ON o.record_type = 'household' AND o.record_id = h.id "
        "WHERE o.record_id IS NULL OR h.record_version > o.base_version "
        "UNION ALL SELECT 'assessment', a.id, a.version, coalesce(o.base_version, 0) FROM assessments a "
        "LEFT JOIN sync_outbox o ON o.record_type = 'assessment' AND o.record_id = a.id "
        "WHERE o.record_id IS NULL OR a.version > o.base_version "
        "UNION ALL SELECT 'support', s.id, s.version, coalesce(o.base_version, 0) FROM support s "
        "LEFT JOIN sync_outbox o ON o.record_type = 'support' AND o.record_id = s.id "
        "WHERE o.record_id IS NULL OR s.version > o.base_version")]


def mark_bundle_out(store: Store, sequence: int, file_id: str, recipient: str, counts: dict,
                    through_change_seq: int, sent: Iterable[tuple[str, str, int]]) -> None:
    store.db.execute("INSERT INTO sync_bundles_out(sequence, file_id, recipient, created, counts, through_change_seq) "
                     "VALUES (?,?,?,?,?,?)", (sequence, file_id, recipient, _now(), canonical_json(counts),
                                              through_change_seq))
    store.conn.executemany(
        "INSERT INTO sync_outbox(record_type, record_id, sent_version, sent_sequence, state) VALUES (?,?,?,?,'sent') "
        "ON CONFLICT(record_type, record_id) DO UPDATE SET sent_version = excluded.sent_version, "
        "sent_sequence = excluded.sent_sequence, state = 'sent'",
        [(t, i, v, sequence) for t, i, v in sent])


def last_bundle_out(store: Store) -> int:
    return store.conn.execute("SELECT coalesce(max(sequence), 0) FROM sync_bundles_out").fetchone()[0]


def set_outbox_answer(store: Store, record_type: str, record_id: str, version: int, state: str,
                      comments: dict[str, str] | None, reason: str | None) -> None:
    """The office's answer from a receipt. The answered version is not sent again and a later edit starts
    from it; a rejected version stops travelling until the surveyor edits the record again."""
    store.db.execute(
        "INSERT INTO sync_outbox(record_type, record_id, base_version, sent_version, state, comments, reason) "
        "VALUES (?,?,?,?,?,?,?) ON CONFLICT(record_type, record_id) DO UPDATE SET "
        "base_version = max(sync_outbox.base_version, excluded.base_version), state = excluded.state, "
        "comments = excluded.comments, reason = excluded.reason",
        (record_type, record_id, version, version, state,
         canonical_json(comments) if comments else None, reason))


def confirm_sent_dependents(store: Store, household_id: str) -> None:
    """The sent versions of a household's assessments and support records are now held by the office."""
    store.db.execute(
        "UPDATE sync_outbox SET base_version = max(base_version, sent_version), state = 'delivered' "
        "WHERE state = 'sent' AND ((record_type = 'assessment' AND record_id IN "
        "(SELECT id FROM assessments WHERE household_id = ?)) OR (record_type = 'support' AND record_id IN "
        "(SELECT id FROM support WHERE household_id = ?)))", (household_id, household_id))


def settle_confirmed_households(store: Store) -> None:
    """Households the office has confirmed at their current version are not waiting to be sent (the
    register's ● mark); an earlier version left the mark on households it brought in by assignment."""
    store.db.execute(
        "UPDATE households SET sent_seq = change_seq WHERE sent_seq < change_seq AND EXISTS (SELECT 1 FROM "
        "sync_outbox o WHERE o.record_type = 'household' AND o.record_id = households.id "
        "AND o.base_version >= households.record_version)")


def set_outbox_assigned(store: Store, household_id: str, version: int) -> None:
    store.db.execute(
        "INSERT INTO sync_outbox(record_type, record_id, base_version, state) VALUES ('household', ?, ?, 'assigned') "
        "ON CONFLICT(record_type, record_id) DO UPDATE SET base_version = max(base_version, excluded.base_version)",
        (household_id, version))


def file_in_seen(store: Store, file_id: str) -> bool:
    return store.conn.execute("SELECT 1 FROM sync_files_in WHERE file_id = ?", (file_id,)).fetchone() is not None


def file_in_at(store: Store, kind: str, sender: str, sequence: int) -> str | None:
    r = store.conn.execute("SELECT file_id FROM sync_files_in WHERE kind = ? AND sender = ? AND sequence = ?",
                           (kind, sender, sequence)).fetchone()
    return r[0] if r else None


def last_file_in_sequence(store: Store, kind: str, sender: str) -> int:
    """The highest sequence number of the files of this kind imported from this sender (0 for none)."""
    row = store.conn.execute("SELECT max(sequence) FROM sync_files_in WHERE kind = ? AND sender = ?",
                             (kind, sender)).fetchone()
    return row[0] or 0


def record_file_in(store: Store, file_id: str, kind: str, sender: str, sequence: int, counts: dict) -> None:
    store.db.execute("INSERT INTO sync_files_in(file_id, kind, sender, sequence, imported_at, counts) "
                     "VALUES (?,?,?,?,?,?)", (file_id, kind, sender, sequence, _now(), canonical_json(counts)))

