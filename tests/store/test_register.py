"""Households, units, rounds, assessments, support, logs and search through the store API."""

from __future__ import annotations

import unicodedata

import pytest
from factories import household, member

from ngheo_desktop.criteria import classify
from ngheo_desktop.store import InvalidChange, NotFound, StaleRecord, Store
from ngheo_desktop.text import nfc


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "reg.sqlite") as s:
        yield s


def test_save_new_household_and_read_it_back(store):
    doc = household()
    saved = store.save_household(doc, actor="cán bộ A")
    assert saved == store.get_household(doc["household_id"]) == doc
    assert store.household_count() == 1
    [change] = store.changes_since(0)
    assert (change.entity, change.record_id, change.record_version, change.op) == (
        "household", doc["household_id"], 1, "create")


def test_edit_bumps_version_and_audits_each_field(store):
    doc = store.save_household(household(), actor="cán bộ A")
    edited = {**doc, "answers": {**doc["answers"], "floor_area_m2": 55.0, "address": "Xóm 2"}}
    saved = store.save_household(edited, actor="cán bộ B")
    assert saved["record_version"] == 2
    entries = [(e.actor, e.field, e.old, e.new) for e in store.audit_for(doc["household_id"]) if e.field != "$"]
    assert ("cán bộ B", "answers.floor_area_m2", 40.0, 55.0) in entries
    assert ("cán bộ B", "answers.address", None, "Xóm 2") in entries
    assert [c.record_version for c in store.changes_since(0)] == [1, 2]


def test_unchanged_save_changes_nothing(store):
    doc = store.save_household(household(), actor="a")
    seq = store.last_change_seq()
    assert store.save_household(doc, actor="a")["record_version"] == 1
    assert store.last_change_seq() == seq


def test_edit_of_an_outdated_copy_is_refused(store):
    doc = store.save_household(household(), actor="a")
    store.save_household({**doc, "answers": {**doc["answers"], "address": "Mới"}}, actor="a")
    with pytest.raises(StaleRecord):
        store.save_household({**doc, "answers": {**doc["answers"], "address": "Khác"}}, actor="b")
    assert store.get_household(doc["household_id"])["answers"]["address"] == "Mới"


def test_member_edits_are_audited_by_member_id(store):
    doc = store.save_household(household(), actor="a")
    mid = doc["members"][1]["member_id"]
    members = [dict(m) for m in doc["members"]]
    members[1]["has_health_insurance"] = False
    store.save_household({**doc, "members": members}, actor="a")
    fields = [e.field for e in store.audit_for(doc["household_id"])]
    assert f"members[{mid}].has_health_insurance" in fields


def test_audit_log_is_append_only(store):
    doc = store.save_household(household(), actor="a")
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("UPDATE audit SET actor = 'x'")
    with pytest.raises(Exception, match="append-only"):
        store.conn.execute("DELETE FROM audit")
    assert store.audit_for(doc["household_id"])


def test_text_is_stored_nfc(store):
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Ánh")
    doc = household([member(40, nfd)], head_name=nfd)
    saved = store.save_household(doc, actor="a")
    assert saved["answers"]["head_name"] == nfc(nfd)
    row = store.conn.execute("SELECT head_name FROM households").fetchone()[0]
    assert row == "Nguyễn Thị Ánh" and unicodedata.is_normalized("NFC", row)


def test_invalid_household_is_refused_and_nothing_is_written(store):
    doc = household()
    doc["members"][0]["citizen_id"] = "12345"
    with pytest.raises(Exception, match="12 chữ số"):
        store.save_household(doc, actor="a")
    assert store.household_count() == 0 and store.changes_since(0) == []


def test_import_is_all_or_nothing(store):
    good = household()
    bad = household()
    bad["record_version"] = 0
    with pytest.raises(Exception, match="record_version"):
        store.import_households([good, bad], actor="a")
    assert store.household_count() == 0


def test_import_keeps_versions_and_refuses_older_copies(store):
    doc = household()
    assert store.import_household(doc, actor="a") == "created"
    assert store.import_household(doc, actor="a") == "unchanged"
    newer = {**doc, "record_version": 3, "answers": {**doc["answers"], "address": "Đội 4"}}
    assert store.import_household(newer, actor="a") == "updated"
    assert store.get_household(doc["household_id"])["record_version"] == 3
    with pytest.raises(StaleRecord):
        store.import_household({**doc, "answers": {**doc["answers"], "address": "cũ"}}, actor="a")


