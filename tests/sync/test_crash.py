"""SIGKILL at random moments during a bundle import: the database stays sound and holds the whole bundle
or none of it, and importing again succeeds. A forked child does the import so each kill costs
milliseconds, not an interpreter start."""

from __future__ import annotations

import os
import random
import signal
import sys
import time

import pytest
from installations import Installation, cheap_keys, enrol
from sync_builders import household

from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store, sync_tables

HOUSEHOLDS = 60
KILLS = 52

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork()")


def _import_in_child(db_path, bundle) -> int:
    pid = os.fork()
    if pid == 0:  # child: import, then leave without running the parent's cleanup
        code = 1
        try:
            with Store.open(db_path) as store:
                svc.import_bundle(store, bundle, "Văn thư xã")
            code = 0
        finally:
            os._exit(code)
    return pid


def _state(db_path, file_id) -> tuple[list[str], int, bool]:
    with Store.open(db_path) as store:
        return store.check(), store.household_count(), sync_tables.bundle_imported(store, file_id)


def test_sigkill_during_import_leaves_all_or_nothing(tmp_path, monkeypatch):
    cheap_keys(monkeypatch)
    office = Installation(tmp_path, "office", "office", "UBND xã")
    field = Installation(tmp_path, "field", "field", "Máy thôn")
    enrol(office, field)
    with field.store() as store:
        for i in range(HOUSEHOLDS):
            store.save_household(household(f"Nguyễn Văn Số {i}", f"0400840{i:05d}"), actor="Mai")
        report = svc.export_bundle(store, tmp_path / "goi.ngheo")
    bundle = tmp_path / "goi.ngheo"

    with office.active():
        with Store.open(office.db_path):
            pass  # create and migrate once; every attempt starts from a copy of this file
        base = office.db_path.read_bytes()
        probe = tmp_path / "probe.sqlite"
        probe.write_bytes(base)
        started = time.perf_counter()
        with Store.open(probe) as store:
            svc.import_bundle(store, bundle, "Văn thư xã")
        duration = time.perf_counter() - started

        rng = random.Random(6)
        outcomes = {"none": 0, "whole": 0}
        sys.stdout.flush()
        sys.stderr.flush()
        for i in range(KILLS):
            db = tmp_path / f"kill-{i}.sqlite"
            db.write_bytes(base)
            pid = _import_in_child(db, bundle)
            # The window sweeps from the start to well past the probe's duration (a loaded machine is slower),
            # so kills land before, during and after the commit.
            time.sleep(rng.uniform(0, duration * (0.3 + 2.7 * i / KILLS)))
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            problems, count, imported = _state(db, report.file_id)
            assert problems == [], f"kill {i}: {problems}"
            assert (count, imported) in {(0, False), (HOUSEHOLDS, True)}, f"kill {i}: {count} households"
            outcomes["whole" if imported else "none"] += 1
            if not imported:
                with Store.open(db) as store:
                    assert svc.import_bundle(store, bundle, "Văn thư xã").outcome == {"created": HOUSEHOLDS}
                assert _state(db, report.file_id) == ([], HOUSEHOLDS, True)
            for suffix in ("", "-wal", "-shm"):
                (tmp_path / f"kill-{i}.sqlite{suffix}").unlink(missing_ok=True)
    # Kills landed both before and after the commit.
    assert outcomes["none"] > 0 and outcomes["whole"] > 0, outcomes
