"""The signed, encrypted file that carries data between a field laptop and the commune office.

One container family for bundles (laptop → office), receipts and assignments (office → laptop).
Layout, all integers big-endian::

    offset  size  field
    0       8     magic  89 'N' 'G' 'H' 0D 0A 1A 0A   (catches text-mode and line-ending damage)
    8       2     container format version (1)
    10      1     kind: 'B' bundle, 'R' receipt, 'A' assignment
    11      1     flags (0)
    12      10    sender device id (first 80 bits of its key fingerprint)
    22      10    recipient device id
    32      4     H = clear header length            (≤ Limits.header)
    36      8     C = ciphertext length               (≤ Limits.ciphertext)
    44      H     clear header: canonical JSON — kind, version, sender, recipient, sequence, created,
                  counts; never names, ID numbers or addresses
    44+H    32    ephemeral X25519 public key
    76+H    12    nonce
    88+H    C     ChaCha20-Poly1305 ciphertext of the zlib-compressed payload JSON; the AAD is every
                  byte before it, so the header and recipient are bound to the payload
    88+H+C  64    Ed25519 signature by the sender over every byte before it; the file ends here

The reader checks sizes, finds the sender among trusted keys by the fixed-width id, and verifies the
signature before it parses the header, decrypts or decompresses anything. Decompression is bounded
(``Limits.plaintext``), so a compressed bomb costs at most that much memory and time.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from ngheo_desktop.sync.errors import FileRejected
from ngheo_desktop.sync.fingerprint import device_id_text
from ngheo_desktop.sync.keys import Identity, PublicIdentity
from ngheo_desktop.sync.strictjson import StrictJSONError, canonical, loads_strict

MAGIC = b"\x89NGH\r\n\x1a\n"
VERSION = 1
KINDS = {"bundle": b"B", "receipt": b"R", "assignment": b"A"}
KIND_VI = {"bundle": "gói dữ liệu", "receipt": "biên nhận", "assignment": "tệp giao việc"}
_PREAMBLE = struct.Struct(">8sHcB10s10sIQ")
PREAMBLE_SIZE = _PREAMBLE.size
SIG_SIZE = 64
_EPH, _NONCE = 32, 12
_HEADER_KEYS = {"kind", "format_version", "sender", "recipient", "sequence", "created", "counts", "refs"}
_CREATED = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
_COUNT_KEY = re.compile(r"^[a-z_]{1,32}$")
_REF = re.compile(r"^[0-9a-f]{64}$")
MAX_SEQUENCE = 2**53


@dataclass(frozen=True)
class Limits:
    """Hard caps on what a reader accepts, several times a large commune's whole register."""

    header: int = 4096
    ciphertext: int = 64 * 1024 * 1024
    plaintext: int = 128 * 1024 * 1024

    @property
    def file(self) -> int:
        return PREAMBLE_SIZE + self.header + _EPH + _NONCE + self.ciphertext + SIG_SIZE


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class Header:
    kind: str
    sender: str
    recipient: str
    sequence: int
    created: str
    counts: dict[str, int]
    # Hex SHA-256 ids of other files this one answers (a receipt names the bundle it answers).
    refs: tuple[str, ...] = ()

    def as_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "format_version": VERSION, "sender": self.sender,
                "recipient": self.recipient, "sequence": self.sequence, "created": self.created,
                "counts": dict(self.counts), "refs": list(self.refs)}


@dataclass(frozen=True)
class Verified:
    """A file whose signature checked out: who sent it, its clear header, and its id."""

    header: Header
    sender: PublicIdentity
    file_id: str  # hex SHA-256 of the whole file: what "already imported" compares
    data: bytes
    header_len: int


def reject(message: str, code: str) -> FileRejected:
    return FileRejected(message, code)


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _key(shared: bytes, eph_pub: bytes, recipient_pub: bytes, kind: str) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=eph_pub + recipient_pub,
                info=b"ngheo-sync-v1 " + KINDS[kind]).derive(shared)


def seal(kind: str, payload: Any, sender: Identity, recipient: PublicIdentity, sequence: int,
         counts: dict[str, int], refs: tuple[str, ...] = (), created: str | None = None) -> bytes:
    """The complete file's bytes: header, payload compressed and encrypted to ``recipient``, signature."""
    header = Header(kind, sender.device_id, recipient.device_id, sequence, created or now_utc(),
                    counts, refs)
    _check_header(header.as_json(), kind)
    return _seal_bytes(kind, canonical(header.as_json()), zlib.compress(canonical(payload), 3), sender,
                       recipient)


