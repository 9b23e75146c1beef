"""Use cases of the household register, shared by the command line and the windows.

One function per user action: it runs the rules (``criteria``) and the store, in one transaction where
it writes, and returns what changed (``ChangeNotice``) so views refresh only the rows concerned. Long
actions take a ``progress`` object with ``update(done, total)`` and ``cancelled()``.

The rules core is reached as ``criteria.<name>`` so it loads when a use case first needs it: opening and
searching a register does not load the questionnaire and the standards.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ngheo_desktop import criteria
from ngheo_desktop.criteria.vocabulary import CLASS_ORDER, REVIEW_KIND_VI
from ngheo_desktop.drives import NETWORK, REMOVABLE, drive_kind
from ngheo_desktop.errors import InvalidHousehold, NgheoError
from ngheo_desktop.paths import is_portable
from ngheo_desktop.services import Cancelled, NoProgress, Progress
from ngheo_desktop.store import (
    Assessment,
    HouseholdRow,
    InvalidChange,
    Round,
    StorageError,
    Store,
    Support,
    restore_file,
)
from ngheo_desktop.store.files import os_reason, resolve_db_path
from ngheo_desktop.text import format_date_vi


@dataclass(frozen=True)
class ChangeNotice:
    """What a committed action changed: views update these rows instead of reloading everything."""

    kind: str  # household_saved, households_imported, assessment_saved, support_saved, reclassified …
    household_ids: tuple[str, ...] = ()


# ---------------------------------------------------------------------- opening
def risky_location(path: str | Path | None = None) -> str | None:
    """A Vietnamese warning when the database would live on a removable or network drive, else None.

    SQLite's durability rests on the disk: a USB stick pulled out mid-write, or a network share with
    broken locking, can damage the file. A portable installation lives on its stick by design, so it is
    not warned about.
    """
    if is_portable():
        return None
    db_path = resolve_db_path(path)
    kind = drive_kind(db_path)
    if kind == REMOVABLE:
        where = "ổ đĩa rời (USB, thẻ nhớ)"
    elif kind == NETWORK:
        where = "ổ mạng"
    else:
        return None
    return (f"Cơ sở dữ liệu {db_path} nằm trên {where}: rút ổ hoặc mất mạng khi đang ghi có thể làm hỏng dữ "
            "liệu. Nên chọn một thư mục trên ổ cứng của máy (Cài đặt → Cơ sở dữ liệu), hoặc dùng bản di động.")


def open_register(path: str | Path | None = None) -> Store:
    """Open (creating or migrating) the database at ``--db``/``NGHEO_DB``/the data folder."""
    return Store.open(path)


def first_start(path: str | Path | None = None, progress: Progress | None = None, *,
                households: int = 1500, seed: int = 1) -> Store:
    """The database the app opens at start: the user's own, or — when there is none yet — a demo commune
    labelled as demo (``store.is_demo``), so the first screen is never empty."""
    db_path = resolve_db_path(path)
    if db_path.exists() and db_path.stat().st_size > 0:
        return Store.open(db_path)
    # Imported here: every start of the app imports this module, only the very first one builds a demo.
    from ngheo_desktop.demo import build_demo

    store = Store.open(db_path)
    try:
        build_demo(store, households=households, seed=seed, progress=progress or NoProgress())
    except BaseException:
        # The file was made by this call: without it the next start offers the demo again.
        store.close()
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        raise
    return store


# ---------------------------------------------------------------------- households
def save_household(store: Store, doc: dict[str, Any], *, actor: str) -> tuple[dict[str, Any], ChangeNotice]:
    """Save the surveyor's edit of one household (validated; a new version when anything changed)."""
    saved = store.save_household(doc, actor=actor)
    return saved, ChangeNotice("household_saved", (saved["household_id"],))


def import_household_files(store: Store, paths: Iterable[str | Path], *, actor: str,
                           progress: Progress | None = None) -> tuple[dict[str, int], ChangeNotice]:
    """Import household JSON files, all or nothing. A bad file names itself and its field.

    Every file is read, validated and checked against the register (a copy that differs without being
    newer is refused) before the backup (``truoc-nhap``) is taken: only the newest backups are kept, so
    a refused import must not push a useful one out."""
    from ngheo_desktop.services import units  # imported here: units builds on this module

    progress = progress or NoProgress()
    store.ensure_writable("nhập hộ")
    docs = []
    for p in paths:
        p = Path(p)
        try:
            text = p.read_bytes()
        except FileNotFoundError:
            raise NgheoError(f"Không có tệp {p}; không nhập gì.") from None
        except OSError as exc:
            raise NgheoError(f"Không đọc được tệp {p}: {os_reason(exc)}; không nhập gì.") from None
        try:
            doc = criteria.load_household_json(text)
        except InvalidHousehold as exc:
            raise InvalidHousehold(f"{p.name}: {exc.field}", exc.reason) from None
        problem = units.location_problem(store, doc)
        if problem:
            raise InvalidHousehold(f"{p.name}: location.{problem[0]}", problem[1])
        docs.append(doc)
    store.check_import(docs)
    store.backup_rotating("truoc-nhap")
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    with store.transaction("nhập hộ"):
        for start in range(0, len(docs), 500):
            for outcome, n in store.import_households(docs[start:start + 500], actor=actor).items():
                counts[outcome] += n
            progress.update(min(start + 500, len(docs)), len(docs))
            if progress.cancelled():
                raise Cancelled("nhập hộ")
    return counts, ChangeNotice("households_imported", tuple(d["household_id"] for d in docs))


