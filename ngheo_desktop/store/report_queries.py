"""Read-only queries for sheets and office reports (``services.reports``): whole rounds in a few scans.

Reports need, for every household of the register, its document, its result in a round, its class in
the previous round, whether it was poor or near-poor in any round before that, and the support it
received. Asking ``Store`` household by household costs several queries each; these read each table once.
Nothing here writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ngheo_desktop.store.store import Store, _unpack


@dataclass(frozen=True)
class RoundRecord:
    """One household of the register as a round's reports see it."""

    household: dict[str, Any]
    village_id: str | None
    village: str
    result: dict[str, Any] | None
    status: str | None
    previous_class: str | None
    poor_before: bool
    near_poor_before: bool
    support: tuple[tuple[str, str, str], ...]  # (kind, date, note), oldest first


def round_records(store: Store, round_id: str) -> Iterator[RoundRecord]:
    """Every household in register order with its result in ``round_id`` (None if not assessed)."""
    rnd = store.round(round_id)
    prev = store.previous_round(round_id)
    conn = store.conn
    previous = dict(conn.execute("SELECT household_id, class FROM assessments WHERE round_id = ?",
                                 (prev.id,))) if prev else {}
    earlier: dict[str, set[str]] = {}
    if prev:
        for hid, klass in conn.execute(
                "SELECT a.household_id, a.class FROM assessments a JOIN rounds r ON r.id = a.round_id "
                "WHERE (r.year, r.start_date) < (?, ?) AND a.class IN ('poor', 'near_poor')",
                (prev.year, prev.start_date)):
            earlier.setdefault(hid, set()).add(klass)
    support: dict[str, list[tuple[str, str, str]]] = {}
    for hid, kind, date, note in conn.execute(
            "SELECT household_id, kind, date, note FROM support WHERE deleted = 0 ORDER BY date"):
        support.setdefault(hid, []).append((kind, date, note))
    rows = conn.execute(
        "SELECT h.id, h.doc, h.village_id, h.village, a.result_z, a.status FROM households h "
        "LEFT JOIN assessments a ON a.household_id = h.id AND a.round_id = ? ORDER BY h.rowid", (rnd.id,))
    for hid, doc, village_id, village, result_z, status in rows:
        before = earlier.get(hid, set())
        yield RoundRecord(json.loads(doc), village_id, village, _unpack(result_z) if result_z else None, status,
                          previous.get(hid), "poor" in before, "near_poor" in before, tuple(support.get(hid, ())))


def households_with_id_prefix(store: Store, hex_prefix: str) -> list[str]:
    """Ids of households whose UUID starts with these hex digits (the check code's household part)."""
    hex_prefix = hex_prefix.lower()
    pattern = hex_prefix[:8] + ("-" + hex_prefix[8:] if len(hex_prefix) > 8 else "")
    return [r[0] for r in store.conn.execute("SELECT id FROM households WHERE id LIKE ? ORDER BY rowid",
                                             (pattern + "%",))]


@dataclass(frozen=True)
class LatestResult:
    """A household's most recent assessment: what its printed sheet shows."""

    round_id: str
    round_title: str
    household_version: int
    result: dict[str, Any]


def latest_result(store: Store, household_id: str) -> LatestResult | None:
    """The result of the household's latest round (rounds ordered as ``Store.rounds``), or None."""
    row = store.conn.execute(
        "SELECT r.id, r.title, a.household_version, a.result_z FROM assessments a JOIN rounds r ON r.id = a.round_id "
        "WHERE a.household_id = ? ORDER BY r.year DESC, r.start_date DESC, r.created_at DESC LIMIT 1",
        (household_id,)).fetchone()
    return LatestResult(row[0], row[1], row[2], _unpack(row[3])) if row else None
