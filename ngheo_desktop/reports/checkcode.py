"""The check code printed on an assessment sheet: does this paper still match the stored record?

The sheet carries a QR code and the same information as a short code a clerk can type::

    7K3M-9Q2D-3-AB4F7ZK
    └ household ┘ │ └hash┘└ check character
                 record version

- household: the first 40 bits of the household UUID in Crockford base32 (8 characters; no I, L, O, U,
  so nothing is mistaken for 1 or 0). 40 bits keep accidental clashes below 1 in 20,000 even for a
  commune of 10,000 households; a clash is resolved by the hash.
- record version: the household document's ``record_version``, in decimal as clerks read it.
- hash: the first 30 bits of SHA-256 over the stored record (household document and its result in
  canonical JSON): any later change to the record or to its result shows as "outdated".
- check character: Luhn mod 32 over every other character, so a single mistyped character (and most
  swaps of neighbours) is caught before any lookup.

The QR code holds ``NGHEO1:<household UUID>:<version>:<128-bit hash>:<code>`` in upper case, which QR
encodes in its compact alphanumeric mode.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from typing import Any

from ngheo_desktop.criteria.household import dump_json
from ngheo_desktop.errors import NgheoError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
# Letters people type for the ones the alphabet leaves out.
_TYPING_FIXES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_CODE = re.compile(r"^([0-9A-Z]{4})-?([0-9A-Z]{4})-(\d{1,6})-([0-9A-Z]{6})([0-9A-Z])$")
_PAYLOAD_PREFIX = "NGHEO1:"
HOUSEHOLD_CHARS = 8
HASH_CHARS = 6

MATCH = "match"
OUTDATED = "outdated"
UNKNOWN = "unknown"
STATUS_VI = {
    MATCH: "Khớp: phiếu in đúng với hồ sơ đang lưu",
    OUTDATED: "Đã cũ: hồ sơ đã thay đổi sau khi in phiếu",
    UNKNOWN: "Không xác định: không có hộ nào ứng với mã này",
}


class InvalidCheckCode(NgheoError):
    """The text typed or scanned is not a check code (wrong shape or wrong check character)."""

    def __init__(self, code: str, reason: str):
        super().__init__(f"Mã kiểm tra '{code}' không hợp lệ: {reason}")
        self.code = code


def record_hash(household: dict[str, Any], result: dict[str, Any] | None) -> str:
    """SHA-256 (hex) of the stored record: the household document and its classification result."""
    canonical = dump_json({"household": household, "result": result})
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _base32(value: int, chars: int) -> str:
    out = []
    for _ in range(chars):
        out.append(ALPHABET[value & 31])
        value >>= 5
    return "".join(reversed(out))


def household_part(household_id: str) -> str:
    """The first 40 bits of the UUID as 8 base32 characters."""
    return _base32(int(household_id.replace("-", "")[:10], 16), HOUSEHOLD_CHARS)


def _luhn_addends(symbols: str, first_factor: int):
    factor = first_factor
    for ch in reversed(symbols):
        addend = factor * _VALUE[ch]
        factor = 1 if factor == 2 else 2
        yield addend // 32 + addend % 32


def check_character(symbols: str) -> str:
    """Luhn mod 32 check character for a string over ALPHABET."""
    return ALPHABET[(32 - sum(_luhn_addends(symbols, 2)) % 32) % 32]


@dataclass(frozen=True)
class SheetStamp:
    """What a printed sheet says about the record it was printed from."""

    household_id: str
    record_version: int
    hash_hex: str

    @property
    def digest(self) -> str:
        """The first 30 bits of the hash as 6 base32 characters."""
        return _base32(int(self.hash_hex[:8], 16) >> 2, HASH_CHARS)

    @property
    def code(self) -> str:
        hh = household_part(self.household_id)
        digest = self.digest
        check = check_character(hh + str(self.record_version) + digest)
        return f"{hh[:4]}-{hh[4:]}-{self.record_version}-{digest}{check}"

    @property
    def qr_payload(self) -> str:
        return (f"{_PAYLOAD_PREFIX}{self.household_id.upper()}:{self.record_version}:"
                f"{self.hash_hex[:32].upper()}:{self.code}")


def stamp_for(household: dict[str, Any], result: dict[str, Any] | None) -> SheetStamp:
    return SheetStamp(household["household_id"], household["record_version"], record_hash(household, result))


@dataclass(frozen=True)
class ParsedCode:
    """A check code read back: enough to find the household and compare the record."""

    household_prefix: str
    record_version: int
    hash_part: str
    household_id: str | None = None  # known exactly when the QR payload was scanned

    def matches(self, household_id: str) -> bool:
        if self.household_id is not None:
            return self.household_id == household_id.lower()
        return household_part(household_id) == self.household_prefix


def parse_code(text: str) -> ParsedCode:
    """Read a typed code (case, spaces and O/I/L typos forgiven) or a scanned QR payload."""
    raw = text.strip()
    if raw.upper().startswith(_PAYLOAD_PREFIX):
        parts = raw.split(":")
        if len(parts) != 5:
            raise InvalidCheckCode(raw, "nội dung mã QR không đúng cấu trúc")
        parsed = parse_code(parts[4])
        if household_part(parts[1]) != parsed.household_prefix:
            raise InvalidCheckCode(raw, "mã hộ trong mã QR không khớp với mã kiểm tra")
        return ParsedCode(parsed.household_prefix, parsed.record_version, parsed.hash_part, parts[1].lower())
    cleaned = re.sub(r"\s+", "", raw.upper()).translate(_TYPING_FIXES)
    m = _CODE.match(cleaned)
    if not m:
        raise InvalidCheckCode(raw, "mã phải có dạng XXXX-XXXX-<số phiên bản>-XXXXXXX")
    hh = m.group(1) + m.group(2)
    version, digest, check = m.group(3), m.group(4), m.group(5)
    for ch in hh + digest + check:
        if ch not in _VALUE:
            raise InvalidCheckCode(raw, f"ký tự '{ch}' không dùng trong mã")
    if check_character(hh + version + digest) != check:
        raise InvalidCheckCode(raw, "sai ký tự kiểm tra — có thể gõ nhầm một ký tự")
    return ParsedCode(hh, int(version), digest)


@dataclass(frozen=True)
class Verification:
    status: str  # MATCH, OUTDATED or UNKNOWN
    household_id: str | None = None
    printed_version: int | None = None
    current_version: int | None = None

    @property
    def message_vi(self) -> str:
        text = STATUS_VI[self.status]
        if self.status == OUTDATED:
            text += f" (phiếu in phiên bản {self.printed_version}, hồ sơ hiện là phiên bản {self.current_version})"
        return text


def verify(parsed: ParsedCode, candidates: list[tuple[dict[str, Any], dict[str, Any] | None]]) -> Verification:
    """Compare a read-back code with the current records of the households it may name.

    ``candidates`` are (household document, stored result) pairs, typically every household whose id
    starts with the code's household part; the one whose current hash matches wins.
    """
    mine = [(h, r) for h, r in candidates if parsed.matches(h["household_id"])]
    if not mine:
        return Verification(UNKNOWN, printed_version=parsed.record_version)
    for household, result in mine:
        stamp = stamp_for(household, result)
        if (stamp.record_version, stamp.digest) == (parsed.record_version, parsed.hash_part):
            return Verification(MATCH, household["household_id"], parsed.record_version,
                                household["record_version"])
    household = mine[0][0]
    return Verification(OUTDATED, household["household_id"], parsed.record_version, household["record_version"])
