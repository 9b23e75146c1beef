"""Two laptops editing the same household, bundles arriving in any order (late and out of sequence too):
the office always ends in the same state — the household back at the common base, one conflict queued
holding each laptop's latest version with who changed it."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from installations import Installation, cheap_keys, enrol
from sync_builders import household

from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store, sync_tables


def _edit(inst, household_id, **answers):
    with inst.store() as store:
        doc = store.get_household(household_id)
        doc["answers"].update(answers)
        store.save_household(doc, actor=inst.public.label)


@pytest.fixture(scope="module")
def scene(tmp_path_factory):
    """An office with one household assigned to two laptops; each laptop edits it twice, exporting after
    each edit (the second bundle of a laptop re-sends its unconfirmed latest version)."""
    tmp = tmp_path_factory.mktemp("merge-order")
    with pytest.MonkeyPatch.context() as mp:
        cheap_keys(mp)
        office = Installation(tmp, "office", "office", "UBND xã")
        a = Installation(tmp, "a", "field", "Máy A — Lê Thị Mai")
        b = Installation(tmp, "b", "field", "Máy B — Đinh Văn Tú")
        enrol(office, a, b)
        doc = household()
        with office.store() as store:
            prov = store.add_unit("province", "Tỉnh Nghệ An", actor="t")
            com = store.add_unit("commune", "Xã Quỳnh Thắng", actor="t", parent_id=prov.id)
            village = store.add_unit("village", "Thôn Đồng Tâm", actor="t", parent_id=com.id)
            doc["location"]["village_id"] = village.id
            store.save_household(doc, actor="Văn thư")
        with office.store() as store, office.active():
            for inst in (a, b):
                svc.export_assignment(store, inst.device_id, village.id, tmp / f"assign-{inst.home.name}.ngheo")
        bundles = {}
        for inst, first, second in ((a, 45, 50), (b, 28, 31)):
            with inst.store() as store:
                svc.import_assignment(store, tmp / f"assign-{inst.home.name}.ngheo", "x")
            for n, area in ((1, first), (2, second)):
                _edit(inst, doc["household_id"], floor_area_m2=area, address=f"Xóm {area}, thôn Đồng Tâm")
                path = tmp / f"{inst.home.name}{n}.ngheo"
                with inst.store() as store:
                    svc.export_bundle(store, path)
                bundles[f"{inst.home.name}{n}"] = path
        yield office, a, b, doc, bundles, tmp


def _office_state(db_path, household_id):
    with Store.open(db_path) as store:
        doc = store.get_household(household_id)
        items = sync_tables.review_items(store, "open")
        queue = sorted((i.kind, i.record_id, tuple(sorted((c.source, c.version, c.base_version, c.hash, c.changed_by)
                                                         for c in i.candidates))) for i in items)
        return doc, queue, store.check()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(["a1", "a2", "b1", "b2"]))
def test_any_arrival_order_ends_in_the_same_state(scene, order):
    office, a, b, doc, bundles, tmp = scene
    db = tmp / "office-copy.sqlite"
    for suffix in ("", "-wal", "-shm"):
        (tmp / f"office-copy.sqlite{suffix}").unlink(missing_ok=True)
    shutil.copy(office.db_path, db)
    with office.active(), Store.open(db) as store:
        outcomes = [svc.import_bundle(store, bundles[name], "Văn thư").outcome for name in order]
    assert any("conflict" in o for o in outcomes)
    with office.active():
        final_doc, queue, problems = _office_state(db, doc["household_id"])
    assert problems == []
    assert final_doc == doc  # the common base: neither laptop wins by arriving first
    [(kind, record_id, candidates)] = queue
    assert (kind, record_id) == ("conflict", doc["household_id"])
    assert [(c[0], c[1], c[2], c[4]) for c in candidates] == sorted(
        [(a.device_id, 3, 1, "Máy A — Lê Thị Mai"), (b.device_id, 3, 1, "Máy B — Đinh Văn Tú")])
