"""A database on a write-protected USB stick or in a read-only folder or file: reading commands work,
writing commands say it is read-only (never "damaged") and what to do, exit 2, and change nothing.

The protection is real, not simulated: a non-root user gets a folder or file without write permission;
root (who ignores permissions) gets a read-only bind mount in a private mount namespace (``unshare``).
The commands run in a child process either way, which is what makes the mount private to them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from factories import household

from ngheo_desktop.demo import build_demo
from ngheo_desktop.services import NoProgress
from ngheo_desktop.store import Store

# Runs several ``ngheo`` commands in one process and prints [exit code, stdout, stderr] for each. With
# ``blind`` it first hides the protection from os.access, as Windows does for a write-protected stick,
# so that only SQLite finds out.
_RUNNER = """
import contextlib, io, json, sys
from ngheo_desktop.cli import main
from ngheo_desktop.store import files
if sys.argv[1] == "blind":
    files.unwritable_reason = lambda path: None
results = []
for argv in json.loads(sys.argv[2]):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    results.append([code, out.getvalue(), err.getvalue()])
print(json.dumps(results))
"""
_MOUNT_READ_ONLY = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def _protect_command(target: Path) -> list[str]:
    return ["unshare", "-m", "sh", "-c", _MOUNT_READ_ONLY, str(target)]


@pytest.fixture(scope="module")
def protection(tmp_path_factory) -> str:
    """How this machine can make a folder read-only for a child process: ``chmod`` or ``mount``."""
    if os.geteuid() != 0:
        return "chmod"
    probe = tmp_path_factory.mktemp("probe")
    if shutil.which("unshare") is None or subprocess.run(
            [*_protect_command(probe), "sh", "-c", f'! touch "{probe}/x" 2>/dev/null'], capture_output=True).returncode:
        pytest.skip("as root, a read-only folder needs a private read-only mount (unshare -m), not allowed here")
    return "mount"


def run_protected(protection: str, target: Path, *commands: list[str], blind: bool = False) -> list:
    """Run ``ngheo`` commands while ``target`` (a folder or a file) cannot be written."""
    runner = [sys.executable, "-c", _RUNNER, "blind" if blind else "-", json.dumps(commands)]
    if protection == "mount":
        done = subprocess.run([*_protect_command(target), *runner], capture_output=True, text=True)
    else:
        mode = target.stat().st_mode
        target.chmod(0o555 if target.is_dir() else 0o444)
        try:
            done = subprocess.run(runner, capture_output=True, text=True)
        finally:
            target.chmod(mode)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def stick_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stick") / "ngheo.sqlite"
    with Store.open(path) as store:
        build_demo(store, households=60, seed=2, progress=NoProgress())
    return path  # closed: the write-ahead log is written back and removed, as on a stick safely ejected


@pytest.fixture
def stick(stick_db, tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    shutil.copy(stick_db, folder / "ngheo.sqlite")
    return folder / "ngheo.sqlite"


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: _digest(p) for p in folder.iterdir()}


def _one_line(err: str) -> bool:
    return err.startswith("ngheo: ") and len(err.strip().splitlines()) == 1


def _reading_commands(db: Path, tmp_path: Path) -> tuple[list[list[str]], str]:
    with Store.open(db) as store:
        target = store.get_household(store.household_ids()[3])
    name = target["answers"]["head_name"]
    return [
        ["search", name, "--json", "--db", str(db)],
        ["household", "show", target["household_id"], "--json", "--db", str(db)],
        ["db", "check", "--db", str(db)],
        ["db", "backup", str(tmp_path / "elsewhere.sqlite"), "--db", str(db)],
        ["round", "list", "--db", str(db)],
    ], target["household_id"]


def test_a_read_only_folder_is_read_and_never_called_damaged(protection, stick, tmp_path):
    commands, household_id = _reading_commands(stick, tmp_path)
    before = _listing(stick.parent)
    results = run_protected(protection, stick.parent, *commands)
    for (code, _, err), argv in zip(results, commands, strict=True):
        assert code == 0, (argv, err)
    (_, found, _), (_, shown, _), (_, checked, _), (_, backed_up, _), _ = results
    assert household_id in [r["household_id"] for r in json.loads(found)]
    assert json.loads(shown)["household_id"] == household_id
    assert "toàn vẹn" in checked and "Đã sao lưu" in backed_up
    with Store.open(tmp_path / "elsewhere.sqlite", read_only=True) as copy:
        assert copy.household_count() == 60
    assert _listing(stick.parent) == before


def test_writing_to_a_read_only_folder_says_so_and_changes_nothing(protection, stick, tmp_path):
    new = tmp_path / "new.json"
    new.write_text(json.dumps(household(head_name="Hộ mới"), ensure_ascii=False), encoding="utf-8")
    backup = tmp_path / "saved.sqlite"
    shutil.copy(stick, backup)
    db = str(stick)
    commands = [
        ["household", "import", str(new), "--db", db],
        ["round", "create", "2027", "--start", "2026-09-15", "--db", db],
        ["db", "restore", str(backup), "--db", db],
        ["db", "backup", str(stick.parent / "copy.sqlite"), "--db", db],
    ]
    before = _listing(stick.parent)
    results = run_protected(protection, stick.parent, *commands)
    for (code, _, err), argv in zip(results, commands, strict=True):
        assert code == 2 and _one_line(err), (argv, err)
        assert "chỉ cho đọc" in err and "hỏng (" not in err and "Read-only" not in err, err
    for _, _, err in results[:3]:
        assert "chép ngheo.sqlite sang một thư mục ghi được" in err and "khóa chống ghi" in err
    assert _listing(stick.parent) == before


def test_a_read_only_file_is_read_and_writes_say_so(protection, stick, tmp_path):
    new = tmp_path / "new.json"
    new.write_text(json.dumps(household(head_name="Hộ mới"), ensure_ascii=False), encoding="utf-8")
    commands, _ = _reading_commands(stick, tmp_path)
    commands.append(["household", "import", str(new), "--db", str(stick)])
    before, listing = _digest(stick), _listing(stick.parent)
    *reads, (code, _, err) = run_protected(protection, stick, *commands)
    assert [r[0] for r in reads] == [0] * len(reads)
    assert code == 2 and _one_line(err) and f"tệp {stick} chỉ cho đọc" in err
    assert "attempt to write" not in err
    # Nothing is left beside it either: a read-only -wal or -shm would block writes once unprotected.
    assert _digest(stick) == before and _listing(stick.parent) == listing


def test_protection_only_sqlite_notices_is_still_read_only_not_damage(protection, stick, tmp_path):
    """Windows' os.access does not see a write-protected stick; SQLite fails on first use instead."""
    new = tmp_path / "new.json"
    new.write_text(json.dumps(household(), ensure_ascii=False), encoding="utf-8")
    commands, _ = _reading_commands(stick, tmp_path)
    commands.append(["household", "import", str(new), "--db", str(stick)])
    before = _listing(stick.parent)
    *reads, (code, _, err) = run_protected(protection, stick.parent, *commands, blind=True)
    assert [r[0] for r in reads] == [0] * len(reads), reads
    assert code == 2 and _one_line(err) and "chỉ cho đọc" in err and "hỏng (" not in err
    assert _listing(stick.parent) == before


