"""Sync use cases, shared by the command line and the windows: keys and enrolment, bundles from the
laptop, import and merge at the office, the review queue, receipts, assignments, the village meeting and
the recognition that closes a round.

Merge rules (office). A record from a bundle carries its version and the version its edit started from
(``base_version``). It is applied when the office does not have it, when the office still holds that base,
or when the office's copy is this same laptop's previous version (a laptop re-sends whatever the office
has not confirmed). Anything else is a conflict: every competing version goes to the review queue with who
changed it, and the record goes back to the common base, so the order in which bundles arrive never
decides the register's content. Households sharing a citizen ID number are queued as a pair. Nothing is
overwritten silently.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import tempfile
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ngheo_desktop.criteria.comments import split_comment_key
from ngheo_desktop.criteria.household import parse_household
from ngheo_desktop.criteria.questionnaire import default_questionnaire
from ngheo_desktop.criteria.scoretable import load_score_table
from ngheo_desktop.criteria.standards import (
    StandardRegistry,
    default_registry,
    load_standard,
    village_meeting_agrees,
    village_meeting_min_share,
)
from ngheo_desktop.errors import FormDefinitionError, NgheoError
from ngheo_desktop.paths import data_home, forms_dir
from ngheo_desktop.services import Cancelled, Progress, units
from ngheo_desktop.store import HouseholdRow, Store, sync_tables
from ngheo_desktop.store.sync_tables import CURRENT, Current
from ngheo_desktop.sync import container, keys, payloads
from ngheo_desktop.sync.errors import FileRejected, TrustError
from ngheo_desktop.sync.fileio import OversizeFile, atomic_write, read_limited
from ngheo_desktop.sync.payloads import Record, content_hash
from ngheo_desktop.sync.trust import TrustEntry, TrustRegistry
from ngheo_desktop.text import format_date_vi, nfc

OFFICE_SOURCE = "office"
_TYPE_ORDER = {"household": 0, "assessment": 1, "support": 2}


class AlreadyImported(FileRejected):
    def __init__(self, what: str, file_id: str):
        super().__init__(f"{what.capitalize()} này đã được nhập trước đây (mã {file_id[:12]}…); không thay đổi gì",
                         "already_imported")


# ---------------------------------------------------------------------------------------------- keys

def keys_init(role: str, passphrase: str, label: str = "") -> keys.PublicIdentity:
    return keys.create_identity(role, passphrase, nfc(label)).public


def keys_show() -> dict[str, Any]:
    """This installation's public identity and its trust list (no passphrase needed)."""
    pub = keys.load_public_identity()
    return {"role": pub.role, "role_vi": keys.ROLE_VI[pub.role], "label": pub.label, "device_id": pub.device_id,
            "fingerprint": pub.fingerprint,
            "trusted": [{"device_id": e.device_id, "role": e.key.role, "label": e.key.label,
                         "fingerprint": e.key.fingerprint, "trusted_at": e.trusted_at, "revoked_at": e.revoked_at,
                         "revoked_after_sequence": e.revoked_after_sequence} for e in TrustRegistry.load().entries()]}


def own_role() -> str | None:
    """``field`` or ``office``; None before the keys are made (read without the passphrase)."""
    if not keys.identity_path().is_file():
        return None
    return keys.load_public_identity().role


def check_passphrase(passphrase: str | None = None) -> None:
    """Refuses with ``WrongPassphrase`` unless the passphrase opens this installation's keys; nothing is kept."""
    keys.unlock(passphrase)


def export_public_key(out: Path, passphrase: str | None = None) -> keys.PublicIdentity:
    """The enrolment file is self-signed, so making it needs the private key (and the passphrase)."""
    identity = keys.unlock(passphrase)
    atomic_write(Path(out), keys.public_key_file(identity))
    return identity.public


def trust_key_file(path: Path, fingerprint: str | None = None) -> TrustEntry:
    try:
        data = read_limited(Path(path), keys.MAX_KEY_FILE)
    except OversizeFile:
        raise TrustError("Tệp khóa công khai quá lớn", "bad_pubkey") from None
    except OSError as exc:
        raise TrustError(f"Không đọc được tệp khóa công khai: {exc.strerror}", "bad_pubkey") from None
    key = keys.parse_public_key_file(data)
    own = keys.load_public_identity()
    registry = TrustRegistry.load()
    entry = registry.trust(key, own.role, own.device_id, fingerprint)
    registry.save()
    return entry


def revoke_device(device_id: str, after_sequence: int | None = None, store: Store | None = None) -> TrustEntry:
    """Revoke a laptop. The cut-off defaults to the last bundle imported from it: anything it sends later
    is held for review, never merged."""
    registry = TrustRegistry.load()
    entry = registry.get(device_id)
    if after_sequence is None:
        after_sequence = sync_tables.last_sequence(store, entry.device_id) if store is not None else 0
    entry = registry.revoke(entry.device_id, after_sequence)
    registry.save()
    return entry


@dataclass(frozen=True)
class DeviceRow:
    """One enrolled laptop as the office's device registry shows it."""

    device_id: str
    label: str
    fingerprint: str
    trusted_at: str
    revoked_after_sequence: int | None
    bundles: int
    last_sequence: int
    last_import: str | None


def device_registry(store: Store) -> list[DeviceRow]:
    imports = sync_tables.device_sequences(store)
    rows = []
    for e in TrustRegistry.load().entries():
        count, last, at = imports.get(e.device_id, (0, 0, None))
        rows.append(DeviceRow(e.device_id, e.key.label, e.key.fingerprint, e.trusted_at,
                              e.revoked_after_sequence if e.revoked else None, count, last, at))
    return rows


