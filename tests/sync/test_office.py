"""The office side with real databases: import and merge, hostile files, receipts, assignments, review,
the village meeting and recognition."""

from __future__ import annotations

import random
import struct

import pytest
from installations import Installation, cheap_keys, enrol, table_hash
from sync_builders import household

from ngheo_desktop.criteria import classify
from ngheo_desktop.criteria.standards import default_registry
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.paths import forms_dir
from ngheo_desktop.services import Cancelled
from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import sync_tables
from ngheo_desktop.sync import container, keys, payloads
from ngheo_desktop.sync.errors import FileRejected


@pytest.fixture
def world(tmp_path, monkeypatch):
    cheap_keys(monkeypatch)
    office = Installation(tmp_path, "office", "office", "UBND xã Quỳnh Thắng")
    field = Installation(tmp_path, "field", "field", "Máy thôn Đồng Tâm")
    field2 = Installation(tmp_path, "field2", "field", "Máy thôn Bản Mới")
    enrol(office, field, field2)
    return office, field, field2


def _survey(inst: Installation, docs: list[dict]) -> None:
    with inst.store() as store:
        for d in docs:
            store.save_household(d, actor="Lê Thị Mai")


def _export(inst: Installation, path) -> svc.ExportReport:
    with inst.store() as store:
        return svc.export_bundle(store, path)


def _import(office: Installation, path, **kw) -> svc.ImportReport:
    with office.store() as store:
        return svc.import_bundle(store, path, "Văn thư xã", **kw)


def test_vietnamese_text_round_trip_through_the_whole_flow(world, tmp_path):
    office, field, _ = world
    names = ["Nguyễn Thị Ngọc Ánh", "Đặng Văn Đức", "Vừ A Dính", "Lò Thị Ửng", "Hoàng Thị Huệ"]
    docs = [household(n, f"0400840099{i:02d}") for i, n in enumerate(names)]
    docs[0]["answers"]["address"] = "Xóm 3, thôn Đồng Tâm — cạnh cầu Khe Ước"
    _survey(field, docs)
    report = _export(field, tmp_path / "goi.ngheo")
    assert report.counts == {"households": 5, "members": 20, "assessments": 0, "support": 0}
    result = _import(office, tmp_path / "goi.ngheo")
    assert result.outcome == {"created": 5}
    with field.store() as fs, office.store() as os_:
        for d in docs:
            assert os_.get_household(d["household_id"]) == fs.get_household(d["household_id"])
        assert sorted(r.head_name for r in os_.household_page(0, 10)) == sorted(names)


def test_same_bundle_twice_sequence_reuse_and_gap(world, tmp_path):
    office, field, _ = world
    _survey(field, [household()])
    _export(field, tmp_path / "b1.ngheo")
    _survey(field, [household("Trần Văn Bình", "040084001111")])
    _export(field, tmp_path / "b2.ngheo")
    _survey(field, [household("Phạm Thị Cúc", "040084002222")])
    _export(field, tmp_path / "b3.ngheo")
    # Bundle 2 never arrives: bundle 3 still carries everything unconfirmed, and the gap is reported.
    report = _import(office, tmp_path / "b3.ngheo")
    assert report.missing_sequences == [1, 2] and report.outcome == {"created": 3}
    with office.store() as store:
        before = table_hash(store)
    with pytest.raises(FileRejected, match="đã được nhập") as exc:
        _import(office, tmp_path / "b3.ngheo")
    assert exc.value.code == "already_imported"
    late = _import(office, tmp_path / "b1.ngheo")
    assert late.outcome == {"unchanged": 1}
    # Another file claiming an already used sequence number is refused.
    with field.store() as store:
        store.db.execute("DELETE FROM sync_bundles_out WHERE sequence = 3")
    _export(field, tmp_path / "b3bis.ngheo")
    with pytest.raises(FileRejected) as exc:
        _import(office, tmp_path / "b3bis.ngheo")
    assert exc.value.code == "sequence_reused"
    with office.store() as store, office.active():
        assert table_hash(store) != before  # b1 did land
        row = next(d for d in svc.device_registry(store) if d.device_id == field.device_id)
        assert (row.bundles, row.last_sequence, row.label) == (2, 3, "Máy thôn Đồng Tâm")


def _splice(data: bytes, donor: bytes) -> bytes:
    """This file's header with the donor's encrypted payload and signature."""
    h = struct.unpack_from(">I", data, 32)[0]
    hd = struct.unpack_from(">I", donor, 32)[0]
    pre = bytearray(data[:container.PREAMBLE_SIZE])
    struct.pack_into(">Q", pre, 36, len(donor) - container.PREAMBLE_SIZE - hd - 44 - 64)
    return bytes(pre) + data[container.PREAMBLE_SIZE:container.PREAMBLE_SIZE + h] + \
        donor[container.PREAMBLE_SIZE + hd:]


