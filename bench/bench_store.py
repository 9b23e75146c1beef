"""Benchmark of the local database on a 100,000-household demo commune.

Prints: demo generation time; open + first page of 100 rows (writer with its quick_check, and a
read-only reader as the UI's first screen uses); search latency (median, p95) over queries typed
letter by letter; reclassification of every household (dry run and stored projection); file size.

    .venv/bin/python bench/bench_store.py [--households N] [--db PATH] [--seed S]

With ``--db`` pointing at an existing demo database the generation step is skipped.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path

from ngheo_desktop.demo import build_demo
from ngheo_desktop.services import NoProgress
from ngheo_desktop.services import register as svc
from ngheo_desktop.store import Store
from ngheo_desktop.text import fold


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _typed(text: str, rng: random.Random) -> list[str]:
    """What a clerk types on the way to ``text``: a few growing prefixes, sometimes without diacritics."""
    target = fold(text) if rng.random() < 0.7 else text.lower()
    cuts = sorted({rng.randint(1, len(target)) for _ in range(3)} | {len(target)})
    return [target[:c] for c in cuts if target[:c].strip()]


def queries(store: Store, n_households: int, rng: random.Random) -> list[str]:
    ids = store.household_ids()
    sample = [store.get_household(ids[rng.randrange(len(ids))]) for _ in range(min(n_households, 150))]
    out: list[str] = []
    for doc in sample:
        head = doc["answers"].get("head_name", "")
        out += _typed(head, rng)
        out += _typed(head.split()[-1], rng)  # the given name alone
        out += _typed(doc["location"].get("village", ""), rng)
        cids = [m["citizen_id"] for m in doc["members"] if m.get("citizen_id")]
        if cids:
            out.append(cids[0][: rng.randint(3, 12)])
        member = rng.choice(doc["members"])
        if member.get("full_name"):
            out += _typed(member["full_name"], rng)
    out += ["thi", "van", "nguyen thi", "xom 3", "a", "t", "d", "thon dong", "duc anh", "hung"]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db", type=Path, help="existing demo database (skips generation)")
    args = ap.parse_args()

    if args.db and args.db.exists():
        path = args.db
        print(f"database: {path} (existing)")
    else:
        path = args.db or Path(tempfile.mkdtemp(prefix="ngheo-bench-")) / "bench.sqlite"
        started = time.perf_counter()
        cpu = time.process_time()
        with Store.open(path) as store:
            summary = build_demo(store, households=args.households, seed=args.seed, progress=NoProgress())
        print(f"demo generation, {summary.households:,} households: {time.perf_counter() - started:.1f} s "
              f"(CPU {time.process_time() - cpu:.1f} s); {summary.assessments:,} assessments, "
              f"{summary.support:,} support records")
        print("  classes: " + ", ".join(f"{k}: {v / summary.households:.1%}" for k, v in summary.classes.items()))
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"file size: {size / 1e6:.0f} MB")

    writer_times, reader_times, page_times = [], [], []
    for _ in range(5):
        t = time.perf_counter()
        with Store.open(path) as store:
            opened = time.perf_counter()
            rows = store.household_page(0, 100, sort="head_name")
            done = time.perf_counter()
        writer_times.append(done - t)
        page_times.append(done - opened)
        t = time.perf_counter()
        with Store.open(path, read_only=True) as reader:
            rows = reader.household_page(0, 100, sort="head_name")
            reader_times.append(time.perf_counter() - t)
        assert len(rows) == 100
    print(f"open + first page of 100 (writer, incl. quick_check): median {_ms(statistics.median(writer_times))}")
    print(f"  of which the page query: median {_ms(statistics.median(page_times))}")
    print(f"open + first page of 100 (read-only reader): median {_ms(statistics.median(reader_times))}")

    with Store.open(path, read_only=True) as store:
        for sort in ("register", "head_name"):
            t = time.perf_counter()
            ids = store.household_ids(sort=sort)
            listed = time.perf_counter() - t
            t = time.perf_counter()
            store.household_rows(ids[len(ids) // 2: len(ids) // 2 + 100])
            fetched = time.perf_counter() - t
            print(f"all {len(ids):,} ids sorted by {sort}: {_ms(listed)}; 100 rows by id: {_ms(fetched)}")

    rng = random.Random(1)
    with Store.open(path, read_only=True) as store:
        qs = queries(store, args.households, rng)
        for q in qs[:20]:  # warm the cache as a session would be
            store.search(q, 50)
        times = []
        for q in qs:
            t = time.perf_counter()
            store.search(q, 50)
            times.append(time.perf_counter() - t)
    times.sort()
    p95 = times[int(len(times) * 0.95) - 1]
    print(f"search, {len(times)} typed queries, 50 results: median {_ms(statistics.median(times))}, "
          f"p95 {_ms(p95)}, max {_ms(times[-1])}")

    with Store.open(path) as store:
        for dry in (True, False):
            t, cpu = time.perf_counter(), time.process_time()
            report = svc.reclassify(store, "vn-2027-2030", dry_run=dry)
            label = "dry run" if dry else "stored projection"
            print(f"reclassify {report.total:,} households under vn-2027-2030 ({label}): "
                  f"{time.perf_counter() - t:.1f} s (CPU {time.process_time() - cpu:.1f} s), "
                  f"{report.moved:,} change class")


if __name__ == "__main__":
    main()