def _lookup(registry: TrustRegistry, own: keys.PublicIdentity):
    def find(device_id_raw: bytes) -> keys.PublicIdentity | None:
        if device_id_raw == own.device_id_raw:
            return own
        entry = registry.by_raw(device_id_raw)
        return entry.key if entry else None
    return find


def _read_sync_file(path: Path) -> bytes:
    try:
        return read_limited(Path(path), container.DEFAULT_LIMITS.file)
    except OversizeFile:
        raise FileRejected("Tệp lớn hơn giới hạn cho phép", "oversize") from None
    except OSError as exc:
        raise FileRejected(f"Không đọc được tệp: {exc.strerror}", "unreadable") from None


# ---------------------------------------------------------------------------------------- inspect

@dataclass(frozen=True)
class FileInfo:
    """What anyone may see of a sync file without the passphrase: the clear header and who signed it."""

    kind: str
    file_id: str
    sender: str
    recipient: str
    sequence: int
    created: str
    counts: dict[str, int]
    signature: str  # valid | unknown_sender
    sender_label: str
    for_this_installation: bool

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def inspect_file(path: Path) -> FileInfo:
    """The clear header, with the signature checked when the sender is known (a damaged file is refused)."""
    data = _read_sync_file(path)
    kind, sender_raw, _, _, _ = container.read_preamble(data)
    own = keys.load_public_identity()
    lookup = _lookup(TrustRegistry.load(), own)
    known = lookup(sender_raw)
    if known is None:
        h, file_id = container.peek(data)
        signature, label = "unknown_sender", ""
    else:
        v = container.verify(data, kind, lookup)
        h, file_id = v.header, v.file_id
        signature, label = "valid", known.label
    return FileInfo(kind, file_id, h.sender, h.recipient, h.sequence, h.created, h.counts, signature, label,
                    h.recipient == own.device_id)


# ---------------------------------------------------------------------------------------- open

def _verify(data: bytes, kind: str) -> tuple[container.Verified, TrustEntry | None, keys.PublicIdentity]:
    own = keys.load_public_identity()
    registry = TrustRegistry.load()
    v = container.verify(data, kind, _lookup(registry, own))
    if v.header.recipient != own.device_id:
        raise FileRejected(f"Tệp này gửi cho {v.header.recipient}, không phải cho máy này ({own.device_id})",
                           "wrong_recipient")
    return v, registry.by_raw(v.sender.device_id_raw), own


def _open(v: container.Verified, passphrase: str | None) -> Any:
    return container.open_payload(v, keys.unlock(passphrase))


def verify_bundle_file(path: Path, passphrase: str | None = None) -> tuple[FileInfo, list[Record]]:
    """Signature, decryption and every record checked; nothing is written anywhere."""
    data = _read_sync_file(path)
    v, _, _ = _verify(data, "bundle")
    records = payloads.parse_bundle(_open(v, passphrase), v.header.counts)
    return inspect_file(path), records


# ---------------------------------------------------------------------------------------- field: export

def _record_from_store(store: Store, record_type: str, record_id: str, base_version: int) -> Record | None:
    cur = CURRENT[record_type](store, record_id)
    if cur.data is None:
        return None
    return Record(record_type, record_id, cur.version, min(base_version, cur.version - 1),
                  _iso_seconds(cur.changed_at), cur.changed_by, cur.data)


def _iso_seconds(at: str) -> str:
    return at[:19] + "Z" if at else container.now_utc()


@dataclass(frozen=True)
class ExportReport:
    path: Path
    file_id: str
    sequence: int
    counts: dict[str, int]


def export_bundle(store: Store, out: Path, passphrase: str | None = None) -> ExportReport:
    """Everything the office has not confirmed, in one signed file for the trusted office.

    The file is written (temporary name, fsync, rename) inside the transaction that records the export, so
    a failed write leaves the laptop's state unchanged and a failed commit leaves no new file behind."""
    identity = keys.unlock(passphrase)
    if identity.role != "field":
        raise FileRejected("Chỉ máy thực địa mới xuất gói dữ liệu gửi văn phòng", "wrong_role")
    office = TrustRegistry.load().office()
    if office is None:
        raise TrustError("Máy này chưa tin khóa văn phòng nào: chạy 'ngheo keys trust TỆP_KHÓA_VĂN_PHÒNG'",
                         "no_office")
    out = Path(out)
    with store.transaction("xuất gói đồng bộ"):
        records = [r for r in (_record_from_store(store, t, i, base)
                               for t, i, _, base in sync_tables.unsent_records(store)) if r is not None]
        records.sort(key=lambda r: (_TYPE_ORDER[r.type], r.id))
        if not records:
            raise NgheoError("Không có thay đổi nào cần gửi: văn phòng đã nhận đủ")
        sequence = sync_tables.last_bundle_out(store) + 1
        counts = payloads.bundle_counts(records)
        data = container.seal("bundle", payloads.bundle_payload(records), identity, office.key, sequence, counts)
        file_id = hashlib.sha256(data).hexdigest()
        sync_tables.mark_bundle_out(store, sequence, file_id, office.device_id, counts, store.last_change_seq(),
                                    [(r.type, r.id, r.version) for r in records])
        store.mark_sent([r.id for r in records if r.type == "household"], store.last_change_seq())
        atomic_write(out, data)
    return ExportReport(out, file_id, sequence, counts)


def unsent_counts(store: Store) -> dict[str, int]:
    """How many households, assessments and support records the next bundle would carry (before export)."""
    counts = {"households": 0, "assessments": 0, "support": 0}
    key = {"household": "households", "assessment": "assessments", "support": "support"}
    for record_type, _, _, _ in sync_tables.unsent_records(store):
        counts[key[record_type]] += 1
    return counts