def test_units_and_editable_area(store):
    province = store.add_unit("province", "Tỉnh Nghệ An", actor="a")
    ward = store.add_unit("commune", "Phường Vinh Phú", actor="a", parent_id=province.id, kind="phuong")
    zone = store.add_unit("commune", "Đặc khu Cồn Cỏ", actor="a", parent_id=province.id, kind="dac_khu")
    village = store.add_unit("village", "Tổ dân phố 5", actor="a", parent_id=ward.id, kind="to_dan_pho")
    assert ward.area == "urban" and zone.area is None
    assert store.area_of(village.id) == "urban"
    store.set_unit_area(zone.id, "rural", actor="a")
    assert store.unit(zone.id).area == "rural" and store.unit(zone.id).version == 2
    assert {u.name for u in store.units(level="commune", parent_id=province.id)} == {
        "Phường Vinh Phú", "Đặc khu Cồn Cỏ"}
    with pytest.raises(InvalidChange):
        store.add_unit("village", "Thôn lạc", actor="a", parent_id=province.id)
    with pytest.raises(InvalidChange):
        store.set_unit_area(zone.id, "mountain", actor="a")


def test_register_page_sorting_and_unsent_flag(store):
    names = ["Trần Văn Bình", "Đỗ Thị Ánh", "Nguyễn Văn An", "Lê Thị Cúc"]
    ids = [store.save_household(household([member(40, n)]), actor="a")["household_id"] for n in names]
    assert store.household_ids() == ids
    by_name = [r.head_name for r in store.household_page(0, 10, sort="head_name")]
    assert by_name == ["Đỗ Thị Ánh", "Lê Thị Cúc", "Nguyễn Văn An", "Trần Văn Bình"]
    assert [r.head_name for r in store.household_page(1, 2, sort="head_name", descending=True)] == [
        "Nguyễn Văn An", "Lê Thị Cúc"]
    rows = store.household_rows(ids[:2])
    assert rows[ids[0]].unsent and rows[ids[0]].register_no == 1
    store.mark_sent(ids[:1], store.last_change_seq())
    assert not store.household_rows(ids[:1])[ids[0]].unsent
    with pytest.raises(InvalidChange):
        store.household_page(sort="favourite")


def _round_pair(store):
    r1 = store.create_round(2025, "periodic", "2024-09-16", actor="a")
    r2 = store.create_round(2026, "periodic", "2025-09-15", actor="a")
    return r1, r2


def test_assessment_status_flow_and_register_class(store):
    doc = store.save_household(household(monthly_income_per_person=1_000_000), actor="a")
    hid = doc["household_id"]
    _, r2 = _round_pair(store)
    a = store.save_assessment(hid, r2.id, classify(doc), actor="a")
    assert (a.status, a.klass, a.standard_id) == ("draft", "near_poor", "vn-2022-2025")
    assert a.snapshot == doc and a.result["household_id"] == hid
    assert len(a.standard_sha256) == 64
    a = store.set_assessment_status(a.id, "completed", actor="a")
    with pytest.raises(InvalidChange, match="lý do"):
        store.set_assessment_status(a.id, "returned", actor="chủ tịch")
    a = store.set_assessment_status(a.id, "returned", actor="chủ tịch", comment="Thiếu bảng kê thu nhập")
    assert a.comment == "Thiếu bảng kê thu nhập"
    with pytest.raises(InvalidChange):
        store.set_assessment_status(a.id, "approved", actor="chủ tịch")
    store.set_assessment_status(a.id, "completed", actor="a")
    a = store.set_assessment_status(a.id, "approved", actor="chủ tịch")
    row = store.household_rows([hid])[hid]
    assert (row.klass, row.status) == ("near_poor", "approved")
    statuses = [(e.field, e.old, e.new) for e in store.audit_for(a.id) if e.field == "status"]
    assert statuses[-1] == ("status", "completed", "approved")


def test_round_results_show_movement(store):
    r1, r2 = _round_pair(store)
    stays = store.save_household(household(monthly_income_per_person=1_000_000), actor="a")
    leaves = store.save_household(household(monthly_income_per_person=1_000_000), actor="a")
    arrives = store.save_household(household(monthly_income_per_person=9_000_000), actor="a")
    for doc in (stays, leaves):
        store.save_assessment(doc["household_id"], r1.id, classify(doc), actor="a", status="completed")
    store.save_assessment(stays["household_id"], r2.id, classify(stays), actor="a", status="completed")
    store.save_assessment(arrives["household_id"], r2.id, classify(arrives), actor="a", status="completed")
    results = {r.household_id: r for r in store.round_results(r2.id)}
    assert (results[stays["household_id"]].previous_class, results[stays["household_id"]].klass) == (
        "near_poor", "near_poor")
    assert results[leaves["household_id"]].klass is None
    assert results[leaves["household_id"]].previous_class == "near_poor"
    assert results[arrives["household_id"]].previous_class is None
    assert store.previous_round(r2.id) == r1


