"""Fingerprints and device ids that people compare by eye, read aloud over the phone, and type.

Crockford base32 (no I, L, O, U; case and the look-alikes ``O→0``, ``I/L→1`` are forgiven), in groups of
four characters plus one check character. The check character is a GF(32) polynomial check over the
group (a Damm-style check): one mistyped character anywhere in a group, or two neighbouring characters
swapped, always changes it. Groups are joined by hyphens: ``7K3Q9-ZW2MT-…``.

The fingerprint covers both public keys of an installation (signing and encryption), six groups = 120
bits of SHA-256. The device id is its first four groups (80 bits): a fingerprint starts with the device id.
"""

from __future__ import annotations

import hashlib

from ngheo_desktop.sync.errors import FingerprintError

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_VALUE.update({"O": 0, "I": 1, "L": 1})
GROUP_DATA = 4
FINGERPRINT_GROUPS = 6
DEVICE_ID_GROUPS = 4
DEVICE_ID_BYTES = DEVICE_ID_GROUPS * GROUP_DATA * 5 // 8
_DOMAIN = b"ngheo-fingerprint-v1\x00"


def _times_x(v: int) -> int:
    """Multiply by x in GF(32) with the primitive polynomial x^5 + x^2 + 1."""
    v <<= 1
    return v ^ 0b100101 if v & 0b100000 else v


def _check_value(values: list[int]) -> int:
    # Horner evaluation r = x*r + d; the check c makes x*r + c == 0, so a valid group folds to zero.
    # A changed symbol d→d' shifts the result by x^k·(d−d') ≠ 0; swapping neighbours a,b shifts it by
    # x^k·(x+1)(a+b) ≠ 0 — GF(32) has no zero divisors.
    r = 0
    for d in values:
        r = _times_x(r) ^ d
    return _times_x(r)


def _base32(data: bytes) -> str:
    """Whole multiples of 5 bytes only (every use here), so no padding is needed."""
    assert len(data) % 5 == 0
    bits = int.from_bytes(data, "big")
    n = len(data) * 8 // 5
    return "".join(ALPHABET[(bits >> (5 * (n - 1 - i))) & 31] for i in range(n))


def _grouped(data_chars: str) -> str:
    groups = []
    for i in range(0, len(data_chars), GROUP_DATA):
        chunk = data_chars[i:i + GROUP_DATA]
        groups.append(chunk + ALPHABET[_check_value([_VALUE[c] for c in chunk])])
    return "-".join(groups)


def key_digest(signing_public: bytes, encryption_public: bytes) -> bytes:
    return hashlib.sha256(_DOMAIN + signing_public + encryption_public).digest()


def fingerprint(signing_public: bytes, encryption_public: bytes) -> str:
    data = key_digest(signing_public, encryption_public)[: FINGERPRINT_GROUPS * GROUP_DATA * 5 // 8]
    return _grouped(_base32(data))


def device_id_bytes(signing_public: bytes, encryption_public: bytes) -> bytes:
    return key_digest(signing_public, encryption_public)[:DEVICE_ID_BYTES]


def device_id_text(raw: bytes) -> str:
    if len(raw) != DEVICE_ID_BYTES:
        raise ValueError("device id must be 10 bytes")
    return _grouped(_base32(raw))


def normalise(text: str, groups: int, what: str = "dấu vân tay") -> str:
    """Check a typed fingerprint or device id and return it in canonical form.

    Hyphens and spaces are optional, case is ignored, look-alike letters are forgiven; a wrong length or a
    failed check character raises ``FingerprintError`` naming the group to re-read.
    """
    chars = [c for c in text.upper() if c not in "- \t"]
    want = groups * (GROUP_DATA + 1)
    if len(chars) != want:
        raise FingerprintError(f"{what.capitalize()} phải có {want} ký tự (không kể dấu gạch), "
                               f"nhận được {len(chars)}")
    values = []
    for c in chars:
        if c not in _VALUE:
            raise FingerprintError(f"Ký tự '{c}' không dùng trong {what}")
        values.append(_VALUE[c])
    for g in range(groups):
        block = values[g * (GROUP_DATA + 1):(g + 1) * (GROUP_DATA + 1)]
        if _check_value(block[:GROUP_DATA]) != block[GROUP_DATA]:
            raise FingerprintError(f"Nhóm thứ {g + 1} của {what} sai ký tự kiểm tra: có ký tự bị gõ nhầm")
    return "-".join("".join(ALPHABET[v] for v in values[g * 5:(g + 1) * 5]) for g in range(groups))


def normalise_device_id(text: str) -> str:
    return normalise(text, DEVICE_ID_GROUPS, "mã thiết bị")


def normalise_fingerprint(text: str) -> str:
    return normalise(text, FINGERPRINT_GROUPS, "dấu vân tay")