def next_bundle_path(store: Store, folder: Path) -> Path:
    """A file name that says whose and which, never who is inside: ``goi-7K3Q9-000012.ngheo``."""
    sequence = sync_tables.last_bundle_out(store) + 1
    return Path(folder) / f"goi-{keys.load_public_identity().device_id[:5]}-{sequence:06d}.ngheo"


# ---------------------------------------------------------------------------------------- office: import

@dataclass
class ImportReport:
    file_id: str
    device_id: str
    sequence: int
    counts: dict[str, int]
    outcome: dict[str, int] = field(default_factory=dict)
    missing_sequences: list[int] = field(default_factory=list)
    held: bool = False

    def as_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


def import_bundle(store: Store, path: Path, actor: str, passphrase: str | None = None,
                  hold_revoked: bool = False, progress: Progress | None = None) -> ImportReport:
    """Verify, then merge a whole bundle in one transaction (see the module docstring for the rules).

    Refused with nothing changed: a damaged or unsigned file, an unknown sender, a file for another office,
    an unsupported version, a bundle already imported, a sequence number reused with other content. A
    revoked laptop's bundle above the cut-off is refused unless ``hold_revoked``: then every record in it
    is queued for review, none merged."""
    data = _read_sync_file(path)
    v, entry, own = _verify(data, "bundle")
    if own.role != "office":
        raise FileRejected("Chỉ văn phòng xã mới nhập gói dữ liệu từ máy thực địa", "wrong_role")
    if entry is None or entry.key.role != "field":
        raise FileRejected(f"Thiết bị gửi {v.header.sender} không phải máy thực địa đã đăng ký", "unknown_device")
    h = v.header
    if sync_tables.bundle_imported(store, v.file_id):
        raise AlreadyImported("gói dữ liệu", v.file_id)
    if sync_tables.bundle_at(store, h.sender, h.sequence) is not None:
        raise FileRejected(f"Số thứ tự {h.sequence} của thiết bị {h.sender} đã dùng cho một gói khác; "
                           "gói này bị từ chối", "sequence_reused")
    held = entry.held(h.sequence)
    if held and not hold_revoked:
        raise FileRejected(f"Thiết bị {h.sender} đã bị thu hồi sau gói số {entry.revoked_after_sequence}; "
                           "gói này không được nhập (dùng --hold để đưa vào hàng chờ xem xét)", "revoked")
    records = payloads.parse_bundle(_open(v, passphrase), h.counts)
    records.sort(key=lambda r: (_TYPE_ORDER[r.type], r.id))
    last = sync_tables.last_sequence(store, h.sender)
    report = ImportReport(v.file_id, h.sender, h.sequence, h.counts,
                          missing_sequences=list(range(last + 1, h.sequence)), held=held)
    outcome: dict[str, int] = {}
    with store.transaction("nhập gói đồng bộ"):
        sync_tables.record_bundle(store, v.file_id, h.sender, h.sequence, h.created, actor, h.counts, {})
        # Households the office has never seen (most of a first bundle) go in as one batch, without the
        # per-record history lookups of a merge.
        seen = sync_tables.known_records(store, "household", [r.id for r in records if r.type == "household"])
        new = [] if held else [r for r in records if r.type == "household" and r.id not in seen]
        if new:
            sync_tables.add_new_households(store, [(r.data, r.base_version, r.hash, r.changed_at, r.changed_by)
                                                   for r in new], h.sender, v.file_id, f"{actor} (gói {h.sender})")
            outcome["created"] = len(new)
        _tick(progress, len(new), len(records))
        new_ids = {r.id for r in new}
        rest = [r for r in records if not (r.type == "household" and r.id in new_ids)]
        for i, r in enumerate(rest, 1):
            result = _merge_record(store, r, h.sender, v.file_id, actor, held)
            outcome[result] = outcome.get(result, 0) + 1
            if i % 200 == 0:
                _tick(progress, len(new) + i, len(records))
        if not held:
            _queue_duplicate_ids(store, [r.data for r in records if r.type == "household"])
        sync_tables.set_bundle_outcome(store, v.file_id, outcome)
        _tick(progress, len(records), len(records))
    report.outcome = outcome
    return report


def _tick(progress: Progress | None, done: int, total: int) -> None:
    """Report progress; a cancel raises inside the import's transaction, so nothing is kept."""
    if progress is not None:
        progress.update(done, total)
        if progress.cancelled():
            raise Cancelled("nhập gói dữ liệu")


def _candidate_args(r: Record, device: str, file_id: str, in_register: bool = False) -> tuple:
    # A version that is in the register is not copied into the queue (the merge reads it from there).
    return (device, file_id, r.version, r.base_version, r.hash, r.changed_at, r.changed_by,
            None if in_register else r.data)


def _current_candidate(store: Store, record_type: str, record_id: str, cur: Current) -> tuple:
    """The office's current version as a candidate, attributed to the laptop it came from when it did."""
    last = sync_tables.last_applied(store, record_type, record_id)
    if last is not None and last.version == cur.version:
        return (last.device_id, last.file_id, last.version, last.base_version, last.hash, last.changed_at,
                last.changed_by, cur.data)
    return (OFFICE_SOURCE, None, cur.version, cur.version, content_hash(cur.data), _iso_seconds(cur.changed_at),
            cur.changed_by, cur.data)