def test_hostile_imports_change_no_table(world, tmp_path):
    office, field, field2 = world
    stranger = Installation(tmp_path, "stranger", "field", "Máy lạ")
    other_office = Installation(tmp_path, "other", "office", "UBND xã khác")
    stranger.trust(office)
    _survey(field, [household(), household("Trần Văn Bình", "040084001111")])
    _export(field, tmp_path / "good1.ngheo")
    _import(office, tmp_path / "good1.ngheo")
    _survey(field, [household("Phạm Thị Cúc", "040084002222")])
    _export(field, tmp_path / "good2.ngheo")
    good = (tmp_path / "good2.ngheo").read_bytes()
    _survey(stranger, [household("Người Lạ", "040084003333")])
    _export(stranger, tmp_path / "stranger.ngheo")
    _survey(field2, [household("Lò Văn Pâng", "040084004444")])
    _export(field2, tmp_path / "field2.ngheo")

    hostile: list[bytes] = []
    rng = random.Random(66)
    for _ in range(1000):
        mutated = bytearray(good)
        mutated[rng.randrange(len(good))] ^= rng.randrange(1, 256)
        hostile.append(bytes(mutated))
    hostile += [good[:cut] for cut in sorted(rng.sample(range(len(good)), 150))]
    hostile.append(_splice(good, (tmp_path / "field2.ngheo").read_bytes()))
    hostile.append(_splice((tmp_path / "field2.ngheo").read_bytes(), good))
    hostile.append(good[:8] + b"\x00\x09" + good[10:])  # a future format version
    for offset, fmt, value in ((32, ">I", 2**32 - 1), (36, ">Q", 2**62)):
        big = bytearray(good)
        struct.pack_into(fmt, big, offset, value)
        hostile.append(bytes(big))
    hostile.append((tmp_path / "good1.ngheo").read_bytes())  # replay of an imported bundle
    hostile.append((tmp_path / "stranger.ngheo").read_bytes())  # unknown key
    with field.active(), field.store() as fstore:
        identity = keys.unlock()
        recs = [payloads.Record("household", (d := household())["household_id"], 1, 0, "2026-10-12T10:00:00Z",
                                "x", d)]
        hostile.append(container.seal("bundle", payloads.bundle_payload(recs), identity, other_office.public, 9,
                                      payloads.bundle_counts(recs)))  # for another office
        assert fstore.household_count() == 3

    with office.active():
        svc.revoke_device(field2.device_id, 0)
    hostile.append((tmp_path / "field2.ngheo").read_bytes())  # revoked, above the cut-off

    paths = []
    for i, data in enumerate(hostile):
        p = tmp_path / f"hostile-{i}.ngheo"
        p.write_bytes(data)
        paths.append(p)
    with office.store() as store, office.active():
        before = table_hash(store)
        codes = set()
        for p in paths:
            with pytest.raises(FileRejected) as exc:
                svc.import_bundle(store, p, "Văn thư xã")
            codes.add(exc.value.code)
            assert table_hash(store) == before, p.name
        assert store.check() == []
    assert {"bad_signature", "bad_length", "unknown_device", "wrong_recipient", "already_imported", "revoked",
            "unsupported_version", "oversize"} <= codes
    # The genuine file still imports after all that.
    assert _import(office, tmp_path / "good2.ngheo").outcome == {"created": 1, "unchanged": 2}


def test_revoked_device_bundle_is_held_for_review_never_merged(world, tmp_path):
    office, field, _ = world
    _survey(field, [household()])
    _export(field, tmp_path / "b1.ngheo")
    _import(office, tmp_path / "b1.ngheo")
    with office.store() as store, office.active():
        entry = svc.revoke_device(field.device_id, None, store)
    assert entry.revoked_after_sequence == 1
    doc = household("Kẻ Gian", "040084005555")
    _survey(field, [doc])
    _export(field, tmp_path / "b2.ngheo")
    with pytest.raises(FileRejected, match="thu hồi"):
        _import(office, tmp_path / "b2.ngheo")
    report = _import(office, tmp_path / "b2.ngheo", hold_revoked=True)
    assert report.held and report.outcome == {"held": 2}
    with office.store() as store:
        assert not store.has_household(doc["household_id"])
        held = [i for i in svc.review_queue(store) if i.kind == "held"]
        assert {i.record_id for i in held} >= {doc["household_id"]}


def _edit(inst: Installation, household_id: str, **answers) -> None:
    with inst.store() as store:
        doc = store.get_household(household_id)
        doc["answers"].update(answers)
        store.save_household(doc, actor=inst.public.label)


