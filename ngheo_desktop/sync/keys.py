"""The installation's keys: one Ed25519 key to sign and one X25519 key to receive encrypted files.

Both private keys are sealed together in ``data_home()/keys/identity.json`` under a passphrase
(scrypt → ChaCha20-Poly1305; the public part of the file is the AEAD's associated data, so it cannot be
edited without the passphrase failing). ``NGHEO_PASSPHRASE`` supplies the passphrase for scripts; a
terminal prompt otherwise. The role — ``field`` (a surveyor's laptop) or ``office`` (the commune) — is
fixed when the keys are made.

Public key files (``ngheo.pubkey`` v1) carry both public keys, the role and a self-signature, for
enrolment: the field laptop trusts the office's file, the office registers each laptop's file.
"""

from __future__ import annotations

import base64
import datetime as dt
import getpass
import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ngheo_desktop.paths import data_home, identity_file
from ngheo_desktop.sync import fingerprint as fp
from ngheo_desktop.sync.errors import KeyStoreError, TrustError, WrongPassphrase
from ngheo_desktop.sync.fileio import atomic_write, read_limited
from ngheo_desktop.sync.strictjson import StrictJSONError, canonical, loads_strict

ROLES = ("field", "office")
ROLE_VI = {"field": "máy thực địa", "office": "văn phòng xã"}
KEYS_FORMAT = "ngheo.keys"
PUBKEY_FORMAT = "ngheo.pubkey"
FORMAT_VERSION = 1
MIN_PASSPHRASE = 8
# scrypt cost: 2^15 × 8 × 128 B = 32 MiB and ~0.1 s per unlock; the cost is stored in the file, so it
# can be raised later without breaking older key files.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
MAX_KEY_FILE = 16 * 1024
_RAW = {"encoding": serialization.Encoding.Raw, "format": serialization.PublicFormat.Raw}
_PUBKEY_SIG_DOMAIN = b"ngheo-pubkey-v1\x00"
_PUBLIC_KEYS = ("format", "format_version", "role", "label", "device_id", "fingerprint", "created",
                "signing_public", "encryption_public", "kdf")


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(value: Any, size: int | None, what: str, error) -> bytes:
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else None
    except ValueError:
        raw = None
    if raw is None or (size is not None and len(raw) != size):
        raise error(what)
    return raw


def keys_dir() -> Path:
    d = data_home() / "keys"
    d.mkdir(parents=True, exist_ok=True)
    return d


def identity_path() -> Path:
    keys_dir()  # made on first use
    return identity_file()


@dataclass(frozen=True)
class PublicIdentity:
    """Someone else's (or our own) public keys, as enrolled."""

    role: str
    signing_public: bytes
    encryption_public: bytes
    label: str = ""

    @property
    def device_id_raw(self) -> bytes:
        return fp.device_id_bytes(self.signing_public, self.encryption_public)

    @property
    def device_id(self) -> str:
        return fp.device_id_text(self.device_id_raw)

    @property
    def fingerprint(self) -> str:
        return fp.fingerprint(self.signing_public, self.encryption_public)

    def verify(self, signature: bytes, message: bytes) -> bool:
        try:
            Ed25519PublicKey.from_public_bytes(self.signing_public).verify(signature, message)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class Identity:
    """This installation's unlocked keys."""

    role: str
    signing_key: Ed25519PrivateKey
    encryption_key: X25519PrivateKey
    label: str = ""

    @property
    def public(self) -> PublicIdentity:
        return PublicIdentity(self.role, self.signing_key.public_key().public_bytes(**_RAW),
                              self.encryption_key.public_key().public_bytes(**_RAW), self.label)

    @property
    def device_id(self) -> str:
        return self.public.device_id

    def sign(self, message: bytes) -> bytes:
        return self.signing_key.sign(message)


def generate(role: str, label: str = "") -> Identity:
    if role not in ROLES:
        raise KeyStoreError(f"Vai trò '{role}' không hợp lệ: chọn 'field' (thực địa) hoặc 'office' "
                            "(văn phòng)", "bad_role")
    return Identity(role, Ed25519PrivateKey.generate(), X25519PrivateKey.generate(), label)