def _merge_record(store: Store, r: Record, device: str, file_id: str, actor: str, held: bool) -> str:
    if held:
        review = sync_tables.ensure_review(store, r.type, r.id, "held")
        sync_tables.put_candidate(store, review, *_candidate_args(r, device, file_id))
        return "held"
    conflict = sync_tables.open_review(store, r.type, r.id, "conflict")
    if conflict is not None:
        sync_tables.put_candidate(store, conflict, *_candidate_args(r, device, file_id))
        return "conflict"
    cur = CURRENT[r.type](store, r.id)
    if cur.data is not None and r.version == cur.version and content_hash(cur.data) == r.hash:
        return "unchanged"
    last = sync_tables.last_applied(store, r.type, r.id)
    # A laptop re-sends whatever the office has not confirmed, and bundles may arrive out of order: a version
    # this laptop already delivered (merged, or decided in review) is old news, not a new edit.
    if (last is not None and last.device_id == device and r.version <= last.version) \
            or r.version <= sync_tables.decided_version(store, r.type, r.id, device):
        return "unchanged"
    own_line = last is not None and last.device_id == device and last.version == cur.version
    if cur.data is None or (r.version > cur.version and (r.base_version == cur.version or own_line)):
        if r.type == "assessment" and _round_closed(store, r.data["round"]["id"]):
            return _queue_conflict(store, r, device, file_id, cur)
        return _apply(store, r, device, file_id, actor, cur)
    return _queue_conflict(store, r, device, file_id, cur)


def _apply(store: Store, r: Record, device: str, file_id: str, actor: str, cur: Current) -> str:
    sync_tables.write_record(store, r.type, r.id, r.version, r.data, f"{actor} (gói {device})")
    sync_tables.record_applied(store, file_id, device, r.type, r.id, r.version, r.base_version, r.hash,
                               r.changed_at, r.changed_by, cur)
    if r.type == "household":
        review = sync_tables.ensure_review(store, "household", r.id, "submitted")
        sync_tables.put_candidate(store, review, *_candidate_args(r, device, file_id, in_register=True))
    return "created" if cur.data is None else "updated"


def _queue_conflict(store: Store, r: Record, device: str, file_id: str, cur: Current) -> str:
    review = sync_tables.ensure_review(store, r.type, r.id, "conflict")
    # The conflict item now carries every version, including the one that was awaiting approval.
    submitted = sync_tables.open_review(store, r.type, r.id, "submitted")
    if submitted is not None:
        sync_tables.drop_review(store, submitted)
    if cur.data is not None:
        sync_tables.put_candidate(store, review, *_current_candidate(store, r.type, r.id, cur))
    sync_tables.put_candidate(store, review, *_candidate_args(r, device, file_id))
    # Back to the common base: whichever laptop's bundle arrived first must not win by arriving first.
    base = sync_tables.applied_with_base(store, r.type, r.id, r.base_version)
    if base is not None and base.prev_data is not None and cur.version != r.base_version:
        sync_tables.write_record(store, r.type, r.id, r.base_version, base.prev_data, f"đối chiếu xung đột {device}")
    return "conflict"


def _queue_duplicate_ids(store: Store, docs: list[dict[str, Any]]) -> None:
    """Households in the register sharing a citizen ID number with one in this bundle: both stay, and the
    pair is queued (once: a pair a reviewer already approved as two households is not asked again)."""
    ids = {m["citizen_id"] for d in docs for m in d["members"] if m.get("citizen_id")}
    pairs = set()
    for holders in sync_tables.citizen_id_holders(store, ids).values():
        ordered = sorted(holders)
        pairs.update((a, b) for i, a in enumerate(ordered) for b in ordered[i + 1:])
    for first, second in sorted(pairs):
        if sync_tables.pair_decided(store, first, second):
            continue
        review = sync_tables.ensure_review(store, "household", first, "duplicate_id", second)
        for hid in (first, second):
            cur = sync_tables.current_household(store, hid)
            cand = _current_candidate(store, "household", hid, cur)
            # One candidate per household here (both may come from the same laptop).
            sync_tables.put_candidate(store, review, hid, *cand[1:])


def _round_closed(store: Store, round_id: str) -> bool:
    return sync_tables.recognition(store, round_id) is not None


# ---------------------------------------------------------------------------------------- office: review

def review_queue(store: Store, status: str | None = "open", household_id: str | None = None
                 ) -> list[sync_tables.ReviewItem]:
    return sync_tables.review_items(store, status, household_id)


def _item(store: Store, review_id: int) -> sync_tables.ReviewItem:
    item = sync_tables.review_item(store, review_id)
    if item is None:
        raise NgheoError(f"Không có mục xem xét số {review_id}")
    if item.status != "open":
        decided = {"approved": "đã duyệt", "returned": "đã trả lại", "rejected": "đã từ chối"}
        raise NgheoError(f"Mục xem xét số {review_id} đã được xử lý ({decided.get(item.status, item.status)})")
    return item


def approve(store: Store, review_id: int, actor: str, source: str | None = None) -> sync_tables.ReviewItem:
    """Approve a submitted household; for a conflict or a held bundle, adopt the version from ``source``
    (a laptop's device id, or ``office``) as a new version above every competing one."""
    with store.transaction("duyệt hồ sơ"):
        item = _item(store, review_id)
        if item.kind == "submitted":
            if sync_tables.open_review(store, item.record_type, item.record_id, "conflict") is not None:
                raise NgheoError("Hộ này đang có xung đột giữa các phiên bản; hãy xử lý xung đột trước")
            sync_tables.decide_review(store, review_id, "approved", actor)
            if item.record_type == "household":
                # A laptop's copy made before the office renamed or re-zoned its village follows the units:
                # a new version, which reaches the laptop with the next assignment.
                units.follow_units(store, [item.record_id], actor=actor)
        elif item.kind == "duplicate_id":
            # Both households are already in the register; approving says they are really two households.
            sync_tables.decide_review(store, review_id, "approved", actor)
        else:
            chosen = next((c for c in item.candidates if c.source == source), None)
            if chosen is None:
                sources = ", ".join(c.source for c in item.candidates)
                raise NgheoError(f"Hãy chọn phiên bản để giữ (một trong: {sources})")
            cur = CURRENT[item.record_type](store, item.record_id)
            version = max([cur.version, *(c.version for c in item.candidates)]) + 1
            data = dict(chosen.data)
            if item.record_type == "household":
                # The office's units decide names and area: a laptop's copy made before a rename follows it.
                location = {**data["location"], **units.location_of(store, data["location"].get("village_id"))}
                data = parse_household({**data, "location": location, "record_version": version})
            sync_tables.write_record(store, item.record_type, item.record_id, version, data, actor)
            sync_tables.decide_review(store, review_id, "approved", actor, chosen_source=source)
    return sync_tables.review_item(store, review_id)