def _assign_to(office: Installation, field: Installation, tmp_path, name: str) -> None:
    with office.store() as store, office.active():
        village = next(u.id for u in store.units(level="village"))
        svc.export_assignment(store, field.device_id, village, tmp_path / name)
    with field.store() as store:
        svc.import_assignment(store, tmp_path / name, "Điều tra viên")


def _office_with_village(office: Installation, docs: list[dict]) -> None:
    with office.store() as store:
        prov = store.add_unit("province", "Tỉnh Nghệ An", actor="t")
        com = store.add_unit("commune", "Xã Quỳnh Thắng", actor="t", parent_id=prov.id)
        village = store.add_unit("village", "Thôn Đồng Tâm", actor="t", parent_id=com.id)
        for d in docs:
            d["location"]["village_id"] = village.id
            store.save_household(d, actor="Văn thư xã")


def test_assignment_then_edits_on_two_laptops_are_a_queued_conflict(world, tmp_path):
    office, field, field2 = world
    doc = household()
    _office_with_village(office, [doc])
    _assign_to(office, field, tmp_path, "a1.ngheo")
    _assign_to(office, field2, tmp_path, "a2.ngheo")
    with pytest.raises(FileRejected, match="đã được nhập"), field.store() as store:
        svc.import_assignment(store, tmp_path / "a1.ngheo", "x")
    _edit(field, doc["household_id"], floor_area_m2=45)
    _edit(field2, doc["household_id"], floor_area_m2=28, uses_telecom=False)
    _export(field, tmp_path / "f1.ngheo")
    _export(field2, tmp_path / "f2.ngheo")
    assert _import(office, tmp_path / "f1.ngheo").outcome == {"updated": 1}
    assert _import(office, tmp_path / "f2.ngheo").outcome == {"conflict": 1}
    with office.store() as store:
        assert store.get_household(doc["household_id"])["answers"]["floor_area_m2"] == 30  # back to the base
        [item] = svc.review_queue(store)
        assert item.kind == "conflict"
        assert {(c.source, c.version, c.changed_by) for c in item.candidates} == {
            (field.device_id, 2, "Máy thôn Đồng Tâm"), (field2.device_id, 2, "Máy thôn Bản Mới")}
        with pytest.raises(NgheoError, match="chọn phiên bản"):
            svc.approve(store, item.id, "Chủ tịch")
        svc.approve(store, item.id, "Chủ tịch", source=field2.device_id)
        kept = store.get_household(doc["household_id"])
        assert kept["answers"]["floor_area_m2"] == 28 and kept["record_version"] == 3
    with office.store() as store, office.active():
        svc.export_receipt(store, field.device_id, tmp_path / "r1.ngheo")
        svc.export_receipt(store, field2.device_id, tmp_path / "r2.ngheo")
    with field.store() as store:
        assert svc.import_receipt(store, tmp_path / "r1.ngheo") == {"accepted": 0, "returned": 0, "rejected": 1}
    with field2.store() as store:
        assert svc.import_receipt(store, tmp_path / "r2.ngheo") == {"accepted": 1, "returned": 0, "rejected": 0}


def test_two_households_with_one_citizen_id_are_queued_as_a_pair(world, tmp_path):
    office, field, field2 = world
    a, b = household("Nguyễn Văn Hùng", "040084007777"), household("Nguyễn Văn Hùng", "040084007777")
    _survey(field, [a])
    _survey(field2, [b])
    _export(field, tmp_path / "f1.ngheo")
    _export(field2, tmp_path / "f2.ngheo")
    _import(office, tmp_path / "f1.ngheo")
    _import(office, tmp_path / "f2.ngheo")
    with office.store() as store:
        dup = [i for i in svc.review_queue(store) if i.kind == "duplicate_id"]
        assert len(dup) == 1
        assert {dup[0].record_id, dup[0].other_record_id} == {a["household_id"], b["household_id"]}
        assert {c.changed_by for c in dup[0].candidates} == {"Lê Thị Mai"}
        assert store.has_household(a["household_id"]) and store.has_household(b["household_id"])


