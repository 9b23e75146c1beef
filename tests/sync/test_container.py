"""The signed file: round trip, what the clear part may show, and the reasons for refusing a file."""

from __future__ import annotations

import json
import unicodedata

import pytest
from sync_builders import household, make_bundle, record

from ngheo_desktop.sync import container, payloads
from ngheo_desktop.sync.errors import FileRejected
from ngheo_desktop.sync.fileio import atomic_write
from ngheo_desktop.sync.strictjson import canonical


def _open(data, office, lookup):
    v = container.verify(data, "bundle", lookup)
    return v, payloads.parse_bundle(container.open_payload(v, office), v.header.counts)


def test_round_trip_keeps_vietnamese_text_exact(field, office, lookup):
    names = ["Nguyễn Thị Ngọc Ánh", "Đặng Văn Đức", "Hà Thị Huệ", "Vừ A Dính", "Lò Thị Ửng"]
    docs = [household(n, f"0400840012{i:02d}") for i, n in enumerate(names)]
    docs[0]["answers"]["address"] = "Xóm 3, thôn Đồng Tâm — cạnh cầu Khe Ước"
    v, records = _open(make_bundle(field, office, [record(d) for d in docs], sequence=4), office, lookup)
    assert [r.data for r in records] == docs
    assert [r.data["answers"]["head_name"] for r in records] == names
    assert v.header.sequence == 4 and v.header.sender == field.device_id
    assert v.header.counts == {"households": 5, "members": 20, "assessments": 0, "support": 0}


def test_decomposed_text_is_stored_composed(field, office, lookup):
    doc = household(unicodedata.normalize("NFD", "Nguyễn Văn Hùng"))
    rec = record(json.loads(json.dumps(doc)))
    _, records = _open(make_bundle(field, office, [rec]), office, lookup)
    assert records[0].data["answers"]["head_name"] == unicodedata.normalize("NFC", "Nguyễn Văn Hùng")


def test_no_personal_data_in_the_clear(field, office):
    doc = household("Nguyễn Văn Hùng", "040084001234")
    data = make_bundle(field, office, [record(doc)])
    for secret in ("Nguyễn Văn Hùng", "040084001234", "Xóm 3", "Đồng Tâm", doc["household_id"]):
        for form in ("NFC", "NFD"):
            assert unicodedata.normalize(form, secret).encode("utf-8") not in data
    h_len = int.from_bytes(data[32:36], "big")
    header = json.loads(data[44:44 + h_len])
    assert set(header) == {"kind", "format_version", "sender", "recipient", "sequence", "created", "counts",
                           "refs"}


def test_header_is_canonical_and_bound_into_the_signature(sample_bundle, lookup):
    v = container.verify(sample_bundle, "bundle", lookup)
    assert sample_bundle[44:44 + v.header_len] == canonical(v.header.as_json())


@pytest.mark.parametrize(("who", "code"), [("other_office", "wrong_recipient"), ("field", "wrong_recipient")])
def test_file_for_someone_else_is_refused_before_decryption(request, field, sample_bundle, lookup, who, code):
    wrong = request.getfixturevalue(who)
    v = container.verify(sample_bundle, "bundle", lookup)
    with pytest.raises(FileRejected) as exc:
        container.open_payload(v, wrong)
    assert exc.value.code == code


def test_unknown_sender(sample_bundle):
    with pytest.raises(FileRejected, match="chưa được đăng ký") as exc:
        container.verify(sample_bundle, "bundle", {}.get)
    assert exc.value.code == "unknown_device"


def test_wrong_kind_and_version(field, office, lookup, sample_bundle):
    with pytest.raises(FileRejected, match="không phải biên nhận"):
        container.verify(sample_bundle, "receipt", lookup)
    future = sample_bundle[:8] + b"\x00\x02" + sample_bundle[10:]
    with pytest.raises(FileRejected, match="phiên bản 2") as exc:
        container.verify(future, "bundle", lookup)
    assert exc.value.code == "unsupported_version"


def test_content_hash_mismatch_is_refused_even_when_signed(field, office, lookup):
    doc = household()
    bad = payloads.Record("household", doc["household_id"], 1, 0, "2026-10-12T10:00:00Z", "x", doc,
                          hash="0" * 64)
    v = container.verify(make_bundle(field, office, [bad]), "bundle", lookup)
    with pytest.raises(FileRejected, match="mã băm không khớp"):
        payloads.parse_bundle(container.open_payload(v, office), v.header.counts)


