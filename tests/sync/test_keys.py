"""Keys sealed under a passphrase, public key files for enrolment, and the trust registry."""

from __future__ import annotations

import json

import pytest

from ngheo_desktop.sync import keys
from ngheo_desktop.sync.errors import FingerprintError, KeyStoreError, TrustError, WrongPassphrase
from ngheo_desktop.sync.trust import TrustRegistry

PASS = "mật khẩu đủ dài"


@pytest.fixture(autouse=True)
def _cheap_scrypt(monkeypatch):
    # The cost is stored in each file; the minimum allowed keeps these tests fast.
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)


def test_sealed_keys_open_with_the_passphrase_only(field):
    data = keys.seal(field, PASS)
    opened = keys.unseal(data, PASS)
    assert opened.device_id == field.device_id and opened.role == "field"
    assert opened.label == "Máy khảo sát thôn Đồng Tâm"
    with pytest.raises(WrongPassphrase, match="Mật khẩu khóa không đúng"):
        keys.unseal(data, PASS + "x")
    assert field.signing_key.private_bytes_raw() not in data


def test_editing_the_clear_part_of_the_key_file_breaks_it(field):
    doc = json.loads(keys.seal(field, PASS))
    doc["role"] = "office"
    with pytest.raises(WrongPassphrase):
        keys.unseal(json.dumps(doc).encode(), PASS)


def test_a_tampered_cost_cannot_ask_scrypt_for_gigabytes(field):
    doc = json.loads(keys.seal(field, PASS))
    doc["kdf"]["n"] = 2**30
    with pytest.raises(KeyStoreError, match="tham số scrypt"):
        keys.unseal(json.dumps(doc).encode(), PASS)


def test_short_passphrase_refused(field):
    with pytest.raises(KeyStoreError, match="ít nhất 8"):
        keys.seal(field, "ngắn")


def test_key_store_in_data_home(monkeypatch, _isolated_home):
    with pytest.raises(KeyStoreError, match="chưa có khóa"):
        keys.unlock(PASS)
    made = keys.create_identity("office", PASS, "UBND xã")
    assert (_isolated_home / "keys" / "identity.json").is_file()
    assert keys.load_public_identity().device_id == made.device_id
    monkeypatch.setenv("NGHEO_PASSPHRASE", PASS)
    assert keys.unlock().device_id == made.device_id
    with pytest.raises(KeyStoreError, match="đã có khóa"):
        keys.create_identity("field", PASS)
    monkeypatch.setenv("NGHEO_PASSPHRASE", "sai mật khẩu rồi")
    with pytest.raises(WrongPassphrase):
        keys.unlock()


def test_bad_role_refused():
    with pytest.raises(KeyStoreError, match="Vai trò"):
        keys.generate("admin")


def test_public_key_file_round_trip_and_tamper(office, field):
    data = keys.public_key_file(office)
    pub = keys.parse_public_key_file(data)
    assert pub == office.public
    doc = json.loads(data)
    doc["encryption_public"] = json.loads(keys.public_key_file(field))["encryption_public"]
    with pytest.raises(TrustError, match="không khớp"):
        keys.parse_public_key_file(json.dumps(doc).encode())
    doc = json.loads(data)
    doc["label"] = "Văn phòng giả"
    with pytest.raises(TrustError, match="chữ ký không đúng"):
        keys.parse_public_key_file(json.dumps(doc).encode())
    with pytest.raises(TrustError, match="không hợp lệ"):
        keys.parse_public_key_file(b"\xff\xfe")


def test_field_trusts_one_office_and_office_trusts_laptops(field, field2, office, other_office):
    reg = TrustRegistry([])
    reg.trust(office.public, "field", field.device_id, expected_fingerprint=office.public.fingerprint.lower())
    with pytest.raises(TrustError, match="đã tin văn phòng"):
        reg.trust(other_office.public, "field", field.device_id)
    with pytest.raises(TrustError, match="chỉ tin khóa của văn phòng"):
        reg.trust(field2.public, "field", field.device_id)
    reg.save()
    assert TrustRegistry.load().office().key == office.public

    at_office = TrustRegistry([])
    with pytest.raises(TrustError, match="Dấu vân tay không khớp"):
        at_office.trust(field.public, "office", office.device_id, expected_fingerprint=field2.public.fingerprint)
    with pytest.raises(FingerprintError):
        at_office.trust(field.public, "office", office.device_id, expected_fingerprint="ABCD")
    at_office.trust(field.public, "office", office.device_id)
    with pytest.raises(TrustError, match="chính máy này"):
        at_office.trust(office.public, "office", office.device_id)


def test_revocation_holds_files_above_the_cut_off(field, office):
    reg = TrustRegistry([])
    reg.trust(field.public, "office", office.device_id)
    entry = reg.revoke(field.device_id.lower(), after_sequence=7)
    assert entry.held(8) and not entry.held(7)
    reg.save()
    again = TrustRegistry.load()
    assert again.get(field.device_id).revoked_after_sequence == 7
    with pytest.raises(TrustError, match="đã bị thu hồi"):
        again.revoke(field.device_id, 9)
    with pytest.raises(TrustError, match="không tin lại"):
        again.trust(field.public, "office", office.device_id)


def test_corrupt_trust_file_is_a_clean_refusal(_isolated_home):
    (_isolated_home / "keys").mkdir()
    (_isolated_home / "keys" / "trust.json").write_text('{"format": "ngheo.trust", "format_version": 1}')
    with pytest.raises(TrustError, match="bị hỏng"):
        TrustRegistry.load()