def _kdf(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _public_part(role: str, pub: PublicIdentity, label: str, kdf: dict, created: str) -> dict:
    return {"format": KEYS_FORMAT, "format_version": FORMAT_VERSION, "role": role, "label": label,
            "device_id": pub.device_id, "fingerprint": pub.fingerprint, "created": created,
            "signing_public": _b64(pub.signing_public), "encryption_public": _b64(pub.encryption_public),
            "kdf": kdf}


def seal(identity: Identity, passphrase: str, created: str | None = None) -> bytes:
    """The identity file's bytes: the public part in clear, both private keys sealed under the passphrase."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise KeyStoreError(f"Mật khẩu khóa phải có ít nhất {MIN_PASSPHRASE} ký tự", "weak_passphrase")
    salt, nonce = os.urandom(16), os.urandom(12)
    kdf = {"name": "scrypt", "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(salt)}
    created = created or dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    public = _public_part(identity.role, identity.public, identity.label, kdf, created)
    secret = (identity.signing_key.private_bytes_raw() + identity.encryption_key.private_bytes_raw())
    sealed = ChaCha20Poly1305(_kdf(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)).encrypt(
        nonce, secret, canonical(public))
    doc = dict(public, cipher="chacha20poly1305", nonce=_b64(nonce), sealed=_b64(sealed))
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _broken(what: str) -> KeyStoreError:
    return KeyStoreError(f"Tệp khóa của máy này bị hỏng ({what}); cần khôi phục từ bản sao lưu",
                         "corrupt_keys")


def unseal(data: bytes, passphrase: str) -> Identity:
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise _broken(exc.reason) from None
    if not isinstance(doc, dict) or doc.get("format") != KEYS_FORMAT:
        raise _broken("không phải tệp khóa")
    if doc.get("format_version") != FORMAT_VERSION:
        raise KeyStoreError(f"Tệp khóa phiên bản {doc.get('format_version')!r} không được hỗ trợ",
                            "unsupported_version")
    kdf = doc.get("kdf")
    if not isinstance(kdf, dict) or kdf.get("name") != "scrypt" or doc.get("cipher") != "chacha20poly1305":
        raise _broken("thuật toán không hỗ trợ")
    n, r, p = kdf.get("n"), kdf.get("r"), kdf.get("p")
    # Bounds keep a tampered file from asking scrypt for gigabytes.
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (n, r, p)) \
            or not (2**10 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 16 and 1 <= p <= 4):
        raise _broken("tham số scrypt")
    role = doc.get("role")
    if role not in ROLES or not isinstance(doc.get("label"), str) or not isinstance(doc.get("created"), str):
        raise _broken("vai trò")
    salt = _unb64(kdf.get("salt"), 16, "salt", _broken)
    nonce = _unb64(doc.get("nonce"), 12, "nonce", _broken)
    sealed = _unb64(doc.get("sealed"), 64 + 16, "sealed", _broken)
    public = {k: doc.get(k) for k in _PUBLIC_KEYS}
    try:
        secret = ChaCha20Poly1305(_kdf(passphrase, salt, n, r, p)).decrypt(nonce, sealed, canonical(public))
    except InvalidTag:
        raise WrongPassphrase() from None
    identity = Identity(role, Ed25519PrivateKey.from_private_bytes(secret[:32]),
                        X25519PrivateKey.from_private_bytes(secret[32:]), doc["label"])
    if _b64(identity.public.signing_public) != doc["signing_public"] \
            or _b64(identity.public.encryption_public) != doc["encryption_public"]:
        raise _broken("khóa công khai không khớp khóa bí mật")
    return identity


def passphrase_from_user(confirm: bool = False) -> str:
    """``NGHEO_PASSPHRASE`` if set, else a hidden prompt on the terminal; never echoed or logged."""
    env = os.environ.get("NGHEO_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise KeyStoreError("Cần mật khẩu khóa: đặt biến NGHEO_PASSPHRASE hoặc chạy trong cửa sổ dòng lệnh",
                            "no_passphrase")
    first = getpass.getpass("Mật khẩu khóa: ")
    if confirm and getpass.getpass("Nhập lại mật khẩu khóa: ") != first:
        raise KeyStoreError("Hai lần nhập mật khẩu không khớp", "passphrase_mismatch")
    return first


def create_identity(role: str, passphrase: str, label: str = "") -> Identity:
    """Make and store this installation's keys; refuses to replace existing keys."""
    path = identity_path()
    if path.exists():
        raise KeyStoreError("Máy này đã có khóa; không tạo đè (khóa cũ vẫn giữ nguyên)", "keys_exist")
    identity = generate(role, label)
    atomic_write(path, seal(identity, passphrase))
    return identity


def load_public_identity() -> PublicIdentity:
    """Our own public keys, readable without the passphrase (for ``keys show``, file headers)."""
    doc = _read_identity_doc()
    try:
        return PublicIdentity(doc["role"], base64.b64decode(doc["signing_public"]),
                              base64.b64decode(doc["encryption_public"]), doc.get("label", ""))
    except (KeyError, ValueError, TypeError):
        raise _broken("khóa công khai") from None


def _read_identity_doc() -> dict:
    path = identity_path()
    if not path.is_file():
        raise KeyStoreError("Máy này chưa có khóa: chạy 'ngheo keys init --role field|office' trước",
                            "no_keys")
    try:
        doc = loads_strict(read_limited(path, MAX_KEY_FILE))
    except (StrictJSONError, OSError):
        raise _broken("không đọc được") from None
    if not isinstance(doc, dict):
        raise _broken("không phải tệp khóa")
    return doc


def unlock(passphrase: str | None = None) -> Identity:
    path = identity_path()
    _read_identity_doc()
    return unseal(read_limited(path, MAX_KEY_FILE), passphrase if passphrase is not None
                  else passphrase_from_user())


# --- public key files -------------------------------------------------------------------------------

def public_key_file(identity: Identity) -> bytes:
    """The enrolment file: both public keys, the role, and a signature proving the sender holds the key."""
    pub = identity.public
    body = {"format": PUBKEY_FORMAT, "format_version": FORMAT_VERSION, "role": pub.role, "label": pub.label,
            "device_id": pub.device_id, "fingerprint": pub.fingerprint,
            "signing_public": _b64(pub.signing_public), "encryption_public": _b64(pub.encryption_public)}
    body["self_signature"] = _b64(identity.sign(_PUBKEY_SIG_DOMAIN + canonical(body)))
    return (json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def _bad_pubkey(what: str) -> TrustError:
    return TrustError(f"Tệp khóa công khai không hợp lệ: {what}", "bad_pubkey")


def parse_public_key_file(data: bytes) -> PublicIdentity:
    if len(data) > MAX_KEY_FILE:
        raise _bad_pubkey("tệp quá lớn")
    try:
        doc = loads_strict(data)
    except StrictJSONError as exc:
        raise _bad_pubkey(exc.reason) from None
    keys = {"format", "format_version", "role", "label", "device_id", "fingerprint", "signing_public",
            "encryption_public", "self_signature"}
    if not isinstance(doc, dict) or doc.get("format") != PUBKEY_FORMAT:
        raise _bad_pubkey("không phải tệp khóa công khai ngheo")
    if doc.get("format_version") != FORMAT_VERSION:
        raise _bad_pubkey(f"phiên bản {doc.get('format_version')!r} không được hỗ trợ")
    if set(doc) != keys:
        raise _bad_pubkey("các trường không đúng định dạng")
    if doc["role"] not in ROLES or not isinstance(doc["label"], str) or len(doc["label"]) > 200:
        raise _bad_pubkey("vai trò hoặc nhãn")
    pub = PublicIdentity(doc["role"], _unb64(doc["signing_public"], 32, "khóa ký", _bad_pubkey),
                         _unb64(doc["encryption_public"], 32, "khóa mã hóa", _bad_pubkey), doc["label"])
    if doc["device_id"] != pub.device_id or doc["fingerprint"] != pub.fingerprint:
        raise _bad_pubkey("mã thiết bị hoặc dấu vân tay không khớp khóa")
    signature = _unb64(doc["self_signature"], 64, "chữ ký", _bad_pubkey)
    body = {k: v for k, v in doc.items() if k != "self_signature"}
    if not pub.verify(signature, _PUBKEY_SIG_DOMAIN + canonical(body)):
        raise _bad_pubkey("chữ ký không đúng")
    return pub