def _seal_bytes(kind: str, header_bytes: bytes, plain: bytes, sender: Identity,
                recipient: PublicIdentity) -> bytes:
    """The framing, encryption and signature around an already encoded header and compressed payload."""
    eph = X25519PrivateKey.generate()
    eph_pub = eph.public_key().public_bytes_raw()
    nonce = os.urandom(_NONCE)
    key = _key(eph.exchange(X25519PublicKey.from_public_bytes(recipient.encryption_public)), eph_pub,
               recipient.encryption_public, kind)
    ct_len = len(plain) + 16
    if len(header_bytes) > DEFAULT_LIMITS.header or ct_len > DEFAULT_LIMITS.ciphertext:
        raise reject("Dữ liệu quá lớn cho một tệp; hãy chia thành nhiều lần gửi", "too_large")
    pre = _PREAMBLE.pack(MAGIC, VERSION, KINDS[kind], 0, sender.public.device_id_raw,
                         recipient.device_id_raw, len(header_bytes), ct_len)
    aad = pre + header_bytes + eph_pub + nonce
    signed = aad + ChaCha20Poly1305(key).encrypt(nonce, plain, aad)
    return signed + sender.sign(signed)


def _check_header(h: Any, kind: str) -> Header:
    bad = reject("Tiêu đề tệp không hợp lệ", "bad_header")
    if not isinstance(h, dict) or set(h) != _HEADER_KEYS:
        raise bad
    if h["kind"] != kind or h["format_version"] != VERSION:
        raise bad
    seq, counts, refs = h["sequence"], h["counts"], h["refs"]
    if isinstance(seq, bool) or not isinstance(seq, int) or not 1 <= seq <= MAX_SEQUENCE:
        raise bad
    if not isinstance(h["created"], str) or not _CREATED.match(h["created"]):
        raise bad
    if not isinstance(counts, dict) or len(counts) > 16 or not all(
            isinstance(k, str) and _COUNT_KEY.match(k) and isinstance(v, int) and not isinstance(v, bool)
            and 0 <= v <= 10**7 for k, v in counts.items()):
        raise bad
    if not isinstance(refs, list) or len(refs) > 16 or not all(isinstance(r, str) and _REF.match(r)
                                                             for r in refs):
        raise bad
    if not isinstance(h["sender"], str) or not isinstance(h["recipient"], str):
        raise bad
    return Header(kind, h["sender"], h["recipient"], seq, h["created"], dict(counts), tuple(refs))