def test_invalid_household_inside_a_signed_bundle_is_refused(field, office, lookup):
    doc = household()
    doc["members"][0]["citizen_id"] = "12345"
    v = container.verify(make_bundle(field, office, [record(doc)]), "bundle", lookup)
    with pytest.raises(FileRejected, match="12 chữ số"):
        payloads.parse_bundle(container.open_payload(v, office), v.header.counts)


def test_counts_must_match_content(field, office, lookup):
    recs = [record(household())]
    data = container.seal("bundle", payloads.bundle_payload(recs), field, office.public, 1,
                          {"households": 2, "members": 4, "assessments": 0, "support": 0})
    v = container.verify(data, "bundle", lookup)
    with pytest.raises(FileRejected, match="số lượng"):
        payloads.parse_bundle(container.open_payload(v, office), v.header.counts)


def test_receipt_and_assignment_round_trip(field, office):
    office_lookup = {office.public.device_id_raw: office.public}.get
    doc = household()
    receipt = payloads.Receipt(3, (
        payloads.ReceiptItem("household", doc["household_id"], 2, "returned",
                             {"floor_area_m2": "Diện tích nhà cần đo lại, ghi rõ mét vuông",
                              f"birth_date@{doc['members'][0]['member_id']}": "Ngày sinh khác căn cước"}),
        payloads.ReceiptItem("household", household()["household_id"], 1, "accepted")))
    data = container.seal("receipt", receipt.as_json(), office, field.public, 1, receipt.counts(),
                          refs=("ab" * 32,))
    v = container.verify(data, "receipt", office_lookup)
    assert v.header.refs == ("ab" * 32,)
    assert payloads.parse_receipt(container.open_payload(v, field), v.header.counts) == receipt

    assignment = payloads.Assignment("thon-dong-tam", "Thôn Đồng Tâm", None, (
        payloads.AssignedHousehold(doc, {"year": 2026, "class": "poor", "status": "approved"}),),
        (payloads.FormFile("score_table", "b1-nghe-an", "id = \"b1-nghe-an\"\n# Bảng điểm\n"),))
    data = container.seal("assignment", assignment.as_json(), office, field.public, 1, assignment.counts())
    v = container.verify(data, "assignment", office_lookup)
    assert payloads.parse_assignment(container.open_payload(v, field), v.header.counts) == assignment


@pytest.mark.parametrize("bad_key", ["birth_date@", "birth_date@not-a-member", "@" + "0" * 36, "Floor area",
                                     "floor_area_m2\n",
                                     "birth_date@00000000-0000-4000-8000-000000000000@x"])
def test_receipt_comments_must_name_a_question_and_at_most_one_member(field, office, bad_key):
    office_lookup = {office.public.device_id_raw: office.public}.get
    receipt = payloads.Receipt(1, (payloads.ReceiptItem("household", household()["household_id"], 2, "returned",
                                                        {bad_key: "Xem lại"}),))
    data = container.seal("receipt", receipt.as_json(), office, field.public, 1, receipt.counts())
    v = container.verify(data, "receipt", office_lookup)
    with pytest.raises(FileRejected, match="mã câu hỏi"):
        payloads.parse_receipt(container.open_payload(v, field), v.header.counts)


@pytest.mark.parametrize("bad_id", ["../../etc/passwd", "/abs", "a/b", "", "x" * 65, "C:\\x"])
def test_assignment_file_ids_that_look_like_paths_are_refused(field, office, bad_id):
    office_lookup = {office.public.device_id_raw: office.public}.get
    assignment = payloads.Assignment("v", "Thôn", None, (), (payloads.FormFile("standard", bad_id, "x"),))
    data = container.seal("assignment", assignment.as_json(), office, field.public, 1, assignment.counts())
    v = container.verify(data, "assignment", office_lookup)
    with pytest.raises(FileRejected, match="mã tệp"):
        payloads.parse_assignment(container.open_payload(v, field), v.header.counts)


def test_atomic_write_never_leaves_a_truncated_file(tmp_path, monkeypatch):
    folder = tmp_path / "usb"
    folder.mkdir()
    target = folder / "goi.ngheo"
    atomic_write(target, b"old complete file")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", disk_full)
    with pytest.raises(Exception, match="Không ghi được"):
        atomic_write(target, b"new" * 1000)
    assert target.read_bytes() == b"old complete file"
    assert sorted(p.name for p in folder.iterdir()) == ["goi.ngheo"]
