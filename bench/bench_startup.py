"""Desktop app: start-up to a usable main window, scrolling, sorting and searching a big register.

    .venv/bin/python bench/bench_startup.py [--households 50000] [--big 100000] [--runs 5]

Start-up: each run is a fresh process, timed from spawn until it prints that its window is shown and
painted — the app's main window on a database of ``--households`` households against a bare PySide6
window (QMainWindow + empty QTableView) in the same run, alternating, median of ``--runs``. Peak resident
memory of each process at that moment is compared too. Then, in this process, the main window on a
``--big``-household database: scroll through the table page by page with a synchronous repaint after
each step, jump to the end, sort by head of household, type a search one key at a time, clear it.

Databases are generated once (the demo commune, ``services.register.first_start``) and kept in
``$TMPDIR/ngheo-bench`` for later runs. Qt runs offscreen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CACHE = Path(tempfile.gettempdir()) / "ngheo-bench"

# Peak resident set of the process itself (VmHWM): ru_maxrss would carry the parent's peak over exec.
PEAK = "int(next(l for l in open('/proc/self/status') if l.startswith('VmHWM')).split()[1])"

BARE = r"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QTableView()); w.resize(1280, 800); w.show()
app.processEvents(); w.grab()
print("ready", PEAK, flush=True)
""".replace("PEAK", PEAK)

APP = r"""
import sys
from ngheo_desktop.ui.app import make_app, start
from ngheo_desktop.ui.settings import Settings
app = make_app()
w = start(Settings(database_path=sys.argv[1])); w.resize(1280, 800)
app.processEvents(); w.grab()
print("ready", w.model.rowCount(), PEAK, flush=True)
""".replace("PEAK", PEAK)


def database(households: int) -> Path:
    from ngheo_desktop.services import register

    path = CACHE / f"demo-{households}.sqlite"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        started = time.perf_counter()
        register.first_start(partial, households=households).close()
        partial.rename(path)
        print(f"generated {households:,} households in {time.perf_counter() - started:.0f} s → {path}")
    return path


def one_start(code: str, *args: str) -> tuple[float, int]:
    """Seconds from spawn to "ready", and the peak resident set in MiB."""
    with tempfile.TemporaryDirectory(prefix="ngheo-bench-home-") as home:
        env = dict(os.environ, NGHEO_HOME=home)
        # An installed app runs from compiled bytecode (pip compiles on install, PyInstaller ships .pyc):
        # let the warm-up run write it even where the environment forbids it (this sandbox sets it).
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env)
        line = proc.stdout.readline()
        elapsed = time.perf_counter() - started
        proc.wait()
    fields = line.split()
    if not fields or fields[0] != "ready":
        raise SystemExit(f"start-up run failed: {line!r}")
    return elapsed, int(fields[-1]) // 1024


def bench_startup(db: Path, runs: int) -> None:
    bare, app = [], []
    one_start(BARE)
    one_start(APP, str(db))  # warm the file cache for both before timing
    for _ in range(runs):
        bare.append(one_start(BARE))
        app.append(one_start(APP, str(db)))
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    bare_mb = statistics.median(m for _, m in bare)
    app_mb = statistics.median(m for _, m in app)
    print(f"start-up, median of {runs}: bare PySide6 window {bare_s * 1000:.0f} ms, app on {db.name} "
          f"{app_s * 1000:.0f} ms → {app_s / bare_s:.2f}× (target ≤ 1.5×)")
    print(f"  all runs: bare {[round(t * 1000) for t, _ in bare]} ms, app {[round(t * 1000) for t, _ in app]} ms")
    print(f"peak memory: bare {bare_mb} MiB, app {app_mb} MiB → +{app_mb - bare_mb} MiB (target ≤ +150 MiB)")


def bench_interaction(db: Path) -> None:
    from PySide6.QtCore import Qt

    from ngheo_desktop.ui.app import make_app
    from ngheo_desktop.ui.main_window import MainWindow
    from ngheo_desktop.ui.session import Session
    from ngheo_desktop.ui.settings import Settings

    home = tempfile.TemporaryDirectory(prefix="ngheo-bench-home-")
    os.environ["NGHEO_HOME"] = home.name
    app = make_app()
    started = time.perf_counter()
    window = MainWindow(Session.open(Settings(database_path=str(db))))
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    print(f"main window on {window.model.rowCount():,} households: {(time.perf_counter() - started) * 1000:.0f} ms "
          "(in-process, imports already done)")

    table, bar = window.table, window.table.verticalScrollBar()

    def timed(step) -> float:
        t0 = time.perf_counter()
        step()
        table.viewport().repaint()
        app.processEvents()
        return (time.perf_counter() - t0) * 1000

    frames = []
    for value in range(0, bar.maximum(), max(1, bar.pageStep()))[:400]:
        frames.append(timed(lambda v=value: bar.setValue(v)))
    frames.sort()
    print(f"scroll, {len(frames)} pages with a repaint each: median {statistics.median(frames):.1f} ms, "
          f"p95 {frames[int(len(frames) * 0.95)]:.1f} ms, worst {frames[-1]:.1f} ms "
          f"({window.model.fetches} row fetches of ≤ 200 rows)")
    print(f"jump to the last row: {timed(table.scrollToBottom):.1f} ms; back to the top: "
          f"{timed(table.scrollToTop):.1f} ms")
    header = table.horizontalHeader()
    by_name = timed(lambda: header.setSortIndicator(1, Qt.SortOrder.AscendingOrder))
    by_class = timed(lambda: header.setSortIndicator(5, Qt.SortOrder.DescendingOrder))
    by_register = timed(lambda: header.setSortIndicator(0, Qt.SortOrder.AscendingOrder))
    print(f"sort by head of household: {by_name:.0f} ms; by class, descending: {by_class:.0f} ms; "
          f"back to register order: {by_register:.0f} ms")

    query = "nguyen van hung"
    keys = []
    for i in range(1, len(query) + 1):
        window.search_box.setText(query[:i])
        keys.append(timed(window.apply_filter))
    print(f"search as you type '{query}' (debounce {150} ms not counted): worst key {max(keys):.0f} ms, "
          f"median {statistics.median(keys):.0f} ms, {window.model.rowCount():,} matches at the end")
    window.search_box.setText("")
    print(f"clear the search (all {window.session.household_count():,} back): {timed(window.apply_filter):.0f} ms")
    window.close()
    home.cleanup()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=50_000)
    parser.add_argument("--big", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-only", action="store_true")
    args = parser.parse_args()
    bench_startup(database(args.households), args.runs)
    if not args.startup_only:
        bench_interaction(database(args.big))


if __name__ == "__main__":
    main()
