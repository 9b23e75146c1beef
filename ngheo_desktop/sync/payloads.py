"""What travels inside the containers: bundle records, receipts and assignments, built and strictly read.

Bundle (laptop → office) — ``ngheo.bundle`` v1::

    {"format": "ngheo.bundle", "format_version": 1,
     "records": [{"type": "household" | "assessment" | "support", "id": UUID, "version": n,
                  "base_version": the version the edit started from (0 = new),
                  "hash": hex SHA-256 of the canonical JSON of "data", "changed_at": ISO time,
                  "changed_by": who on the laptop, "data": {...}}]}

Household ``data`` is an ``ngheo.household`` v1 document (members travel inside it, as everywhere in
the app); it is validated with the criteria package like any other household input.

Receipt (office → laptop) — ``ngheo.receipt`` v1: the highest bundle received and one item per decided
record — ``accepted``, ``returned`` (with a comment per question, or per member's answer) or
``rejected`` (with a reason).

Assignment (office → laptop) — ``ngheo.assignment`` v1: a village, the households to review there with
last year's data, and updated standard or score-table files (as text, checked on import).
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ngheo_desktop.criteria.comments import comment_key, split_comment_key
from ngheo_desktop.criteria.household import is_uuid, parse_household
from ngheo_desktop.errors import InvalidHousehold
from ngheo_desktop.sync.errors import FileRejected
from ngheo_desktop.sync.strictjson import canonical
from ngheo_desktop.text import nfc, nfc_deep

BUNDLE_FORMAT, RECEIPT_FORMAT, ASSIGNMENT_FORMAT = "ngheo.bundle", "ngheo.receipt", "ngheo.assignment"
PAYLOAD_VERSION = 1
RECORD_TYPES = ("household", "assessment", "support")
RECEIPT_STATUSES = ("accepted", "returned", "rejected")
FILE_KINDS = ("standard", "score_table")
MAX_RECORDS = 200_000
MAX_TEXT = 2000
MAX_FORM_FILE = 512 * 1024
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$")
_HEX64 = re.compile(r"^[0-9a-f]{64}$")
_QUESTION = re.compile(r"^[a-z][a-z0-9_]{0,63}$")
_FORM_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")


def is_comment_key(key: str) -> bool:
    """A question id, or a question id and a member id (``criteria.comments``)."""
    question_id, member_id = split_comment_key(key)
    return (key == comment_key(question_id, member_id) and bool(_QUESTION.fullmatch(question_id))
            and (member_id is None or is_uuid(member_id)))


def _bounded(parse):
    """Nesting that parsed but is too deep to walk (hash, validate) is a refusal, never a crash."""
    @functools.wraps(parse)
    def wrapper(doc: Any, counts: dict[str, int]):
        try:
            return parse(doc, counts)
        except RecursionError:
            raise _bad("$", "lồng nhau quá sâu") from None
    return wrapper


def content_hash(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def _bad(where: str, reason: str) -> FileRejected:
    return FileRejected(f"Nội dung tệp không hợp lệ ở '{where}': {reason}", "bad_payload")


def _int(value: Any, where: str, low: int, high: int = 2**53) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _bad(where, f"phải là số nguyên từ {low}")
    return value


def _text(value: Any, where: str, limit: int = MAX_TEXT, optional: bool = False) -> str | None:
    if value is None and optional:
        return None
    if not isinstance(value, str) or len(value) > limit:
        raise _bad(where, f"phải là chuỗi tối đa {limit} ký tự")
    return value


def _scalar(value: Any) -> bool:
    return value is None or (isinstance(value, str | int) and not isinstance(value, bool))


def _envelope(doc: Any, fmt: str, keys: set[str]) -> dict:
    if not isinstance(doc, dict) or doc.get("format") != fmt:
        raise _bad("format", f"phải là '{fmt}'")
    if doc.get("format_version") != PAYLOAD_VERSION or isinstance(doc.get("format_version"), bool):
        raise FileRejected(f"Nội dung phiên bản {doc.get('format_version')!r} không được hỗ trợ",
                           "unsupported_version")
    if set(doc) != keys | {"format", "format_version"}:
        raise _bad("$", "các trường không đúng định dạng")
    return doc


# --- bundle -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    type: str
    id: str
    version: int
    base_version: int
    changed_at: str
    changed_by: str
    data: dict[str, Any]
    hash: str = ""

    def as_json(self) -> dict[str, Any]:
        # Composed (NFC) text on the way out too: the receiver hashes what it reads after normalising. The
        # register already stores NFC, so the walk over every value is only made when the text needs it.
        text = canonical(self.data)
        data = self.data
        if not unicodedata.is_normalized("NFC", text.decode("utf-8")):
            data = nfc_deep(data)
            text = canonical(data)
        return {"type": self.type, "id": self.id, "version": self.version, "base_version": self.base_version,
                "hash": self.hash or hashlib.sha256(text).hexdigest(), "changed_at": self.changed_at,
                "changed_by": nfc(self.changed_by), "data": data}


def bundle_payload(records: list[Record]) -> dict[str, Any]:
    return {"format": BUNDLE_FORMAT, "format_version": PAYLOAD_VERSION,
            "records": [r.as_json() for r in records]}


def bundle_counts(records: list[Record]) -> dict[str, int]:
    """The header's counts: numbers only, so the clear header says how much, never who."""
    counts = {"households": 0, "members": 0, "assessments": 0, "support": 0}
    for r in records:
        if r.type == "household":
            counts["households"] += 1
            counts["members"] += len(r.data.get("members", []))
        elif r.type == "assessment":
            counts["assessments"] += 1
        else:
            counts["support"] += 1
    return counts