def return_to_surveyor(store: Store, review_id: int, comments: dict[str, str], actor: str
                       ) -> sync_tables.ReviewItem:
    """Send a submitted household back with a comment per question; the next receipt carries them."""
    clean = {q: nfc(t).strip() for q, t in comments.items() if t and t.strip()}
    if not clean:
        raise NgheoError("Trả lại hồ sơ cần ít nhất một nhận xét gắn với một câu hỏi")
    bad = [q for q in clean if not payloads.is_comment_key(q)]
    if bad:
        raise NgheoError(f"Mã câu hỏi '{bad[0]}' không hợp lệ")
    with store.transaction("trả lại hồ sơ"):
        item = _item(store, review_id)
        if item.kind != "submitted":
            raise NgheoError("Chỉ trả lại được hồ sơ đã nộp; xung đột thì chọn một phiên bản")
        _check_comment_targets(clean, store.get_household(item.record_id))
        sync_tables.decide_review(store, review_id, "returned", actor, comments=clean)
    return sync_tables.review_item(store, review_id)


def _check_comment_targets(comments: dict[str, str], household: dict[str, Any]) -> None:
    """Every comment is about a question of the checklist and, for a member's question, a member of the
    household: the surveyor must be able to find what the office means."""
    questionnaire = default_questionnaire()
    members = {m["member_id"] for m in household["members"]}
    for key in comments:
        question_id, member_id = split_comment_key(key)
        scope = questionnaire.scope_of(question_id)
        if scope is None:
            raise NgheoError(f"Không có câu hỏi '{question_id}' trong phiếu rà soát")
        if member_id is not None and scope != "member":
            raise NgheoError(f"Nhận xét '{key}': '{question_id}' là câu hỏi về cả hộ, không về từng thành viên")
        if member_id is not None and member_id not in members:
            raise NgheoError(f"Nhận xét '{key}': hộ không có thành viên '{member_id}'")


def reject(store: Store, review_id: int, reason: str, actor: str) -> sync_tables.ReviewItem:
    """Refuse every version in a held or conflicting item (the record stays as it is)."""
    reason = nfc(reason).strip()
    if not reason:
        raise NgheoError("Từ chối cần ghi rõ lý do")
    with store.transaction("từ chối hồ sơ"):
        _item(store, review_id)
        sync_tables.decide_review(store, review_id, "rejected", actor, reason=reason)
    return sync_tables.review_item(store, review_id)


# ---------------------------------------------------------------------------------------- receipts

def _receipt_status(item: sync_tables.ReviewItem, cand: sync_tables.Candidate) -> tuple[str, str | None]:
    if item.status == "approved" and item.kind in ("conflict", "held"):
        if cand.source == item.chosen_source:
            return "accepted", None
        return "rejected", f"Văn phòng đã chọn phiên bản khác ({item.chosen_source})"
    if item.status == "approved":
        return "accepted", None
    if item.status == "returned":
        return "returned", None
    return "rejected", item.reason


def export_receipt(store: Store, device_id: str, out: Path, passphrase: str | None = None, *,
                   again: bool = False) -> ExportReport:
    """A signed receipt for one laptop: every decision on its records not yet sent back.

    With ``again``, every decision on its records, sent or not: for a laptop whose receipt was lost or
    refused. The laptop skips what it already holds (``import_receipt``)."""
    identity = _unlock_office(passphrase)
    entry = TrustRegistry.load().get(device_id)
    with store.transaction("xuất biên nhận"):
        decided = sync_tables.decided_for_receipt(store, entry.device_id, again=again)
        items = []
        for item, cand in decided:
            status, reason = _receipt_status(item, cand)
            items.append(payloads.ReceiptItem(item.record_type, item.record_id, cand.version, status,
                                              item.comments if status == "returned" else {}, reason))
        receipt = payloads.Receipt(sync_tables.last_sequence(store, entry.device_id), tuple(items))
        sequence = sync_tables.last_file_out(store, "receipt", entry.device_id) + 1
        counts = receipt.counts()
        data = container.seal("receipt", receipt.as_json(), identity, entry.key, sequence, counts)
        file_id = hashlib.sha256(data).hexdigest()
        sync_tables.record_file_out(store, "receipt", file_id, entry.device_id, sequence, counts,
                                    [item.id for item, _ in decided])
        atomic_write(Path(out), data)
    return ExportReport(Path(out), file_id, sequence, counts)


def _unlock_office(passphrase: str | None) -> keys.Identity:
    identity = keys.unlock(passphrase)
    if identity.role != "office":
        raise FileRejected("Chỉ văn phòng xã mới xuất biên nhận và tệp giao việc", "wrong_role")
    return identity


def _check_from_office(v: container.Verified, kind_vi: str) -> None:
    office = TrustRegistry.load().office()
    if office is None or office.device_id != v.header.sender:
        raise FileRejected(f"{kind_vi.capitalize()} không đến từ văn phòng mà máy này tin", "unknown_device")


