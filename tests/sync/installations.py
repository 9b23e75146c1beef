"""Several installations (an office, field laptops) in one test: each its own data folder, keys and database.

Keys are made with the cheapest scrypt cost the key file allows, so setting up costs milliseconds.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store
from ngheo_desktop.sync import keys

PASSPHRASE = "mật khẩu thử nghiệm"


class Installation:
    def __init__(self, root: Path, name: str, role: str, label: str):
        self.home = root / name
        self.home.mkdir(parents=True)
        self.db_path = self.home / "ngheo.sqlite"
        with self.active():
            self.public = svc.keys_init(role, PASSPHRASE, label)
            svc.export_public_key(self.pubkey_path, PASSPHRASE)

    @property
    def pubkey_path(self) -> Path:
        return self.home / "khoa-cong-khai.json"

    @property
    def device_id(self) -> str:
        return self.public.device_id

    @contextlib.contextmanager
    def active(self) -> Iterator[None]:
        """Run as this installation: its data folder and passphrase."""
        saved = {k: os.environ.get(k) for k in ("NGHEO_HOME", "NGHEO_PASSPHRASE")}
        os.environ["NGHEO_HOME"] = str(self.home)
        os.environ["NGHEO_PASSPHRASE"] = PASSPHRASE
        try:
            yield
        finally:
            for k, v in saved.items():
                if v is None:
                    os.environ.pop(k, None)
                else:
                    os.environ[k] = v

    @contextlib.contextmanager
    def store(self) -> Iterator[Store]:
        with self.active(), Store.open(self.db_path) as store:
            yield store

    def trust(self, other: Installation) -> None:
        with self.active():
            svc.trust_key_file(other.pubkey_path)


def enrol(office: Installation, *fields: Installation) -> None:
    for f in fields:
        f.trust(office)
        office.trust(f)


def table_hash(store: Store) -> str:
    """One digest over every row of every table (SQLite's own included), in a fixed order."""
    h = hashlib.sha256()
    names = [r[0] for r in store.conn.execute("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")]
    for name in names:
        h.update(name.encode())
        for row in store.conn.execute(f'SELECT * FROM "{name}" ORDER BY 1'):
            h.update(repr(row).encode())
    return h.hexdigest()


def cheap_keys(monkeypatch) -> None:
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