def test_review_return_with_comments_reopens_on_the_laptop(world, tmp_path):
    office, field, _ = world
    accepted, returned = household(), household("Trần Thị Ánh", "040084008888")
    _survey(field, [accepted, returned])
    _export(field, tmp_path / "f1.ngheo")
    _import(office, tmp_path / "f1.ngheo")
    with office.store() as store:
        items = {i.record_id: i for i in svc.review_queue(store)}
        svc.approve(store, items[accepted["household_id"]].id, "Chủ tịch")
        with pytest.raises(NgheoError, match="nhận xét"):
            svc.return_to_surveyor(store, items[returned["household_id"]].id, {"floor_area_m2": "  "}, "Chủ tịch")
        # A comment the surveyor could not place is refused: no such question, no such member, or a member
        # named on a question about the whole household.
        someone_else, head = "00000000-0000-4000-8000-000000000000", returned["members"][0]["member_id"]
        for comments, refusal in (({"khong_co_cau_nay": "Xem lại"}, "Không có câu hỏi"),
                                  ({f"birth_date@{someone_else}": "Xem lại"}, "hộ không có thành viên"),
                                  ({f"floor_area_m2@{head}": "Đo lại"}, "câu hỏi về cả hộ")):
            with pytest.raises(NgheoError, match=refusal):
                svc.return_to_surveyor(store, items[returned["household_id"]].id, comments, "Chủ tịch")
        svc.return_to_surveyor(store, items[returned["household_id"]].id,
                               {"floor_area_m2": "Đo lại diện tích nhà", "water_source": "Ghi rõ giếng đào"},
                               "Chủ tịch")
    with office.store() as store, office.active():
        report = svc.export_receipt(store, field.device_id, tmp_path / "r1.ngheo")
        assert report.counts == {"accepted": 1, "returned": 1, "rejected": 0}
    with field.store() as store:
        svc.import_receipt(store, tmp_path / "r1.ngheo")
        assert svc.returned_comments(store, returned["household_id"]) == {
            "floor_area_m2": "Đo lại diện tích nhà", "water_source": "Ghi rõ giếng đào"}
        assert svc.returned_comments(store, accepted["household_id"]) == {}
        assert svc.household_sync_states(store) == {accepted["household_id"]: "delivered",
                                                     returned["household_id"]: "returned"}
        with pytest.raises(FileRejected, match="đã được nhập"):
            svc.import_receipt(store, tmp_path / "r1.ngheo")
        # Only the returned household is waiting to be sent again once it is edited.
        assert sync_tables.unsent_records(store) == []
    _edit(field, returned["household_id"], floor_area_m2=33)
    with field.store() as store:
        assert [r[1] for r in sync_tables.unsent_records(store)] == [returned["household_id"]]
    _export(field, tmp_path / "f2.ngheo")
    assert _import(office, tmp_path / "f2.ngheo").outcome == {"updated": 1}


def test_village_meeting_below_half_sends_back_and_recognition_closes(world, tmp_path):
    office, _field, _ = world
    docs = [household(), household("Trần Thị Ánh", "040084008888"), household("Lò Văn Pâng", "040084009999")]
    _office_with_village(office, docs)
    with office.store() as store:
        rnd = store.create_round(2027, "periodic", "2026-09-01", actor="t")
        for doc in docs:
            result = classify(store.get_household(doc["household_id"]))
            store.save_assessment(doc["household_id"], rnd.id, result, actor="t", status="completed")
        report = svc.record_village_meeting(
            store, rnd.id, None, "Thôn Đồng Tâm", "2026-11-20", 40, "Trưởng thôn Nguyễn Văn Tám",
            "Bí thư Lê Thị Hoa", {docs[0]["household_id"]: 21, docs[1]["household_id"]: 20,
                                  docs[2]["household_id"]: 5}, "Văn thư xã")
        assert report.min_share == 0.5
        # 21/40 and exactly half (20/40) stand; 5/40 goes back for re-survey.
        assert report.agreed == (docs[0]["household_id"], docs[1]["household_id"])
        assert report.resurvey == (docs[2]["household_id"],)
        assert store.get_assessment(docs[1]["household_id"], rnd.id).status == "completed"
        assert store.get_assessment(docs[2]["household_id"], rnd.id).status == "returned"
        [minutes] = svc.meeting_minutes(store, rnd.id)
        assert minutes.attendance == 40 and [v.share for v in minutes.votes] == [21 / 40, 0.5, 5 / 40]
        assert minutes.votes[0].head_name == "Nguyễn Văn Hùng"
        with pytest.raises(NgheoError, match="từ 0 đến 40"):
            svc.record_village_meeting(store, rnd.id, None, "Thôn", "2026-11-21", 40, "a", "b",
                                       {docs[0]["household_id"]: 41}, "x")
        # A meeting is recorded after it is held, within the round, on its own village's assessed households.
        village = store.units(level="village")[0]
        other = store.add_unit("village", "Thôn Tân Lập", actor="t", parent_id=village.parent_id)
        stranger = household("Vi Văn Lả", "040084007777")
        stranger["location"].update(village="Thôn Tân Lập", village_id=other.id)
        store.save_household(stranger, actor="t")
        unassessed = household("Hà Thị Mai", "040084006666")
        unassessed["location"]["village_id"] = village.id
        store.save_household(unassessed, actor="t")
        store.save_assessment(stranger["household_id"], rnd.id, classify(stranger), actor="t", status="completed")
        for held_on, votes, refusal in (
                ("2099-11-21", {docs[0]["household_id"]: 30}, "chưa đến"),
                ("20260821", {docs[0]["household_id"]: 30}, "không hợp lệ"),
                ("2026-08-20", {docs[0]["household_id"]: 30}, "trước ngày bắt đầu"),
                ("2026-11-21", {stranger["household_id"]: 30}, "thuộc Thôn Tân Lập, không thuộc Thôn Đồng Tâm"),
                ("2026-11-21", {unassessed["household_id"]: 30}, "chưa có kết quả rà soát trong đợt này")):
            with pytest.raises(NgheoError, match=refusal):
                svc.record_village_meeting(store, rnd.id, village.id, "Thôn Đồng Tâm", held_on, 40, "a", "b",
                                           votes, "x")
        assert len(svc.meeting_minutes(store, rnd.id)) == 1
        svc.recognize_round(store, rnd.id, "2026-12-10", "Chủ tịch UBND xã", "123/QĐ-UBND", "Văn thư xã")
        assert sync_tables.recognition(store, rnd.id) == ("2026-12-10", "Chủ tịch UBND xã", "123/QĐ-UBND")
        with pytest.raises(NgheoError, match="đã được công nhận"):
            svc.record_village_meeting(store, rnd.id, None, "Thôn", "2026-12-11", 10, "a", "b", {}, "x")


