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

# The least a usable register window must do, written flat with no structure: the bundled font, the
# database (count, first 200 rows, households per village), a Python table model with headers (which
# makes PySide build its Qt namespace, ~35 ms), the village list, a search box, menus and a tool bar.
# Where it lands against BARE is the floor any real app on this stack starts from.
FLOOR = r"""
import sys, sqlite3
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction, QFont, QFontDatabase
from PySide6.QtWidgets import (QApplication, QLabel, QLineEdit, QMainWindow, QSplitter, QTableView, QToolBar,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)
app = QApplication([])
font_id = QFontDatabase.addApplicationFont(FONTS + "/DejaVuSans.ttf")
QFontDatabase.addApplicationFont(FONTS + "/DejaVuSans-Bold.ttf")
app.setFont(QFont(QFontDatabase.applicationFontFamilies(font_id)[0], 10))
db = sqlite3.connect(sys.argv[1])
n = db.execute("SELECT count(*) FROM households").fetchone()[0]
rows = db.execute("SELECT rowid, head_name, village, address, member_count, class, status FROM households "
                  "ORDER BY rowid LIMIT 200").fetchall()
villages = db.execute("SELECT u.name, count(h.rowid) FROM units u LEFT JOIN households h ON h.village_id = u.id "
                      "WHERE u.level = 'village' GROUP BY u.id ORDER BY u.name").fetchall()
DISPLAY = int(Qt.ItemDataRole.DisplayRole)
HEADERS = ("Số", "Chủ hộ", "Thôn", "Địa chỉ", "Số người", "Phân loại", "Trạng thái")
class Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()): return n
    def columnCount(self, parent=QModelIndex()): return 7
    def data(self, index, role=0):
        r = index.row()
        return str(rows[r][index.column()]) if role == DISPLAY and r < len(rows) else None
    def headerData(self, section, orientation, role=0):
        return HEADERS[section] if role == DISPLAY and orientation == Qt.Orientation.Horizontal else None
w = QMainWindow(); central = QWidget(); layout = QVBoxLayout(central); layout.addWidget(QLabel("DỮ LIỆU MẪU"))
splitter = QSplitter(); tree = QTreeWidget(); tree.setHeaderHidden(True); tree.setColumnCount(2)
tree.addTopLevelItems([QTreeWidgetItem([name, str(count)]) for name, count in villages]); splitter.addWidget(tree)
right = QWidget(); right_layout = QVBoxLayout(right); right_layout.addWidget(QLineEdit())
table = QTableView(); model = Model(); table.setModel(model); right_layout.addWidget(table)
splitter.addWidget(right); layout.addWidget(splitter); w.setCentralWidget(central)
toolbar = QToolBar(); w.addToolBar(toolbar)
for title in ("Tệp", "Hộ gia đình", "Công cụ", "Đồng bộ", "Trợ giúp"):
    menu = w.menuBar().addMenu(title)
    for i in range(5):
        action = QAction(f"Thao tác {i}", w); menu.addAction(action)
        if i == 0: toolbar.addAction(action)
w.statusBar().showMessage(f"{n} hộ"); w.resize(1280, 800); w.show()
app.processEvents(); w.grab()
print("ready", PEAK, flush=True)
""".replace("PEAK", PEAK).replace("FONTS", repr(str(Path(__file__).resolve().parents[1] / "resources" / "fonts")))

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
    bare, floor, app = [], [], []
    one_start(BARE)
    one_start(FLOOR, str(db))
    one_start(APP, str(db))  # warm the file cache (and write the bytecode) before timing
    for _ in range(runs):
        bare.append(one_start(BARE))
        floor.append(one_start(FLOOR, str(db)))
        app.append(one_start(APP, str(db)))
    bare_s = statistics.median(t for t, _ in bare)
    floor_s = statistics.median(t for t, _ in floor)
    app_s = statistics.median(t for t, _ in app)
    bare_mb = statistics.median(m for _, m in bare)
    app_mb = statistics.median(m for _, m in app)
    print(f"start-up, median of {runs}: bare PySide6 window {bare_s * 1000:.0f} ms, app on {db.name} "
          f"{app_s * 1000:.0f} ms → {app_s / bare_s:.2f}× (target ≤ 1.5×)")
    print(f"  the flat floor prototype (FLOOR) on the same file: {floor_s * 1000:.0f} ms → {floor_s / bare_s:.2f}×")
    for name, runs_of in (("bare", bare), ("floor", floor), ("app", app)):
        print(f"  all runs, {name}: {[round(t * 1000) for t, _ in runs_of]} ms")
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
    # Scrolling starts as a user would, a second after the window appeared: by then the role, the sync
    # marks and the whole id list have been read behind it.
    settled = time.perf_counter() + 1.0
    while time.perf_counter() < settled:
        app.processEvents()
        time.sleep(0.01)

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
          f"median {statistics.median(keys):.0f} ms, {window.model.rowCount():,} matches at the end "
          f"(per key: {[round(k) for k in keys]})")
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
