"""Benchmark: a field laptop exports 10,000 households; the office verifies and imports them.

Prints, in one run on the same machine:
- export: read the unsent records, sign, compress, encrypt, write (file size too);
- verify + import: signature, decryption, strict parsing, household validation, merge in one transaction;
  and the import's phases (verify, decrypt + parse + validate, merge);
- a plain SQLite insert of the same rows (households, members, search index) into the same schema with
  ``executemany`` in one transaction — the floor any import is compared with (target ≤ 5×, and ≤ 5 s).

Wall time and this process's CPU time are both printed: on a shared machine the CPU time is the steadier
figure, and the ratio of CPU times the fairer comparison.

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


class Timer:
    """Wall and CPU seconds of a block."""

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu

    def __str__(self) -> str:
        return f"{self.wall:.2f} s (CPU {self.cpu:.2f} s)"


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


def plain_insert(db_path: Path, docs: list[dict]) -> Timer:
    """The same households, members and search rows with executemany, one transaction, no checks."""
    with Store.open(db_path) as store:
        conn = store.conn
        now = "2026-11-27T00:00:00Z"
        hh, mem, fts = [], [], []
        timer = Timer().__enter__()
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
        timer.__exit__()
        return timer


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
                with Timer() as export_t:
                    report = svc.export_bundle(store, root / "goi.ngheo")
        size = (root / "goi.ngheo").stat().st_size

        with office:
            svc.trust_key_file(root / "field.pub")
            data = (root / "goi.ngheo").read_bytes()
            registry = TrustRegistry.load()
            with Timer() as unlock_t:
                identity = keys.unlock()
            with Timer() as verify_t:
                v = container.verify(data, "bundle", lambda raw: registry.by_raw(raw).key)
            with Timer() as parse_t:
                records = payloads.parse_bundle(container.open_payload(v, identity), v.header.counts)
            with Store.open(office.path / "ngheo.sqlite") as store, Timer() as import_t:
                result = svc.import_bundle(store, root / "goi.ngheo", "bench")
            assert result.outcome == {"created": n}, result.outcome
            plain_t = plain_insert(root / "plain.sqlite", docs)

    print(f"households: {n:,} ({report.counts['members']:,} members); bundle {size / 1e6:.2f} MB")
    print(f"export (read, sign, compress, encrypt, write): {export_t}")
    print(f"verify + import, whole service call: {import_t}")
    print(f"  measured apart: unlock key {unlock_t}; verify signature {verify_t}; "
          f"decrypt + parse + validate {len(records):,} records {parse_t}")
    print(f"plain SQLite insert of the same rows: {plain_t} → ratio {import_t.wall / plain_t.wall:.1f}× wall, "
          f"{import_t.cpu / plain_t.cpu:.1f}× CPU")


if __name__ == "__main__":
    main()