def test_bundle_export_needs_a_trusted_office_and_changes(tmp_path, monkeypatch):
    cheap_keys(monkeypatch)
    lone = Installation(tmp_path, "lone", "field", "Máy chưa đăng ký")
    with lone.store() as store, pytest.raises(NgheoError, match="chưa tin khóa văn phòng"):
        svc.export_bundle(store, tmp_path / "x.ngheo")
    assert not (tmp_path / "x.ngheo").exists()


def _provincial_standard(tmp_path):
    text = (forms_dir() / "standards" / "vn-2027-2030.toml").read_text("utf-8")
    text = text.replace('id = "vn-2027-2030"', 'id = "nghe-an-2027-2030"', 1)
    text = text.replace('kind = "national"', 'kind = "provincial"\nprovince = "Tỉnh Nghệ An"', 1)
    path = tmp_path / "chuan-nghe-an.toml"
    path.write_text(text, "utf-8")
    return path


@pytest.fixture
def fresh_registry():
    """The standards registry is cached per process; a test that installs a standard must not leak it."""
    default_registry.cache_clear()
    yield
    default_registry.cache_clear()


def test_assignment_carries_households_last_year_and_a_provincial_standard(world, tmp_path, fresh_registry):
    office, field, _ = world
    docs = [household(), household("Trần Thị Ánh", "040084008888")]
    _office_with_village(office, docs)
    with office.store() as store, office.active():
        rnd = store.create_round(2026, "periodic", "2025-09-01", actor="t")
        result = classify(store.get_household(docs[0]["household_id"]))
        store.save_assessment(docs[0]["household_id"], rnd.id, result, actor="t", status="completed")
        village = next(u.id for u in store.units(level="village"))
        shipped = forms_dir() / "standards" / "vn-2022-2025.toml"
        report = svc.export_assignment(store, field.device_id, village, tmp_path / "giao.ngheo",
                                       form_files=[_provincial_standard(tmp_path), shipped])
        assert report.counts == {"households": 2, "files": 2}
        bad = tmp_path / "hong.toml"
        bad.write_text('id = "x"\n', "utf-8")
        with pytest.raises(NgheoError, match="không phải chuẩn nghèo hay bảng điểm"):
            svc.export_assignment(store, field.device_id, village, tmp_path / "x.ngheo", form_files=[bad])
    with field.store() as store, field.active():
        counts = svc.import_assignment(store, tmp_path / "giao.ngheo", "Điều tra viên")
        assert counts == {"created": 2, "updated": 0, "kept_local": 0, "files": 1, "units": 0}
        assert store.get_household(docs[1]["household_id"]) == docs[1]
        # The register shows last year's class until the surveyor assesses the household here.
        rows = store.household_rows([d["household_id"] for d in docs])
        assert rows[docs[0]["household_id"]].klass == result["class"] and rows[docs[1]["household_id"]].klass is None
        installed = list((field.home / "standards").iterdir())
        assert [p.name.startswith("received-standard-") for p in installed] == [True]
        assert "nghe-an-2027-2030" in {s.id for s in default_registry().all()}
        assert [e.state for e in sync_tables.outbox(store)] == ["assigned", "assigned"]
        assert sync_tables.unsent_records(store) == []