_ASSESSMENT_KEYS = {"household_id", "household_version", "status", "comment", "class", "standard_id",
                    "standard_sha256", "result", "snapshot", "round"}
_SUPPORT_KEYS = {"household_id", "kind", "date", "amount", "provider", "note", "deleted"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _check_assessment(data: dict, where: str) -> None:
    """Shape and types; statuses, rounds and classes are checked again by the database's constraints."""
    if set(data) != _ASSESSMENT_KEYS:
        raise _bad(where, "các trường của phiếu đánh giá không đúng định dạng")
    if not is_uuid(data["household_id"]):
        raise _bad(f"{where}.household_id", "phải là UUID")
    _int(data["household_version"], f"{where}.household_version", 1)
    for key in ("status", "standard_id", "standard_sha256"):
        _text(data[key], f"{where}.{key}", 200)
    _text(data["comment"], f"{where}.comment", optional=True)
    _text(data["class"], f"{where}.class", 50, optional=True)
    for key in ("result", "snapshot"):
        if not isinstance(data[key], dict):
            raise _bad(f"{where}.{key}", "phải là một đối tượng")
    rnd = data["round"]
    if not isinstance(rnd, dict) or set(rnd) != {"id", "year", "kind", "start_date", "title"}:
        raise _bad(f"{where}.round", "đợt rà soát không đúng định dạng")
    _text(rnd["id"], f"{where}.round.id", 100)
    _int(rnd["year"], f"{where}.round.year", 2000, 2200)
    _text(rnd["title"], f"{where}.round.title", 200)
    if rnd["kind"] not in ("periodic", "regular") or not isinstance(rnd["start_date"], str) \
            or not _DATE.match(rnd["start_date"]):
        raise _bad(f"{where}.round", "loại hoặc ngày bắt đầu đợt không hợp lệ")


def _check_support(data: dict, where: str) -> None:
    if set(data) != _SUPPORT_KEYS:
        raise _bad(where, "các trường của khoản hỗ trợ không đúng định dạng")
    if not is_uuid(data["household_id"]):
        raise _bad(f"{where}.household_id", "phải là UUID")
    _text(data["kind"], f"{where}.kind", 50)
    if not isinstance(data["date"], str) or not _DATE.match(data["date"]):
        raise _bad(f"{where}.date", "ngày không hợp lệ")
    if data["amount"] is not None:
        _int(data["amount"], f"{where}.amount", 0, 10**13)
    _text(data["provider"], f"{where}.provider")
    _text(data["note"], f"{where}.note")
    if not isinstance(data["deleted"], bool):
        raise _bad(f"{where}.deleted", "phải là true hoặc false")


_RECORD_KEYS = {"type", "id", "version", "base_version", "hash", "changed_at", "changed_by", "data"}


@_bounded
def parse_bundle(doc: Any, counts: dict[str, int]) -> list[Record]:
    """Every record checked: envelope, types, hash of its data, household documents validated."""
    _envelope(doc, BUNDLE_FORMAT, {"records"})
    raw = doc["records"]
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise _bad("records", "phải là danh sách có tối đa 200.000 bản ghi")
    records, seen = [], set()
    for i, r in enumerate(raw):
        where = f"records[{i}]"
        if not isinstance(r, dict) or set(r) != _RECORD_KEYS:
            raise _bad(where, "các trường không đúng định dạng")
        if r["type"] not in RECORD_TYPES:
            raise _bad(f"{where}.type", "loại bản ghi không hỗ trợ")
        if not is_uuid(r["id"]):
            raise _bad(f"{where}.id", "phải là UUID")
        if (r["type"], r["id"]) in seen:
            raise _bad(f"{where}.id", "bản ghi lặp lại trong cùng một gói")
        seen.add((r["type"], r["id"]))
        version = _int(r["version"], f"{where}.version", 1)
        base = _int(r["base_version"], f"{where}.base_version", 0, version - 1)
        if not isinstance(r["hash"], str) or not _HEX64.match(r["hash"]):
            raise _bad(f"{where}.hash", "phải là SHA-256 dạng hex")
        if not isinstance(r["changed_at"], str) or not _TIME.match(r["changed_at"]):
            raise _bad(f"{where}.changed_at", "thời điểm không hợp lệ")
        _text(r["changed_by"], f"{where}.changed_by", 200)
        data = r["data"]
        if not isinstance(data, dict):
            raise _bad(f"{where}.data", "phải là một đối tượng")
        if content_hash(data) != r["hash"]:
            raise _bad(f"{where}.hash", "mã băm không khớp nội dung")
        if r["type"] == "household":
            try:
                data = parse_household(data)
            except InvalidHousehold as exc:
                raise _bad(f"{where}.data.{exc.field}", exc.reason) from None
            if data["household_id"] != r["id"] or data["record_version"] != version:
                raise _bad(f"{where}.data", "mã hộ hoặc phiên bản không khớp bản ghi")
        elif r["type"] == "assessment":
            _check_assessment(data, f"{where}.data")
        else:
            _check_support(data, f"{where}.data")
        records.append(Record(r["type"], r["id"], version, base, r["changed_at"], r["changed_by"], data,
                              r["hash"]))
    if bundle_counts(records) != counts:
        raise _bad("counts", "số lượng trong tiêu đề không khớp nội dung")
    return records


# --- receipt ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class ReceiptItem:
    type: str
    id: str
    version: int
    status: str
    comments: dict[str, str] = field(default_factory=dict)
    reason: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {"type": self.type, "id": self.id, "version": self.version, "status": self.status,
                "comments": dict(self.comments), "reason": self.reason}


@dataclass(frozen=True)
class Receipt:
    """The office's answer to one laptop: the highest bundle it has received, and every decision on that
    laptop's records not yet sent in an earlier receipt."""

    through_sequence: int
    items: tuple[ReceiptItem, ...]

    def as_json(self) -> dict[str, Any]:
        return {"format": RECEIPT_FORMAT, "format_version": PAYLOAD_VERSION,
                "through_sequence": self.through_sequence, "items": [i.as_json() for i in self.items]}

    def counts(self) -> dict[str, int]:
        return {s: sum(1 for i in self.items if i.status == s) for s in RECEIPT_STATUSES}


@_bounded
def parse_receipt(doc: Any, counts: dict[str, int]) -> Receipt:
    _envelope(doc, RECEIPT_FORMAT, {"through_sequence", "items"})
    seq = _int(doc["through_sequence"], "through_sequence", 0)
    raw = doc["items"]
    if not isinstance(raw, list) or len(raw) > MAX_RECORDS:
        raise _bad("items", "phải là danh sách")
    items = []
    for i, it in enumerate(raw):
        where = f"items[{i}]"
        if not isinstance(it, dict) or set(it) != {"type", "id", "version", "status", "comments", "reason"}:
            raise _bad(where, "các trường không đúng định dạng")
        if it["type"] not in RECORD_TYPES or not is_uuid(it["id"]):
            raise _bad(where, "loại hoặc mã bản ghi không hợp lệ")
        if it["status"] not in RECEIPT_STATUSES:
            raise _bad(f"{where}.status", "phải là accepted, returned hoặc rejected")
        comments = it["comments"]
        if not isinstance(comments, dict) or len(comments) > 500 or not all(
                isinstance(k, str) and is_comment_key(k) and isinstance(v, str) and len(v) <= MAX_TEXT
                for k, v in comments.items()):
            raise _bad(f"{where}.comments", "mỗi nhận xét phải gắn với một mã câu hỏi (và thành viên)")
        reason = _text(it["reason"], f"{where}.reason", optional=True)
        items.append(ReceiptItem(it["type"], it["id"], _int(it["version"], f"{where}.version", 1),
                                 it["status"], comments, reason))
    receipt = Receipt(seq, tuple(items))
    if receipt.counts() != counts:
        raise _bad("counts", "số lượng trong tiêu đề không khớp nội dung")
    return receipt


# --- assignment -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FormFile:
    """A standard or score-table file sent by the office. ``id`` is checked against a strict pattern and
    is never used as a path on its own; the importer decides where the text goes."""

    kind: str
    id: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "sha256": self.sha256, "text": self.text}


