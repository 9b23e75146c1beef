"""Benchmark: a field laptop exports 10,000 households; the office verifies and imports them.

Prints, in one run on the same machine:
- export: read the unsent records, sign, compress, encrypt, write (file size too);
- verify + import: signature, decryption, strict parsing, household validation, merge in one transaction;
  and the import's phases (verify, decrypt + parse + validate, merge);
- a plain SQLite insert of the same rows (households, members, search index) into the same schema with
  ``executemany`` in one transaction — the floor any import is compared with (target ≤ 5×, and ≤ 5 s).

    .venv/bin/python bench/bench_sync.py [--households N]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ngheo_desktop.paths import forms_dir
from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store
from ngheo_desktop.store.store import canonical_json
from ngheo_desktop.sync import container, keys, payloads
from ngheo_desktop.sync.trust import TrustRegistry
from ngheo_desktop.text import fold

PASSPHRASE = "mật khẩu đo hiệu năng"
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Lò", "Vừ"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Thu"]
GIVEN = ["Hùng", "Ánh", "Thủy", "Dũng", "Huệ", "Tám", "Pâng", "Dính", "Ửng", "Đạt"]


def generate(n: int, rng: random.Random) -> list[dict]:
    base = json.loads((forms_dir() / "examples" / "household-poor.json").read_text("utf-8"))
    out = []
    for i in range(n):
        doc = copy.deepcopy(base)
        doc["household_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        for m in doc["members"]:
            m["member_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            m["full_name"] = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            if "citizen_id" in m:
                m["citizen_id"] = f"{rng.getrandbits(40) % 10**12:012d}"
        doc["answers"]["head_name"] = doc["members"][0]["full_name"]
        doc["answers"]["address"] = f"Xóm {i % 17 + 1}, thôn Đồng Tâm"
        doc["answers"]["floor_area_m2"] = rng.randint(12, 120)
        out.append(doc)
    return out


class Home:
    """One installation's data folder, made current while in use."""

    def __init__(self, root: Path, name: str):
        self.path = root / name
        self.path.mkdir()

    def __enter__(self):
        os.environ["NGHEO_HOME"] = str(self.path)
        return self

    def __exit__(self, *exc):
        return None


def plain_insert(db_path: Path, docs: list[dict]) -> float:
    """The same households, members and search rows with executemany, one transaction, no checks."""
    with Store.open(db_path) as store:
        conn = store.conn
        now = "2026-11-27T00:00:00Z"
        hh, mem, fts = [], [], []
        started = time.perf_counter()
        for rowid, d in enumerate(docs, 1):
            head = d["answers"]["head_name"]
            names = " ".join(m["full_name"] for m in d["members"])
            hh.append((rowid, d["household_id"], d["record_version"], d["location"].get("village_id"),
                       d["location"]["village"], fold(d["location"]["village"]), head, fold(head),
                       d["answers"]["address"], len(d["members"]), canonical_json(d), now, now, "bench"))
            mem += [(m["member_id"], d["household_id"], i, m["full_name"], m.get("citizen_id"), m.get("birth_date"),
                     m.get("sex"), m.get("relation")) for i, m in enumerate(d["members"])]
            fts.append((rowid, fold(head), fold(names),
                        " ".join(m["citizen_id"] for m in d["members"] if m.get("citizen_id")),
                        fold(d["answers"]["address"]), fold(d["location"]["village"])))
        conn.execute("BEGIN")
        conn.executemany("INSERT INTO households(rowid, id, record_version, village_id, village, village_fold, "
                         "head_name, head_fold, address, member_count, doc, created_at, updated_at, updated_by) "
                         "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)", hh)
        conn.executemany("INSERT INTO members(member_id, household_id, position, full_name, citizen_id, birth_date, "
                         "sex, relation) VALUES (?,?,?,?,?,?,?,?)", mem)
        conn.executemany("INSERT INTO household_fts(rowid, head, names, ids, address, village) "
                         "VALUES (?,?,?,?,?,?)", fts)
        conn.execute("COMMIT")
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=10_000)
    n = parser.parse_args().households
    os.environ["NGHEO_PASSPHRASE"] = PASSPHRASE
    docs = generate(n, random.Random(2026))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        office, field = Home(root, "office"), Home(root, "field")
        with office:
            svc.keys_init("office", PASSPHRASE, "UBND xã")
            svc.export_public_key(root / "office.pub")
        with field:
            svc.keys_init("field", PASSPHRASE, "Máy thôn")
            svc.export_public_key(root / "field.pub")
            svc.trust_key_file(root / "office.pub")
            with Store.open(field.path / "ngheo.sqlite") as store:
                store.import_households(docs, actor="bench", trusted=True)
                started = time.perf_counter()
                report = svc.export_bundle(store, root / "goi.ngheo")
                export_s = time.perf_counter() - started
        size = (root / "goi.ngheo").stat().st_size

        with office:
            svc.trust_key_file(root / "field.pub")
            data = (root / "goi.ngheo").read_bytes()
            identity = keys.unlock()
            registry = TrustRegistry.load()
            t0 = time.perf_counter()
            v = container.verify(data, "bundle", lambda raw: registry.by_raw(raw).key)
            t1 = time.perf_counter()
            records = payloads.parse_bundle(container.open_payload(v, identity), v.header.counts)
            t2 = time.perf_counter()
            with Store.open(office.path / "ngheo.sqlite") as store:
                started = time.perf_counter()
                result = svc.import_bundle(store, root / "goi.ngheo", "bench")
                import_s = time.perf_counter() - started
                assert result.outcome == {"created": n}, result.outcome
            unlock_s = _time(keys.unlock)
            plain_s = plain_insert(root / "plain.sqlite", docs)

    print(f"households: {n:,} ({report.counts['members']:,} members); bundle {size / 1e6:.2f} MB")
    print(f"export (read, sign, compress, encrypt, write): {export_s:.2f} s")
    print(f"verify + import (whole service call, incl. unlocking the key {unlock_s:.2f} s): {import_s:.2f} s")
    print(f"  of which verify signature: {t1 - t0:.3f} s; decrypt + parse + validate {len(records):,} records: "
          f"{t2 - t1:.2f} s; merge ≈ {import_s - unlock_s - (t2 - t0):.2f} s")
    print(f"plain SQLite insert of the same rows: {plain_s:.2f} s → ratio {import_s / plain_s:.1f}×")


def _time(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
