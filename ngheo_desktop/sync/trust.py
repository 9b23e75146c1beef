"""Whom this installation trusts: the office (on a field laptop) or the enrolled laptops (at the office).

Kept beside the keys in ``data_home()/keys/trust.json``, not in the database: enrolment happens before a
register exists, and identity material belongs together. Each entry holds the public keys as enrolled
and, once revoked, the cut-off sequence: files numbered above it are held for review, never merged.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass, replace

from ngheo_desktop.sync import fingerprint as fp
from ngheo_desktop.sync.container import now_utc
from ngheo_desktop.sync.errors import TrustError
from ngheo_desktop.sync.fileio import atomic_write, read_limited
from ngheo_desktop.sync.keys import ROLE_VI, PublicIdentity, keys_dir
from ngheo_desktop.sync.strictjson import StrictJSONError, loads_strict

TRUST_FORMAT = "ngheo.trust"
MAX_TRUST_FILE = 4 * 1024 * 1024


@dataclass(frozen=True)
class TrustEntry:
    key: PublicIdentity
    trusted_at: str
    revoked_at: str | None = None
    revoked_after_sequence: int | None = None

    @property
    def device_id(self) -> str:
        return self.key.device_id

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None

    def held(self, sequence: int) -> bool:
        """A revoked device's file above the cut-off is held for review."""
        return self.revoked and sequence > (self.revoked_after_sequence or 0)

    def as_json(self) -> dict:
        k = self.key
        return {"device_id": k.device_id, "fingerprint": k.fingerprint, "role": k.role, "label": k.label,
                "signing_public": base64.b64encode(k.signing_public).decode(),
                "encryption_public": base64.b64encode(k.encryption_public).decode(),
                "trusted_at": self.trusted_at, "revoked_at": self.revoked_at,
                "revoked_after_sequence": self.revoked_after_sequence}


def _path():
    return keys_dir() / "trust.json"


class TrustRegistry:
    def __init__(self, entries: list[TrustEntry]):
        self._by_id = {e.device_id: e for e in entries}
        self._by_raw = {e.key.device_id_raw: e for e in entries}

    @classmethod
    def load(cls) -> TrustRegistry:
        path = _path()
        if not path.exists():
            return cls([])
        broken = TrustError("Danh sách thiết bị tin cậy bị hỏng; cần khôi phục từ bản sao lưu",
                            "corrupt_trust")
        try:
            doc = loads_strict(read_limited(path, MAX_TRUST_FILE))
            if doc.get("format") != TRUST_FORMAT or doc.get("format_version") != 1:
                raise broken
            entries = []
            for e in doc["entries"]:
                key = PublicIdentity(e["role"], base64.b64decode(e["signing_public"]),
                                     base64.b64decode(e["encryption_public"]), e["label"])
                if key.device_id != e["device_id"]:
                    raise broken
                entries.append(TrustEntry(key, e["trusted_at"], e["revoked_at"], e["revoked_after_sequence"]))
        except (StrictJSONError, OSError, KeyError, TypeError, ValueError, AttributeError):
            raise broken from None
        return cls(entries)

    def save(self) -> None:
        doc = {"format": TRUST_FORMAT, "format_version": 1,
               "entries": [e.as_json() for e in sorted(self._by_id.values(), key=lambda e: e.trusted_at)]}
        atomic_write(_path(), (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))

    def entries(self) -> list[TrustEntry]:
        return sorted(self._by_id.values(), key=lambda e: (e.key.role, e.trusted_at, e.device_id))

    def by_raw(self, device_id_raw: bytes) -> TrustEntry | None:
        return self._by_raw.get(device_id_raw)

    def get(self, device_id: str) -> TrustEntry:
        canonical_id = fp.normalise_device_id(device_id)
        entry = self._by_id.get(canonical_id)
        if entry is None:
            raise TrustError(f"Không có thiết bị {canonical_id} trong danh sách tin cậy", "unknown_device")
        return entry

    def office(self) -> TrustEntry | None:
        offices = [e for e in self._by_id.values() if e.key.role == "office" and not e.revoked]
        return offices[0] if offices else None

    def trust(self, key: PublicIdentity, own_role: str, own_device_id: str,
              expected_fingerprint: str | None = None) -> TrustEntry:
        """Enrol a public key. A laptop trusts one office; the office trusts laptops (and other offices'
        keys are refused: a bundle goes to one commune only)."""
        if expected_fingerprint is not None \
                and fp.normalise_fingerprint(expected_fingerprint) != key.fingerprint:
            raise TrustError("Dấu vân tay không khớp tệp khóa: đừng tin khóa này, hãy hỏi lại người gửi",
                             "fingerprint_mismatch")
        if key.device_id == own_device_id:
            raise TrustError("Đây là khóa của chính máy này", "own_key")
        wanted = "office" if own_role == "field" else "field"
        if key.role != wanted:
            raise TrustError(f"Máy {ROLE_VI[own_role]} chỉ tin khóa của {ROLE_VI[wanted]}, "
                             f"đây là khóa {ROLE_VI[key.role]}", "wrong_role")
        existing = self._by_id.get(key.device_id)
        if existing is not None:
            same_keys = (existing.key.signing_public, existing.key.encryption_public) \
                == (key.signing_public, key.encryption_public)
            if not same_keys:
                raise TrustError(f"Mã thiết bị {key.device_id} đã có với khóa khác", "device_conflict")
            if existing.revoked:
                raise TrustError(f"Thiết bị {key.device_id} đã bị thu hồi; không tin lại được", "revoked")
            return existing
        current_office = self.office()
        if wanted == "office" and current_office is not None:
            raise TrustError(f"Máy này đã tin văn phòng {current_office.device_id}; thu hồi khóa đó trước "
                             "khi tin văn phòng khác", "office_exists")
        entry = TrustEntry(key, now_utc())
        self._by_id[key.device_id] = entry
        self._by_raw[key.device_id_raw] = entry
        return entry

    def revoke(self, device_id: str, after_sequence: int) -> TrustEntry:
        entry = self.get(device_id)
        if entry.revoked:
            raise TrustError(f"Thiết bị {entry.device_id} đã bị thu hồi từ {entry.revoked_at}",
                             "already_revoked")
        if after_sequence < 0:
            raise TrustError("Mốc thu hồi phải là số không âm", "bad_cutoff")
        entry = replace(entry, revoked_at=now_utc(), revoked_after_sequence=after_sequence)
        self._by_id[entry.device_id] = entry
        self._by_raw[entry.key.device_id_raw] = entry
        return entry