@dataclass(frozen=True)
class AssignedHousehold:
    household: dict[str, Any]
    # Last year's result for the surveyor to start from: {"year", "class", "status"}; None when new.
    previous: dict[str, Any] | None

    def as_json(self) -> dict[str, Any]:
        return {"household": self.household, "previous": self.previous}


@dataclass(frozen=True)
class Assignment:
    village_id: str
    village: str
    round_id: str | None
    households: tuple[AssignedHousehold, ...]
    files: tuple[FormFile, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"format": ASSIGNMENT_FORMAT, "format_version": PAYLOAD_VERSION,
                "village_id": self.village_id, "village": self.village, "round_id": self.round_id,
                "households": [h.as_json() for h in self.households],
                "files": [f.as_json() for f in self.files]}

    def counts(self) -> dict[str, int]:
        return {"households": len(self.households), "files": len(self.files)}


@_bounded
def parse_assignment(doc: Any, counts: dict[str, int]) -> Assignment:
    _envelope(doc, ASSIGNMENT_FORMAT, {"village_id", "village", "round_id", "households", "files"})
    village_id = _text(doc["village_id"], "village_id", 100)
    village = _text(doc["village"], "village", 200)
    round_id = _text(doc["round_id"], "round_id", 100, optional=True)
    if not isinstance(doc["households"], list) or len(doc["households"]) > MAX_RECORDS:
        raise _bad("households", "phải là danh sách")
    households = []
    for i, h in enumerate(doc["households"]):
        where = f"households[{i}]"
        if not isinstance(h, dict) or set(h) != {"household", "previous"}:
            raise _bad(where, "các trường không đúng định dạng")
        try:
            household = parse_household(h["household"])
        except InvalidHousehold as exc:
            raise _bad(f"{where}.household.{exc.field}", exc.reason) from None
        prev = h["previous"]
        if prev is not None and (not isinstance(prev, dict) or set(prev) - {"year", "class", "status"}
                                 or not all(_scalar(v) for v in prev.values())):
            raise _bad(f"{where}.previous", "dữ liệu năm trước không đúng định dạng")
        households.append(AssignedHousehold(household, prev))
    if not isinstance(doc["files"], list) or len(doc["files"]) > 50:
        raise _bad("files", "phải là danh sách tối đa 50 tệp")
    files = []
    for i, f in enumerate(doc["files"]):
        where = f"files[{i}]"
        if not isinstance(f, dict) or set(f) != {"kind", "id", "sha256", "text"}:
            raise _bad(where, "các trường không đúng định dạng")
        if f["kind"] not in FILE_KINDS or not isinstance(f["id"], str) or not _FORM_ID.match(f["id"]):
            raise _bad(where, "loại hoặc mã tệp không hợp lệ")
        text = _text(f["text"], f"{where}.text", MAX_FORM_FILE)
        form = FormFile(f["kind"], f["id"], text)
        if form.sha256 != f["sha256"]:
            raise _bad(f"{where}.sha256", "mã băm không khớp nội dung")
        files.append(form)
    assignment = Assignment(village_id, village, round_id, tuple(households), tuple(files))
    if assignment.counts() != counts:
        raise _bad("counts", "số lượng trong tiêu đề không khớp nội dung")
    return assignment