def test_assessments_and_support_travel_with_the_household_and_reopen_when_returned(world, tmp_path):
    office, field, _ = world
    doc = household()
    with field.store() as store:
        store.save_household(doc, actor="Mai")
        rnd = store.create_round(2027, "periodic", "2026-09-01", actor="Mai")
        result = classify(store.get_household(doc["household_id"]))
        store.save_assessment(doc["household_id"], rnd.id, result, actor="Mai", status="completed")
        store.add_support(doc["household_id"], "housing", "2026-10-01", actor="Mai", amount=40_000_000,
                          provider="Ngân hàng Chính sách xã hội", note="Hỗ trợ làm nhà")
    report = _export(field, tmp_path / "f1.ngheo")
    assert report.counts == {"households": 1, "members": 4, "assessments": 1, "support": 1}
    assert _import(office, tmp_path / "f1.ngheo").outcome == {"created": 3}
    with office.store() as store:
        assert store.get_assessment(doc["household_id"], rnd.id).klass == result["class"]
        assert store.round(rnd.id).title == "Rà soát định kỳ năm 2027"
        [support] = store.support_for(doc["household_id"])
        assert (support.amount, support.provider) == (40_000_000, "Ngân hàng Chính sách xã hội")
        [item] = svc.review_queue(store)
        svc.return_to_surveyor(store, item.id, {"income_wages": "Thu nhập tiền công chưa khớp bảng kê"}, "Chủ tịch")
    with office.store() as store, office.active():
        svc.export_receipt(store, field.device_id, tmp_path / "r1.ngheo")
    with field.store() as store:
        svc.import_receipt(store, tmp_path / "r1.ngheo")
        reopened = store.get_assessment(doc["household_id"], rnd.id)
        assert reopened.status == "returned" and "Thu nhập tiền công" in reopened.comment
        # Only the reopened assessment travels again; the household and the support record were confirmed.
        assert [r[0] for r in sync_tables.unsent_records(store)] == ["assessment"]


def test_inspect_shows_an_unregistered_senders_header_as_unverified(world, tmp_path):
    office, _, _ = world
    stranger = Installation(tmp_path, "stranger", "field", "Máy lạ")
    stranger.trust(office)
    _survey(stranger, [household()])
    _export(stranger, tmp_path / "la.ngheo")
    with office.active():
        info = svc.inspect_file(tmp_path / "la.ngheo")
        assert (info.signature, info.sender, info.for_this_installation) == ("unknown_sender", stranger.device_id,
                                                                             True)
        with pytest.raises(FileRejected, match="chưa được đăng ký"):
            svc.verify_bundle_file(tmp_path / "la.ngheo")


def test_failed_export_leaves_no_file_and_no_trace(world, tmp_path, monkeypatch):
    _, field, _ = world
    _survey(field, [household()])

    def unplugged(fd):
        raise OSError(5, "Input/output error")

    usb = tmp_path / "usb"
    usb.mkdir()
    with monkeypatch.context() as mp:
        mp.setattr("os.fsync", unplugged)
        with pytest.raises(NgheoError, match="Không ghi được"):
            _export(field, usb / "goi.ngheo")
    assert list(usb.iterdir()) == []
    with field.store() as store:
        assert sync_tables.last_bundle_out(store) == 0
        assert len(sync_tables.unsent_records(store)) == 1
        assert store.household_rows(store.household_ids()).popitem()[1].unsent
    assert _export(field, usb / "goi.ngheo").sequence == 1


class _CancelAfter:
    def __init__(self, updates: int):
        self.updates, self.seen = updates, []

    def update(self, done: int, total: int) -> None:
        self.seen.append((done, total))

    def cancelled(self) -> bool:
        return len(self.seen) >= self.updates


def test_cancelled_import_keeps_nothing_and_can_be_redone(world, tmp_path):
    office, field, _ = world
    _survey(field, [household(), household("Trần Văn Bình", "040084001111")])
    _export(field, tmp_path / "b1.ngheo")
    with office.store() as store, office.active():
        before = table_hash(store)
        with pytest.raises(Cancelled, match="Đã hủy nhập gói dữ liệu"):
            svc.import_bundle(store, tmp_path / "b1.ngheo", "Văn thư xã", progress=_CancelAfter(1))
        assert table_hash(store) == before
        done = _CancelAfter(99)
        assert svc.import_bundle(store, tmp_path / "b1.ngheo", "Văn thư xã", progress=done).outcome == {"created": 2}
        assert done.seen[-1] == (2, 2)