def _once(store: Store, v: container.Verified, kind: str, kind_vi: str) -> None:
    if sync_tables.file_in_seen(store, v.file_id):
        raise AlreadyImported(kind_vi, v.file_id)
    if sync_tables.file_in_at(store, kind, v.header.sender, v.header.sequence) is not None:
        raise FileRejected(f"Số thứ tự {v.header.sequence} đã dùng cho {kind_vi} khác; tệp bị từ chối",
                           "sequence_reused")


def import_receipt(store: Store, path: Path, passphrase: str | None = None) -> dict[str, int]:
    """On the laptop: accepted records are delivered, returned ones reopen with the office's comments."""
    data = _read_sync_file(path)
    v, _, _ = _verify(data, "receipt")
    _check_from_office(v, "biên nhận")
    _once(store, v, "receipt", "biên nhận")
    receipt = payloads.parse_receipt(_open(v, passphrase), v.header.counts)
    state = {"accepted": "delivered", "returned": "returned", "rejected": "rejected"}
    with store.transaction("nhập biên nhận"):
        sync_tables.record_file_in(store, v.file_id, "receipt", v.header.sender, v.header.sequence, v.header.counts)
        for it in receipt.items:
            if _answered_already(store, it):
                continue  # a receipt sent again (the first was lost): an answer applied before is not reapplied
            sync_tables.set_outbox_answer(store, it.type, it.id, it.version, state[it.status], it.comments,
                                          it.reason)
            if it.type != "household" or it.status == "rejected":
                continue
            # The office merged the household's assessments and support with it: they stop travelling too.
            sync_tables.confirm_sent_dependents(store, it.id)
            if it.status == "returned":
                _reopen_assessments(store, it.id, it.comments)
    return receipt.counts()


def _answered_already(store: Store, item: payloads.ReceiptItem) -> bool:
    """True when the office has already confirmed this version of the record, or a later one, to this
    laptop (by an answer or an assignment): applying the answer again would reopen a household the
    surveyor has since corrected and completed."""
    entries = sync_tables.outbox(store, item.type, item.id)
    return bool(entries) and entries[0].base_version >= item.version


# What a comment that is about no single question is about (the village meeting's, sent back for re-survey).
_COMMENT_TOPICS = {"village_meeting": "Họp dân"}


def comment_texts(store: Store, household_id: str, comments: dict[str, str]) -> list[str]:
    """The office's comments as people read them: "question wording (member's name): comment"."""
    questions = default_questionnaire().questions
    names = {m["member_id"]: m.get("full_name") or "?" for m in store.get_household(household_id)["members"]}
    texts = []
    for key, comment in sorted(comments.items()):
        question_id, member_id = split_comment_key(key)
        what = questions[question_id].label_vi if question_id in questions else _COMMENT_TOPICS.get(key, key)
        if member_id:
            what += f" ({names.get(member_id, 'thành viên đã xóa')})"
        texts.append(f"{what}: {comment}")
    return texts


def _reopen_assessments(store: Store, household_id: str, comments: dict[str, str]) -> None:
    """A returned household's finished assessments go back to 'returned', carrying the office's comments."""
    text = "; ".join(comment_texts(store, household_id, comments))
    for a in store.assessments_for(household_id):
        if a.status in ("completed", "approved"):
            store.set_assessment_status(a.id, "returned", actor="văn phòng xã (biên nhận)", comment=text)


def household_sync_states(store: Store) -> dict[str, str]:
    """household id → ``sent``, ``delivered``, ``returned`` or ``rejected`` (the register's marks on a
    laptop; households never sent are absent — the register's own ``unsent`` flag covers them)."""
    return {e.record_id: e.state for e in sync_tables.outbox(store, "household") if e.state not in ("new", "assigned")}


def household_marks(store: Store, rows: Iterable[HouseholdRow], role: str | None) -> dict[str, str]:
    """The register's sync mark per household shown in ``rows``: on a laptop (or before the keys are made)
    ``returned`` or ``rejected`` (the office's answer, until the household is sent again), ``unsent``
    (changed since the last bundle), ``sent`` (awaiting a receipt) or ``delivered``; none at the office,
    which sends no bundles. Households without a mark are absent."""
    if role == "office":
        return {}
    marks = {}
    for row in rows:
        entries = sync_tables.outbox(store, "household", row.household_id)
        state = entries[0].state if entries else "new"
        if state in ("returned", "rejected"):
            marks[row.household_id] = state
        elif row.unsent:
            marks[row.household_id] = "unsent"
        elif state in ("sent", "delivered"):
            marks[row.household_id] = state
    return marks


def returned_comments(store: Store, household_id: str) -> dict[str, str]:
    """The office's comments per question on a returned household (empty when not returned)."""
    entries = sync_tables.outbox(store, "household", household_id)
    return entries[0].comments if entries and entries[0].state == "returned" else {}


# ---------------------------------------------------------------------------------------- assignments

