"""Benchmark: printed assessment sheets.

Prints
- one sheet: a complete one-household PDF (fonts embedded, saved), median of repeated runs
  (target ≤ 50 ms);
- a village batch: N households (default 1,000) into one PDF through ``render_sheets`` with the
  households generated lazily, as the register is read (target ≤ 30 s for 1,000);
- memory of the batch: peak resident memory of a fresh process before and after batches of different
  sizes — flat means the peak does not grow with the number of households;
- the same batch through the database: a village of N assessed households in a fresh SQLite file,
  printed with ``services.reports.print_village`` (the path of ``ngheo sheets``).

    .venv/bin/python bench/bench_reports.py [--households N] [--runs R]
"""

from __future__ import annotations

import argparse
import copy
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ngheo_desktop.criteria import classify, load_household_json
from ngheo_desktop.paths import forms_dir
from ngheo_desktop.reports.sheet import SheetInput, render_sheet, render_sheets
from ngheo_desktop.services.reports import print_village
from ngheo_desktop.store import Store

SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Lò", "Vi"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Thanh", "Ngọc"]
GIVEN = ["Hùng", "Thủy", "Ánh", "Dũng", "Lực", "Hoa", "Phúc", "Yến", "Quý", "Tư"]


def households(n: int, seed: int = 1) -> Iterator[SheetInput]:
    """Varied households built from the example document: 1–7 members, different answers and incomes."""
    rng = random.Random(seed)
    base = load_household_json((forms_dir() / "examples" / "household-poor.json").read_bytes())
    for _ in range(n):
        doc = copy.deepcopy(base)
        doc["household_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        size = rng.randint(1, 7)
        members = [copy.deepcopy(base["members"][i % 4]) for i in range(size)]
        for i, m in enumerate(members):
            m["member_id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            m["full_name"] = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
            m.pop("citizen_id", None)
            if i == 0:
                m["relation"] = "head"
                m["citizen_id"] = f"{rng.randrange(10**12):012d}"
        doc["members"] = members
        answers = doc["answers"]
        answers["head_name"] = members[0]["full_name"]
        answers["address"] = f"Xóm {rng.randint(1, 12)}, thôn Đồng Tâm"
        for key in ("housing_walls", "housing_frame", "housing_roof"):
            answers[key] = rng.choice(["durable", "non_durable"])
        answers["floor_area_m2"] = float(rng.randint(12, 120))
        answers["water_source"] = rng.choice(["piped", "drilled_well", "unprotected_dug_well"])
        for key in ("income_wages", "income_agriculture", "income_other"):
            answers[key] = rng.randrange(0, 60_000_000, 1000)
        yield SheetInput(doc, classify(doc))


def one_sheet_ms(runs: int) -> tuple[float, float, int]:
    """Median wall and CPU milliseconds (CPU time is what a shared machine does not inflate)."""
    item = next(households(1, seed=7))
    render_sheet(io.BytesIO(), item)  # fonts registered, caches warm
    wall, cpu, pages = [], [], 0
    for _ in range(runs):
        t, c = time.perf_counter(), time.process_time()
        pages = render_sheet(io.BytesIO(), item)
        wall.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
    return statistics.median(wall), statistics.median(cpu), pages


def _peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _DrawnPeak:
    """Notes the peak memory when the last household is drawn, before the PDF file is written."""

    drawn = 0.0

    def update(self, done: int, total: int) -> None:
        if done == total:
            self.drawn = _peak_rss_mib()

    def cancelled(self) -> bool:
        return False


def batch(n: int, progress=None) -> tuple[float, float, int, int]:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "village.pdf"
        t, c = time.perf_counter(), time.process_time()
        pages = render_sheets(out, households(n), n, progress)
        return time.perf_counter() - t, time.process_time() - c, pages, out.stat().st_size


def store_batch(n: int) -> tuple[float, float, int]:
    """Seconds (wall, CPU) and pages for printing a village of ``n`` households from a database file."""
    with tempfile.TemporaryDirectory() as tmp, Store.open(Path(tmp) / "bench.sqlite") as store:
        province = store.add_unit("province", "Tỉnh Nghệ An", actor="bench")
        commune = store.add_unit("commune", "Xã Quỳnh Thắng", actor="bench", parent_id=province.id, kind="xa")
        village = store.add_unit("village", "Thôn Đồng Tâm", actor="bench", parent_id=commune.id, kind="thon")
        rnd = store.create_round(2027, "periodic", "2026-09-15", actor="bench")
        items = list(households(n, seed=3))
        for item in items:
            item.household["location"]["village_id"] = village.id
        store.import_households([i.household for i in items], actor="bench", trusted=True)
        store.add_assessments_bulk([(i.household, rnd.id, i.result, "completed", None) for i in items],
                                   actor="bench")
        del items
        t, c = time.perf_counter(), time.process_time()
        pages = print_village(store, village.id, Path(tmp) / "village.pdf")
        return time.perf_counter() - t, time.process_time() - c, pages


def _child(n: int) -> None:
    """In a fresh process: warm up, then print peak resident memory (MiB) before the batch, when every
    household is drawn, and after the file is written, with the batch's times and size."""
    render_sheet(io.BytesIO(), next(households(1)))
    before = _peak_rss_mib()
    peak = _DrawnPeak()
    seconds, cpu, pages, size = batch(n, peak)
    print(f"{before:.1f} {peak.drawn:.1f} {_peak_rss_mib():.1f} {seconds:.2f} {cpu:.2f} {pages} {size}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--households", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return

    ms, cpu_ms, pages = one_sheet_ms(args.runs)
    print(f"one sheet: {ms:.1f} ms wall, {cpu_ms:.1f} ms CPU, median of {args.runs} ({pages} pages, complete PDF)"
          "  target ≤ 50 ms")

    for n in sorted({max(1, args.households // 10), args.households}):
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True,
                             check=True).stdout.split()
        before, drawn, after, seconds, cpu = (float(v) for v in out[:5])
        pages, size = int(out[5]), int(out[6])
        print(f"batch of {n}: {seconds:.1f} s wall, {cpu:.1f} s CPU ({cpu / n * 1000:.1f} ms CPU/household, "
              f"{pages} pages, {size / 1e6:.1f} MB)" + ("  target ≤ 30 s for 1,000" if n == args.households else ""))
        print(f"  peak RSS: {before:.0f} MiB before, {drawn:.0f} MiB with every sheet drawn (+{drawn - before:.0f}), "
              f"{after:.0f} MiB after writing the file (+{after - before:.0f})")

    seconds, cpu, pages = store_batch(args.households)
    print(f"from the database (print_village): {seconds:.1f} s wall, {cpu:.1f} s CPU "
          f"({cpu / args.households * 1000:.1f} ms CPU/household, {pages} pages)")


if __name__ == "__main__":
    main()