def read_preamble(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[str, bytes, bytes, int, int]:
    """Check the fixed-size start and the exact length: (kind, sender id, recipient id, H, C)."""
    if len(data) < PREAMBLE_SIZE or data[:8] != MAGIC:
        raise reject("Không phải tệp đồng bộ của ngheo (sai chữ ký nhận dạng đầu tệp)", "not_a_sync_file")
    _, version, kind_b, flags, sender, recipient, h_len, c_len = _PREAMBLE.unpack_from(data)
    if version != VERSION:
        raise reject(f"Tệp đồng bộ phiên bản {version} không được hỗ trợ (phiên bản này đọc được {VERSION})",
                     "unsupported_version")
    kind = next((k for k, b in KINDS.items() if b == kind_b), None)
    if kind is None or flags != 0:
        raise reject("Loại tệp đồng bộ không được hỗ trợ", "unsupported_kind")
    if h_len > limits.header or c_len > limits.ciphertext or c_len < 16:
        raise reject("Độ dài khai báo trong tệp vượt giới hạn", "oversize")
    if len(data) != PREAMBLE_SIZE + h_len + _EPH + _NONCE + c_len + SIG_SIZE:
        raise reject("Tệp bị cắt cụt hoặc thừa dữ liệu (độ dài không khớp khai báo)", "bad_length")
    return kind, sender, recipient, h_len, c_len


def verify(data: bytes, expected_kind: str, lookup: Callable[[bytes], PublicIdentity | None],
           limits: Limits = DEFAULT_LIMITS) -> Verified:
    """Check sizes, find the sender, verify the signature; then parse the clear header. No decryption."""
    if len(data) > limits.file:
        raise reject("Tệp lớn hơn giới hạn cho phép", "oversize")
    kind, sender_raw, recipient_raw, h_len, _ = read_preamble(data, limits)
    if kind != expected_kind:
        raise reject(f"Đây là {KIND_VI[kind]}, không phải {KIND_VI[expected_kind]}", "wrong_kind")
    sender = lookup(sender_raw)
    if sender is None:
        raise reject(f"Thiết bị gửi {device_id_text(sender_raw)} chưa được đăng ký tin cậy", "unknown_device")
    if not sender.verify(data[-SIG_SIZE:], data[:-SIG_SIZE]):
        raise reject("Chữ ký không đúng: tệp đã bị sửa hoặc hỏng", "bad_signature")
    try:
        raw_header = loads_strict(data[PREAMBLE_SIZE:PREAMBLE_SIZE + h_len])
    except StrictJSONError:
        raise reject("Tiêu đề tệp không hợp lệ", "bad_header") from None
    header = _check_header(raw_header, kind)
    if header.sender != sender.device_id or header.recipient != device_id_text(recipient_raw):
        raise reject("Tiêu đề tệp không khớp thiết bị gửi/nhận", "bad_header")
    return Verified(header, sender, hashlib.sha256(data).hexdigest(), data, h_len)


def peek(data: bytes, limits: Limits = DEFAULT_LIMITS) -> tuple[Header, str]:
    """The clear header and file id of a file whose sender is NOT known, so NOT verified: for showing a
    person what arrived ("from an unregistered device …"), never for acting on it."""
    if len(data) > limits.file:
        raise reject("Tệp lớn hơn giới hạn cho phép", "oversize")
    kind, sender_raw, recipient_raw, h_len, _ = read_preamble(data, limits)
    try:
        header = _check_header(loads_strict(data[PREAMBLE_SIZE:PREAMBLE_SIZE + h_len]), kind)
    except StrictJSONError:
        raise reject("Tiêu đề tệp không hợp lệ", "bad_header") from None
    if header.sender != device_id_text(sender_raw) or header.recipient != device_id_text(recipient_raw):
        raise reject("Tiêu đề tệp không khớp thiết bị gửi/nhận", "bad_header")
    return header, hashlib.sha256(data).hexdigest()


def open_payload(v: Verified, recipient: Identity, limits: Limits = DEFAULT_LIMITS) -> Any:
    """Decrypt, decompress (bounded) and parse the payload of a verified file addressed to us."""
    if v.header.recipient != recipient.device_id:
        raise reject(f"Tệp này gửi cho {v.header.recipient}, không phải cho máy này ({recipient.device_id})",
                     "wrong_recipient")
    data, start = v.data, PREAMBLE_SIZE + v.header_len
    eph_pub, nonce = data[start:start + _EPH], data[start + _EPH:start + _EPH + _NONCE]
    aad = data[:start + _EPH + _NONCE]
    ciphertext = data[start + _EPH + _NONCE:-SIG_SIZE]
    enc_pub = recipient.public.encryption_public
    try:
        shared = recipient.encryption_key.exchange(X25519PublicKey.from_public_bytes(eph_pub))
        key = _key(shared, eph_pub, enc_pub, v.header.kind)
        plain = ChaCha20Poly1305(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError):
        raise reject("Không giải mã được nội dung (không dành cho khóa của máy này hoặc đã hỏng)",
                     "decrypt_failed") from None
    text = _inflate(plain, limits.plaintext)
    try:
        return loads_strict(text)
    except StrictJSONError as exc:
        raise reject(f"Nội dung tệp không hợp lệ: {exc.reason}", "bad_payload") from None


def _inflate(data: bytes, limit: int) -> bytes:
    d = zlib.decompressobj()
    try:
        # max_length caps the output; input beyond it stays in unconsumed_tail, so memory stays ≤ limit.
        out = d.decompress(data, limit + 1)
    except zlib.error:
        raise reject("Nội dung nén bị hỏng", "bad_compression") from None
    if len(out) > limit:
        raise reject(f"Nội dung giải nén vượt giới hạn {limit // (1024 * 1024)} MB", "decompressed_oversize")
    if not d.eof or d.unused_data or d.unconsumed_tail:
        raise reject("Nội dung nén bị hỏng", "bad_compression")
    return out