def export_assignment(store: Store, device_id: str, village_id: str, out: Path, round_id: str | None = None,
                      form_files: list[Path] | None = None, passphrase: str | None = None) -> ExportReport:
    """A signed file for one laptop: the village's households with last year's class, and any updated
    standard or score-table files (checked here before they leave the office)."""
    identity = _unlock_office(passphrase)
    entry = TrustRegistry.load().get(device_id)
    unit = store.unit(village_id)
    if unit is None or unit.level != "village":
        raise NgheoError(f"Không có thôn/tổ dân phố có mã {village_id}")
    if round_id is not None:
        store.round(round_id)
    files = tuple(_form_file(Path(p)) for p in form_files or [])
    households = []
    for hid in store.household_ids(village_id=village_id):
        doc = store.get_household(hid)
        previous = None
        history = store.assessments_for(hid)
        if history:
            last = history[-1]
            previous = {"year": store.round(last.round_id).year, "class": last.klass, "status": last.status}
        households.append(payloads.AssignedHousehold(doc, previous))
    assignment = payloads.Assignment(village_id, unit.name, round_id, tuple(households), files)
    counts = assignment.counts()
    with store.transaction("xuất tệp giao việc"):
        sequence = sync_tables.last_file_out(store, "assignment", entry.device_id) + 1
        data = container.seal("assignment", assignment.as_json(), identity, entry.key, sequence, counts)
        file_id = hashlib.sha256(data).hexdigest()
        sync_tables.record_file_out(store, "assignment", file_id, entry.device_id, sequence, counts)
        atomic_write(Path(out), data)
    return ExportReport(Path(out), file_id, sequence, counts)


def _form_file(path: Path) -> payloads.FormFile:
    text = read_limited(path, payloads.MAX_FORM_FILE).decode("utf-8")
    kind, form_id = _check_form_text(text, path.name)
    return payloads.FormFile(kind, form_id, text)