def test_the_office_s_unit_names_and_areas_reach_the_laptop_with_the_next_assignment(world, tmp_path):
    from ngheo_desktop.services import units

    office, field, _ = world
    doc = household()
    _office_with_village(office, [doc])
    _assign_to(office, field, tmp_path, "a1.ngheo")
    with office.store() as store:
        village = store.units(level="village")[0]
        commune = store.unit(village.parent_id)
        units.update_unit(store, commune.id, actor="Văn thư xã", name="Phường Quỳnh Thắng", kind="phuong")
        units.update_unit(store, village.id, actor="Văn thư xã", name="Tổ dân phố Đồng Tâm", kind="to_dan_pho")
    _assign_to(office, field, tmp_path, "a2.ngheo")
    with field.store() as store:
        [laptop_village] = store.units(level="village")
        assert laptop_village.id == village.id and laptop_village.name == "Tổ dân phố Đồng Tâm"
        assert store.area_of(village.id) == "urban"
        assert store.unit(laptop_village.parent_id).name == "Phường Quỳnh Thắng"
        location = store.get_household(doc["household_id"])["location"]
        assert (location["village"], location["commune"], location["area"]) == (
            "Tổ dân phố Đồng Tâm", "Phường Quỳnh Thắng", "urban")


def test_a_new_assignment_never_overwrites_the_surveyor_s_unsent_edit(world, tmp_path):
    from ngheo_desktop.services import units

    office, field, _ = world
    doc = household()
    _office_with_village(office, [doc])
    _assign_to(office, field, tmp_path, "a1.ngheo")
    hid = doc["household_id"]
    with field.store() as store:
        # Households that came from the office are not waiting to be sent back (no ● in the register).
        assert not store.household_rows([hid])[hid].unsent and sync_tables.unsent_records(store) == []
    _edit(field, hid, floor_area_m2=52)
    with office.store() as store:  # meanwhile the office renames the village: a new version of the household
        units.update_unit(store, store.units(level="village")[0].id, actor="Văn thư xã", name="Thôn Đồng Tâm Mới")
    with office.store() as store, office.active():
        svc.export_assignment(store, field.device_id, store.units(level="village")[0].id, tmp_path / "a2.ngheo")
    with field.store() as store:
        counts = svc.import_assignment(store, tmp_path / "a2.ngheo", "Điều tra viên")
        assert (counts["kept_local"], counts["updated"]) == (1, 0)
        kept = store.get_household(hid)
        assert kept["answers"]["floor_area_m2"] == 52                      # the surveyor's edit is still there
        assert [r[1] for r in sync_tables.unsent_records(store)] == [hid]  # and still waiting to be sent
        assert store.household_rows([hid])[hid].unsent
        assert store.units(level="village")[0].name == "Thôn Đồng Tâm Mới"
    _export(field, tmp_path / "f1.ngheo")
    assert _import(office, tmp_path / "f1.ngheo").outcome == {"conflict": 1}
    with office.store() as store:
        [item] = svc.review_queue(store)
        svc.approve(store, item.id, "Chủ tịch", source=field.device_id)
        chosen = store.get_household(hid)
        # The surveyor's answers, under the office's name for the village.
        assert chosen["answers"]["floor_area_m2"] == 52 and chosen["location"]["village"] == "Thôn Đồng Tâm Mới"


def test_an_assignment_file_fills_a_laptop_that_has_nothing_unsent(world, tmp_path):
    office, field, _ = world
    docs = [household(), household("Trần Thị Ánh", "040084008888")]
    _office_with_village(office, docs)
    _assign_to(office, field, tmp_path, "a1.ngheo")
    _edit(office, docs[0]["household_id"], floor_area_m2=61)  # the office corrects one household
    with office.store() as store, office.active():
        svc.export_assignment(store, field.device_id, store.units(level="village")[0].id, tmp_path / "a2.ngheo")
    with field.store() as store:
        counts = svc.import_assignment(store, tmp_path / "a2.ngheo", "Điều tra viên")
        assert (counts["created"], counts["updated"], counts["kept_local"]) == (0, 1, 0)
        assert store.get_household(docs[0]["household_id"])["answers"]["floor_area_m2"] == 61
        assert sync_tables.unsent_records(store) == []