def search(store: Store, query: str, limit: int = 50) -> list[HouseholdRow]:
    return store.search(query, limit)


# ---------------------------------------------------------------------- rounds and assessments
# How far ahead of this year a round may be opened. The periodic review for next year is held this
# autumn, and an office may prepare the one after; a round further ahead is a mistyped year, and since
# reports default to the latest round it would hide every real one behind an empty round.
ROUND_YEARS_AHEAD = 2


def create_round(store: Store, year: int, kind: str, start_date: str | None = None, *, actor: str,
                 title: str | None = None, today: dt.date | None = None) -> Round:
    """Open a review round, after checking it fits the review calendar.

    ``year`` is the year under review, which chooses the standard (domain notes §1). Decision 24/2021
    (§7) holds the periodic review once a year, 1 September – 14 December (``forms/procedure.toml``),
    and its lists are for the next year; the regular review is monthly, for the year it is held in. So:

    - a round's start date is a day whose review is for Y, by the same rule that dates each household's
      review (``criteria.review_year``): a periodic review inside the window is for the next year, one
      outside it (listing started early in the summer, a late commune in January) and a regular one for
      the year it is held in;
    - Y is a year a standard covers (``criteria.default_registry()``) or one within
      ``ROUND_YEARS_AHEAD`` of this year — a new standard's decree may come after its first round must
      open (Decree 351/2025, for 2027, came on 30/12/2025) — and never further ahead than that;
    - one periodic round per year; a second regular round of the same year on the same start day is
      the same round typed twice.

    ``start_date`` defaults to today."""
    today = today or dt.date.today()
    start = start_date or today.isoformat()
    day = store.round_start(kind, start)
    if year > today.year + ROUND_YEARS_AHEAD:
        raise InvalidChange(f"Năm rà soát {year} còn quá xa (năm nay là {today.year}): chỉ mở được đợt rà soát "
                            f"cho năm {today.year + ROUND_YEARS_AHEAD} trở về trước.")
    standards = criteria.default_registry().all()
    if not any(std.covers(year) for std in standards) and year < today.year - ROUND_YEARS_AHEAD:
        first = min(std.valid_from_year for std in standards)
        last = max(std.valid_to_year for std in standards)
        raise InvalidChange(f"Năm rà soát {year} không có chuẩn nghèo nào áp dụng (các chuẩn hiện có áp dụng cho "
                            f"các năm {first}–{last}); hãy kiểm tra lại năm.")
    if criteria.review_year(day, kind) != year:
        held_for = criteria.review_year(day, kind)
        window = " (rà soát định kỳ từ 1/9 đến 14/12 là cho năm sau)" if kind == "periodic" else ""
        raise InvalidChange(f"Rà soát {REVIEW_KIND_VI[kind]} bắt đầu ngày {format_date_vi(start)} là cho năm "
                            f"{held_for}, không phải năm {year}{window}.")
    # Read before the write, not in one transaction with it: a transaction that reads first cannot wait
    # for another program's write to end, and the round is opened by one clerk at a time.
    for rnd in store.rounds():
        if rnd.year != year or rnd.kind != kind:
            continue
        if kind == "periodic":
            raise InvalidChange(f"Đã có đợt rà soát định kỳ cho năm {year}: {rnd.title} (mã {rnd.id}); "
                                "mỗi năm chỉ có một đợt định kỳ.")
        if rnd.start_date == start:
            raise InvalidChange(f"Đã có đợt rà soát thường xuyên năm {year} bắt đầu ngày "
                                f"{format_date_vi(start)}: {rnd.title} (mã {rnd.id}).")
    return store.create_round(year, kind, start, actor=actor, title=title)


def assess_household(store: Store, household_id: str, round_id: str, *, actor: str, status: str = "draft",
                     comment: str | None = None, standard_id: str | None = None) -> tuple[Assessment, ChangeNotice]:
    """Classify the stored household under the round's standard (or ``standard_id``) and save the result
    as its assessment in the round, with the document as the answers snapshot."""
    registry = criteria.default_registry()
    rnd = store.round(round_id)
    standard = registry.get(standard_id) if standard_id else registry.for_year(rnd.year)
    doc = store.get_household(household_id)
    result = criteria.classifier_for(standard).classify(doc)
    saved = store.save_assessment(household_id, round_id, result, actor=actor, status=status, comment=comment,
                                  snapshot=doc)
    return saved, ChangeNotice("assessment_saved", (household_id,))