def test_unsaved_changes_in_a_read_only_folder_are_not_read_past(protection, stick):
    """A -wal file with content (the stick pulled out mid-write) holds committed changes the file lacks:
    reading the file alone would show an old register, so it is refused with the way to read it."""
    script = ("import os, sys\nfrom ngheo_desktop.store import Store\ns = Store.open(sys.argv[1])\n"
              "s.conn.execute('PRAGMA wal_autocheckpoint = 0')\ns.set_meta('last', 'kept')\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", script, str(stick)], check=True)
    wal = stick.with_name("ngheo.sqlite-wal")
    assert wal.stat().st_size > 0
    stick.with_name("ngheo.sqlite-shm").unlink()
    before = _listing(stick.parent)
    [(code, _, err)] = run_protected(protection, stick.parent, ["search", "a", "--db", str(stick)])
    assert code == 2 and _one_line(err) and "ngheo.sqlite-wal" in err and "thư mục ghi được" in err
    assert _listing(stick.parent) == before
    with Store.open(stick) as store:  # once writable, the log is replayed: nothing was lost
        assert store.get_meta("last") == "kept"


def test_sqlite_is_given_uris_it_accepts_for_network_and_drive_paths():
    """Path.as_uri writes a Windows network path as file://server/…, which SQLite refuses."""
    from pathlib import PurePosixPath, PureWindowsPath

    from ngheo_desktop.store.files import sqlite_uri

    assert sqlite_uri(PureWindowsPath(r"\\server\share\xa\ngheo.sqlite")) == "file:////server/share/xa/ngheo.sqlite"
    assert sqlite_uri(PureWindowsPath(r"C:\Dữ liệu\ngheo.sqlite")) == "file:///C:/D%E1%BB%AF%20li%E1%BB%87u/ngheo.sqlite"
    assert sqlite_uri(PurePosixPath("/media/usb/ngheo #1.sqlite")) == "file:///media/usb/ngheo%20%231.sqlite"