def test_support_records(store):
    hid = store.save_household(household(), actor="a")["household_id"]
    s = store.add_support(hid, "loan", "2025-11-02", actor="a", amount=50_000_000,
                          provider="Ngân hàng Chính sách xã hội")
    store.add_support(hid, "health_insurance_card", "2025-10-20", actor="a")
    assert [x.kind for x in store.support_for(hid)] == ["health_insurance_card", "loan"]
    store.remove_support(s.id, actor="a")
    assert [x.kind for x in store.support_for(hid)] == ["health_insurance_card"]
    assert store.changes_since(0)[-1].op == "delete"
    with pytest.raises(InvalidChange):
        store.add_support(hid, "lottery", "2025-10-20", actor="a")
    with pytest.raises(NotFound):
        store.add_support("00000000-0000-4000-8000-000000000000", "loan", "2025-10-20", actor="a")


def test_changes_since_is_ordered_and_resumable(store):
    for _ in range(5):
        store.save_household(household(), actor="a")
    first = store.changes_since(0, limit=2)
    rest = store.changes_since(first[-1].seq)
    assert [c.seq for c in first + rest] == sorted(c.seq for c in first + rest)
    assert len(first + rest) == 5


def test_one_transaction_for_several_writes(store):
    with pytest.raises(RuntimeError), store.transaction("thử"):
        store.save_household(household(), actor="a")
        raise RuntimeError("hủy")
    assert store.household_count() == 0


# ---------------------------------------------------------------------- search
@pytest.fixture
def searchable(store):
    people = [
        ("Nguyễn Văn A", "Thôn Đồng Tâm", "040084001234"),
        ("Đặng Thị Đào", "Thôn Yên Thịnh", "040187005678"),
        ("Trần Đức Anh", "Thôn Đồng Tâm", "040090112233"),
        ("Lê Văn Nguyên", "Bản Pa Cheo", "010070998877"),
    ]
    ids = {}
    for name, village, cid in people:
        doc = household([member(40, name, citizen_id=cid)])
        doc["location"]["village"] = village
        ids[name] = store.save_household(doc, actor="a")["household_id"]
    return store, ids


def _names(rows):
    return [r.head_name for r in rows]


def test_search_ignores_case_and_diacritics(searchable):
    store, _ = searchable
    assert _names(store.search("nguyen van a")) == ["Nguyễn Văn A"]
    assert _names(store.search("NGUYỄN VĂN A")) == ["Nguyễn Văn A"]
    assert _names(store.search(unicodedata.normalize("NFD", "Nguyễn Văn A"))) == ["Nguyễn Văn A"]


def test_d_matches_đ(searchable):
    store, _ = searchable
    assert _names(store.search("dang thi dao")) == ["Đặng Thị Đào"]
    assert set(_names(store.search("dong tam"))) == {"Nguyễn Văn A", "Trần Đức Anh"}


def test_prefix_search_as_the_user_types(searchable):
    store, _ = searchable
    assert set(_names(store.search("ng"))) == {"Nguyễn Văn A", "Lê Văn Nguyên"}
    assert _names(store.search("tran du")) == ["Trần Đức Anh"]
    assert _names(store.search("0401870")) == ["Đặng Thị Đào"]
    assert _names(store.search("pa ch")) == ["Lê Văn Nguyên"]


def test_search_ranks_the_head_name_first(searchable):
    store, _ = searchable
    # "Nguyên" is a given name of one head and the family name of another: the family-name match
    # at the start of the head's name comes first.
    assert _names(store.search("nguyen")) == ["Nguyễn Văn A", "Lê Văn Nguyên"]


def test_search_with_no_words_or_operators_is_safe(searchable):
    store, _ = searchable
    assert store.search("  ,.;  ") == []
    assert store.search('"') == []
    assert store.search("AND OR NOT") == []
    assert store.search("*") == []


def test_search_follows_edits(searchable):
    store, ids = searchable
    doc = store.get_household(ids["Trần Đức Anh"])
    doc["answers"]["head_name"] = "Trần Đức Hòa"
    doc["members"][0]["full_name"] = "Trần Đức Hòa"
    store.save_household(doc, actor="a")
    assert store.search("tran duc anh") == []
    assert _names(store.search("tran duc hoa")) == ["Trần Đức Hòa"]


def test_assessment_result_must_come_from_the_snapshot(store):
    doc = store.save_household(household(), actor="a")
    other = household()
    _, r2 = _round_pair(store)
    with pytest.raises(InvalidChange):
        store.save_assessment(doc["household_id"], r2.id, classify(other), actor="a")
    edited = store.save_household({**doc, "answers": {**doc["answers"], "address": "Mới"}}, actor="a")
    with pytest.raises(InvalidChange):  # result of version 1, snapshot (stored) is version 2
        store.save_assessment(doc["household_id"], r2.id, classify(doc), actor="a")
    assert store.save_assessment(doc["household_id"], r2.id, classify(edited), actor="a").household_version == 2