def _check_form_text(text: str, name: str) -> tuple[str, str]:
    """Load a standard or score table from a private temporary folder; its id comes from its content."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "form.toml"
        path.write_text(text, "utf-8")
        try:
            return "standard", load_standard(path).id
        except FormDefinitionError:
            try:
                return "score_table", load_score_table(path).id
            except FormDefinitionError as exc:
                raise NgheoError(f"Tệp {name} không phải chuẩn nghèo hay bảng điểm hợp lệ: {exc.message}") from None


def import_assignment(store: Store, path: Path, actor: str, passphrase: str | None = None) -> dict[str, int]:
    """On the laptop: store the assigned households (a newer local edit is kept) and install form files.

    Form files are written under names made here (``received-<kind>-<sha256>.toml``) in the data folder;
    the office's id is only checked against the file's own content, never used as a path."""
    data = _read_sync_file(path)
    v, _, _ = _verify(data, "assignment")
    _check_from_office(v, "tệp giao việc")
    _once(store, v, "assignment", "tệp giao việc")
    assignment = payloads.parse_assignment(_open(v, passphrase), v.header.counts)
    shipped = _shipped_forms()
    files = []
    for f in assignment.files:
        kind, form_id = _check_form_text(f.text, f.id)
        if (kind, form_id) != (f.kind, f.id):
            raise FileRejected(f"Tệp '{f.id}' trong tệp giao việc không khớp nội dung", "bad_payload")
        if (kind, form_id) in shipped:
            # A file shipped with the app is replaced by a new version of the app, never by a transfer.
            if shipped[(kind, form_id)] != f.sha256:
                raise FileRejected(f"Tệp '{f.id}' trùng mã với tệp có sẵn trong phần mềm nhưng khác nội dung",
                                   "bad_payload")
            continue
        files.append(f)
    counts = {"created": 0, "updated": 0, "kept_local": 0, "files": 0}
    with store.transaction("nhập tệp giao việc"):
        # The office names the units and sets their area; a renamed village or changed area arrives here —
        # from the newest assignment only: an older file imported late must not put back old names.
        newest = v.header.sequence > sync_tables.last_file_in_sequence(store, "assignment", v.header.sender)
        sync_tables.record_file_in(store, v.file_id, "assignment", v.header.sender, v.header.sequence,
                                   v.header.counts)
        followed = (units.follow_office_locations(store, [h.household for h in assignment.households], actor=actor)
                    if newest else set())
        counts["units"] = len(followed)
        previous = {}
        for h in assignment.households:
            doc = h.household
            hid = doc["household_id"]
            cur = sync_tables.current_household(store, hid)
            if cur.data is not None and _not_yet_confirmed(store, hid, cur.version):
                # The surveyor's own edit, which the office has not confirmed, is never overwritten and stays
                # waiting to be sent: if the office changed the household meanwhile, it sees both versions
                # as a conflict and decides.
                counts["kept_local"] += 1
                continue
            if cur.data is None or doc["record_version"] > cur.version:
                sync_tables.write_household(store, doc, actor)
                counts["created" if cur.data is None else "updated"] += 1
                if h.previous and h.previous.get("class"):
                    previous[hid] = h.previous["class"]
            sync_tables.set_outbox_assigned(store, hid, doc["record_version"])
        # What came from the office, or the office has confirmed, is not waiting to be sent back to it.
        sync_tables.settle_confirmed_households(store)
        # Until the surveyor assesses it here, a household's class in the register is the one the office
        # recorded last (its place on the lists now).
        unassessed = {hid for hid, row in store.household_rows(previous).items() if row.klass is None}
        store.set_household_classes({hid: klass for hid, klass in previous.items() if hid in unassessed})
        # The surveyor's own households in a renamed or re-zoned village (new ones, edits kept above) take
        # the office's names and area too: a new version each, sent with the next bundle.
        units.follow_units(store, [hid for village_id in followed for hid in store.household_ids(village_id)],
                           actor=actor)
        for f in files:
            folder = data_home() / ("standards" if f.kind == "standard" else "score_tables")
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob(f"received-{f.kind}-*.toml"):
                if _check_form_text(old.read_text("utf-8"), old.name)[1] == f.id:
                    old.unlink()
            atomic_write(folder / f"received-{f.kind}-{f.sha256[:16]}.toml", f.text.encode("utf-8"))
            counts["files"] += 1
    if files:
        default_registry.cache_clear()
    return counts


def _not_yet_confirmed(store: Store, household_id: str, version: int) -> bool:
    """True when this laptop holds a version of the household the office has not confirmed (never sent,
    or sent and not yet answered by a receipt)."""
    entries = sync_tables.outbox(store, "household", household_id)
    return not entries or version > entries[0].base_version


def _shipped_forms() -> dict[tuple[str, str], str]:
    """(kind, id) → sha256 of the standards and score tables shipped with the app."""
    out = {("standard", s.id): s.sha256 for s in StandardRegistry.load([forms_dir() / "standards"]).all()}
    for path in sorted((forms_dir() / "score_tables").glob("*.toml")):
        out[("score_table", load_score_table(path).id)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


# ---------------------------------------------------------------------------------------- village meeting

@dataclass(frozen=True)
class MeetingReport:
    meeting_id: str
    agreed: tuple[str, ...]
    resurvey: tuple[str, ...]
    min_share: float


def record_village_meeting(store: Store, round_id: str, village_id: str | None, village: str, held_on: str,
                           attendance: int, chair: str, secretary: str, agree: dict[str, int], actor: str
                           ) -> MeetingReport:
    """Record a village meeting (họp dân): attendance and, per household discussed, how many agreed.

    A household agreed by fewer than ``village_meeting.min_agreement_share`` (forms/procedure.toml) of those
    attending goes back for re-survey: its assessment in the round is returned with the reason, and its
    submission (if it came from a laptop) is returned so the next receipt carries the comment."""
    if sync_tables.recognition(store, round_id) is not None:
        raise NgheoError("Đợt rà soát đã được công nhận; không ghi thêm họp dân")
    if isinstance(attendance, bool) or not isinstance(attendance, int) or attendance <= 0:
        raise NgheoError("Số người dự họp phải là số nguyên dương")
    try:
        held = dt.date.fromisoformat(held_on)
        if held.isoformat() != held_on:  # fromisoformat also takes 20261120 or 2026-W47-5
            raise ValueError(held_on)
    except (TypeError, ValueError):
        raise NgheoError(f"Ngày họp '{held_on}' không hợp lệ (YYYY-MM-DD)") from None
    if held > dt.date.today():
        raise NgheoError(f"Ngày họp {format_date_vi(held_on)} chưa đến; ghi biên bản sau khi họp")
    min_share = village_meeting_min_share()
    meeting_id = str(uuid.uuid4())
    agreed, resurvey = [], []
    with store.transaction("ghi biên bản họp dân"):
        rnd = store.round(round_id)
        if held < dt.date.fromisoformat(rnd.start_date):
            raise NgheoError(f"Ngày họp {format_date_vi(held_on)} trước ngày bắt đầu đợt rà soát "
                             f"({format_date_vi(rnd.start_date)})")
        sync_tables.add_meeting(store, meeting_id, round_id, village_id, nfc(village), held_on, attendance,
                                nfc(chair), nfc(secretary), actor)
        rows = store.household_rows(agree)
        for hid, count in agree.items():
            if isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= attendance:
                raise NgheoError(f"Số người đồng ý với hộ {hid} phải từ 0 đến {attendance}")
            if hid not in rows:
                raise NgheoError(f"Không có hộ có mã {hid}")
            # A meeting votes on its own village's households, on the results of this round.
            if village_id is not None and rows[hid].village_id != village_id:
                raise NgheoError(f"Hộ {rows[hid].head_name} (số {rows[hid].register_no}) thuộc {rows[hid].village}, "
                                 f"không thuộc {village}")
            if store.get_assessment(hid, round_id) is None:
                raise NgheoError(f"Hộ {rows[hid].head_name} (số {rows[hid].register_no}) chưa có kết quả rà soát "
                                 "trong đợt này")
            share = count / attendance
            ok = village_meeting_agrees(count, attendance)
            sync_tables.add_vote(store, meeting_id, hid, count, "agreed" if ok else "resurvey")
            (agreed if ok else resurvey).append(hid)
            if not ok:
                _send_back(store, hid, round_id, share, actor)
    return MeetingReport(meeting_id, tuple(agreed), tuple(resurvey), min_share)


def _send_back(store: Store, household_id: str, round_id: str, share: float, actor: str) -> None:
    reason = f"Họp dân: chỉ {share:.0%} người dự họp đồng ý; cần rà soát lại"
    assessment = store.get_assessment(household_id, round_id)
    if assessment is not None and assessment.status in ("completed", "approved"):
        store.set_assessment_status(assessment.id, "returned", actor=actor, comment=reason)
    submitted = sync_tables.open_review(store, "household", household_id, "submitted")
    if submitted is not None:
        sync_tables.decide_review(store, submitted, "returned", actor, comments={"village_meeting": reason})


def meeting_minutes(store: Store, round_id: str) -> list[sync_tables.Meeting]:
    """Everything the minutes (biên bản) print, per meeting: village, date, attendance, households, shares."""
    return sync_tables.meetings(store, round_id)


def recognize_round(store: Store, round_id: str, recognized_on: str, chair: str, decision_no: str,
                    actor: str) -> None:
    """The commune chair's recognition closes the round: the lists are fixed, later assessment records
    for it go to the review queue instead of the register."""
    try:
        dt.date.fromisoformat(recognized_on)
    except ValueError:
        raise NgheoError(f"Ngày công nhận '{recognized_on}' không hợp lệ (YYYY-MM-DD)") from None
    with store.transaction("công nhận kết quả rà soát"):
        store.round(round_id)
        if sync_tables.recognition(store, round_id) is not None:
            raise NgheoError("Đợt rà soát này đã được công nhận")
        if sync_tables.review_items(store, "open"):
            raise NgheoError("Còn hồ sơ chờ xem xét; xử lý hết trước khi công nhận")
        sync_tables.add_recognition(store, round_id, recognized_on, nfc(chair), nfc(decision_no), actor)