def set_assessment_status(store: Store, assessment_id: str, status: str, *, actor: str,
                          comment: str | None = None) -> tuple[Assessment, ChangeNotice]:
    """Complete, approve, return (with a comment) or reopen an assessment."""
    saved = store.set_assessment_status(assessment_id, status, actor=actor, comment=comment)
    return saved, ChangeNotice("assessment_saved", (saved.household_id,))


def add_support(store: Store, household_id: str, kind: str, date: str, *, actor: str, amount: int | None = None,
                provider: str = "", note: str = "") -> tuple[Support, ChangeNotice]:
    saved = store.add_support(household_id, kind, date, actor=actor, amount=amount, provider=provider, note=note)
    return saved, ChangeNotice("support_saved", (household_id,))


# ---------------------------------------------------------------------- reclassification
# JSON key for households without a class (income unknown, or never classified).
UNCLASSIFIED = "unclassified"


LISTED_CLASSES = frozenset({"poor", "near_poor"})


@dataclass
class ReclassifyReport:
    """How many households each class would gain or lose under a standard."""

    standard_id: str
    standard_sha256: str
    total: int = 0
    moved: int = 0
    # Households entering or leaving the poor / near-poor lists: what the office's lists will feel.
    # (A standard without an average-living band renames the classes above the line without moving anyone
    # on or off a list; those count in ``moved`` only.)
    list_changes: int = 0
    before: Counter = field(default_factory=Counter)
    after: Counter = field(default_factory=Counter)
    transitions: Counter = field(default_factory=Counter)  # (from class, to class) → households
    dry_run: bool = True

    def as_json(self) -> dict[str, Any]:
        order = [*CLASS_ORDER, None]
        return {
            "standard_id": self.standard_id, "standard_sha256": self.standard_sha256, "dry_run": self.dry_run,
            "households": self.total, "moved": self.moved, "list_changes": self.list_changes,
            "before": {k or UNCLASSIFIED: self.before[k] for k in order if self.before[k]},
            "after": {k or UNCLASSIFIED: self.after[k] for k in order if self.after[k]},
            "transitions": [{"from": a, "to": b, "households": n}
                            for (a, b), n in sorted(self.transitions.items(),
                                                    key=lambda kv: (order.index(kv[0][0]), order.index(kv[0][1])))],
        }


def reclassify(store: Store, standard_id: str, *, dry_run: bool = False,
               progress: Progress | None = None) -> ReclassifyReport:
    """Run the rules of ``standard_id`` over every household and compare with its register class.

    Without ``dry_run`` the new classes are stored as that standard's projection (``store.projections``)
    for side-by-side lists; the register classes themselves never change here."""
    progress = progress or NoProgress()
    standard = criteria.default_registry().get(standard_id)
    classifier = criteria.classifier_for(standard)
    current = store.household_classes()
    total = len(current)
    report = ReclassifyReport(standard.id, standard.sha256, dry_run=dry_run)
    rows: list[tuple[str, int, str | None, int]] = []
    for i, doc in enumerate(store.iter_households()):
        decision = classifier.decide(doc)
        hid, new = doc["household_id"], decision.klass
        old = current.get(hid)
        report.before[old] += 1
        report.after[new] += 1
        if old != new:
            report.moved += 1
            report.transitions[(old, new)] += 1
            if old in LISTED_CLASSES or new in LISTED_CLASSES:
                report.list_changes += 1
        rows.append((hid, doc["record_version"], new, decision.deprived_count))
        if i % 1000 == 0:
            progress.update(i, total)
            if progress.cancelled():
                raise Cancelled("phân loại lại")
    report.total = len(rows)
    if not dry_run:
        store.save_projections(standard.id, standard.sha256, rows)
    progress.update(total, total)
    return report


# ---------------------------------------------------------------------- the file
def backup_now(store: Store, dest: str | Path, *, overwrite: bool = False) -> Path:
    """A copy of the database at ``dest`` (a file, or a folder to name it in); an existing file is replaced
    only with ``overwrite``."""
    return store.backup(dest, overwrite=overwrite)


def restore_backup(src: str | Path, path: str | Path | None = None) -> Path | None:
    """Replace the database with a checked backup; returns where the replaced file was kept."""
    return restore_file(src, path)


def check_database(path: str | Path | None = None) -> list[str]:
    """Open the file (refusing a foreign, newer or damaged one) and run a full integrity check."""
    db_path = resolve_db_path(path)
    if not db_path.exists():
        raise StorageError(f"Không có cơ sở dữ liệu {db_path}.")
    with Store.open(db_path, create=False) as store:
        return store.check()