def test_the_laptop_s_own_households_follow_the_office_s_names_and_an_older_file_changes_none(world, tmp_path):
    from ngheo_desktop.services import units

    office, field, _ = world
    doc = household()
    _office_with_village(office, [doc])
    _assign_to(office, field, tmp_path, "a1.ngheo")
    with field.store() as store:  # a household the surveyor found, not yet sent
        village = store.units(level="village")[0]
        found = household("Lò Văn Pâng", "040084009999")
        found["location"].update(village=village.name, village_id=village.id)
        store.save_household(found, actor="Điều tra viên")
    with office.store() as store, office.active():
        village_id = store.units(level="village")[0].id
        units.update_unit(store, store.unit(village_id).parent_id, actor="Văn thư xã", kind="phuong")
        svc.export_assignment(store, field.device_id, village_id, tmp_path / "a2.ngheo")
        units.update_unit(store, village_id, actor="Văn thư xã", name="Tổ dân phố Đồng Tâm")
        svc.export_assignment(store, field.device_id, village_id, tmp_path / "a3.ngheo")
    with field.store() as store:
        svc.import_assignment(store, tmp_path / "a3.ngheo", "Điều tra viên")
        svc.import_assignment(store, tmp_path / "a2.ngheo", "Điều tra viên")  # the older file, late
        assert store.units(level="village")[0].name == "Tổ dân phố Đồng Tâm"
        mine = store.get_household(found["household_id"])["location"]
        assert (mine["village"], mine["commune"], mine["area"]) == ("Tổ dân phố Đồng Tâm", "Phường Quỳnh Thắng",
                                                                    "urban")
        assert found["household_id"] in [r[1] for r in sync_tables.unsent_records(store)]


def test_a_household_approved_at_the_office_takes_the_office_s_names(world, tmp_path):
    from ngheo_desktop.services import units

    office, field, _ = world
    _office_with_village(office, [household()])
    _assign_to(office, field, tmp_path, "a1.ngheo")
    with field.store() as store:
        village = store.units(level="village")[0]
        found = household("Lò Văn Pâng", "040084009999")
        found["location"].update(village=village.name, village_id=village.id)
        store.save_household(found, actor="Điều tra viên")
    _export(field, tmp_path / "f1.ngheo")
    with office.store() as store:  # renamed before the laptop's bundle arrives
        units.update_unit(store, village.id, actor="Văn thư xã", name="Thôn Đồng Tâm Mới")
    _import(office, tmp_path / "f1.ngheo")
    with office.store() as store:
        item = next(i for i in svc.review_queue(store) if i.record_id == found["household_id"])
        svc.approve(store, item.id, "Chủ tịch")
        assert store.get_household(found["household_id"])["location"]["village"] == "Thôn Đồng Tâm Mới"


def test_households_an_earlier_version_left_marked_unsent_are_settled_by_the_next_assignment(world, tmp_path):
    office, field, _ = world
    docs = [household(), household("Trần Thị Ánh", "040084008888")]
    _office_with_village(office, docs)
    _assign_to(office, field, tmp_path, "a1.ngheo")
    with field.store() as store, store.transaction("test"):  # as an earlier version left them: ● though
        store.conn.execute("UPDATE households SET sent_seq = 0")  # the office has them all
    with field.store() as store:
        assert all(r.unsent for r in store.household_rows([d["household_id"] for d in docs]).values())
    _assign_to(office, field, tmp_path, "a2.ngheo")
    with field.store() as store:
        assert not any(r.unsent for r in store.household_rows([d["household_id"] for d in docs]).values())


def test_a_lost_receipt_is_sent_again_and_an_answer_is_never_applied_twice(world, tmp_path):
    office, field, _ = world
    doc = household()
    _survey(field, [doc])
    _export(field, tmp_path / "f1.ngheo")
    _import(office, tmp_path / "f1.ngheo")
    with office.store() as store, office.active():
        [item] = svc.review_queue(store)
        svc.return_to_surveyor(store, item.id, {"floor_area_m2": "Đo lại"}, "Văn thư xã")
        svc.export_receipt(store, field.device_id, tmp_path / "lost.ngheo")      # the stick is lost
        nothing = svc.export_receipt(store, field.device_id, tmp_path / "r2.ngheo")
        assert nothing.counts == {"accepted": 0, "returned": 0, "rejected": 0}
        again = svc.export_receipt(store, field.device_id, tmp_path / "again.ngheo", again=True)
        assert again.counts["returned"] == 1
    with field.store() as store:
        svc.import_receipt(store, tmp_path / "again.ngheo")
        assert svc.household_sync_states(store)[doc["household_id"]] == "returned"
    _edit(field, doc["household_id"], floor_area_m2=44)                           # the surveyor corrects it
    with field.store() as store:                                                  # and completes the review
        rnd = store.create_round(2027, "periodic", "2026-09-01", actor="t")
        done = store.save_assessment(doc["household_id"], rnd.id, classify(store.get_household(doc["household_id"])),
                                     actor="Điều tra viên", status="completed")
        svc.import_receipt(store, tmp_path / "lost.ngheo")                        # the lost stick turns up
        assert store.get_household(doc["household_id"])["answers"]["floor_area_m2"] == 44
        assert store.get_assessment(doc["household_id"], rnd.id).status == done.status == "completed"
        assert doc["household_id"] in [r[1] for r in sync_tables.unsent_records(store)]
