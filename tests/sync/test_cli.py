"""The ``ngheo keys|bundle|receipt|assign|review`` commands: output, and exit code 2 with one Vietnamese
line for every refusal."""

from __future__ import annotations

import json
import re

import pytest
from installations import PASSPHRASE, Installation, cheap_keys, enrol
from sync_builders import household

from ngheo_desktop.cli import main


def run(inst, capsys, *argv):
    with inst.active():
        code = main([*argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def pair(tmp_path, monkeypatch):
    cheap_keys(monkeypatch)
    office = Installation(tmp_path, "office", "office", "UBND xã Quỳnh Thắng")
    field = Installation(tmp_path, "field", "field", "Máy thôn Đồng Tâm")
    return office, field


def _refused(code, out, err, text):
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("ngheo: ") and text in err, err


def test_keys_init_show_and_refusals(tmp_path, monkeypatch, capsys):
    cheap_keys(monkeypatch)
    home = tmp_path / "moi"
    home.mkdir()
    monkeypatch.setenv("NGHEO_HOME", str(home))
    monkeypatch.setenv("NGHEO_PASSPHRASE", PASSPHRASE)
    assert main(["keys", "init", "--role", "field", "--label", "Máy thôn Bản Mới"]) == 0
    out = capsys.readouterr().out
    assert "Mã thiết bị:" in out and "Dấu vân tay:" in out
    assert main(["keys", "show", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["role"] == "field" and shown["label"] == "Máy thôn Bản Mới"
    assert shown["fingerprint"].startswith(shown["device_id"])
    _refused(main(["keys", "init", "--role", "office"]), *capsys.readouterr(), "đã có khóa")
    monkeypatch.setenv("NGHEO_PASSPHRASE", "không đúng mật khẩu")
    _refused(main(["keys", "export-public", "-o", str(tmp_path / "k.json")]), *capsys.readouterr(),
             "Mật khẩu khóa không đúng")
    assert not (tmp_path / "k.json").exists()


def test_trust_with_a_read_aloud_fingerprint(pair, capsys):
    office, field = pair
    fp = office.public.fingerprint
    typo = fp[:3] + ("X" if fp[3] != "X" else "Y") + fp[4:]
    _refused(*run(field, capsys, "keys", "trust", str(office.pubkey_path), "--fingerprint", typo), "gõ nhầm")
    _refused(*run(field, capsys, "keys", "trust", str(field.pubkey_path)), "chính máy này")
    code, out, _ = run(field, capsys, "keys", "trust", str(office.pubkey_path), "--fingerprint", fp.lower())
    assert code == 0 and office.device_id in out


def test_bundle_round_trip_from_the_command_line(pair, tmp_path, capsys):
    office, field = pair
    enrol(office, field)
    doc = household("Nguyễn Thị Ngọc Ánh", "040084001357")
    with field.store() as store:
        store.save_household(doc, actor="Mai")
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run(field, capsys, "bundle", "export", "-o", str(usb), "--db", str(field.db_path))
    assert code == 0 and "1 hộ, 4 nhân khẩu" in out
    [bundle] = list(usb.iterdir())
    assert bundle.name == f"goi-{field.device_id[:5]}-000001.ngheo"

    code, out, _ = run(office, capsys, "bundle", "inspect", str(bundle), "--json")
    info = json.loads(out)
    assert code == 0 and info["signature"] == "valid" and info["for_this_installation"]
    assert info["counts"] == {"assessments": 0, "households": 1, "members": 4, "support": 0}
    assert "Nguyễn" not in out
    code, out, _ = run(office, capsys, "bundle", "verify", str(bundle))
    assert code == 0 and "chữ ký đúng, 1 bản ghi hợp lệ" in out
    code, out, _ = run(office, capsys, "bundle", "import", str(bundle), "--json", "--db", str(office.db_path))
    assert code == 0 and json.loads(out)["outcome"] == {"created": 1}
    _refused(*run(office, capsys, "bundle", "import", str(bundle), "--db", str(office.db_path)), "đã được nhập")

    damaged = tmp_path / "hong.ngheo"
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x40
    damaged.write_bytes(bytes(data))
    _refused(*run(office, capsys, "bundle", "import", str(damaged), "--db", str(office.db_path)),
             "Chữ ký không đúng")
    _refused(*run(office, capsys, "bundle", "inspect", str(tmp_path / "khong-co.ngheo")), "Không đọc được")

    code, out, _ = run(office, capsys, "review", "list", "--db", str(office.db_path))
    assert code == 0 and " hộ " in out and re.search(r"\d\d/\d\d/\d{4} \d\d:\d\d", out)
    code, out, _ = run(office, capsys, "review", "list", "--json", "--db", str(office.db_path))
    [item] = json.loads(out)
    _refused(*run(office, capsys, "review", "return", str(item["id"]), "--comment", "diện tích",
                  "--db", str(office.db_path)), "MÃ_CÂU_HỎI=NHẬN_XÉT")
    code, _, _ = run(office, capsys, "review", "return", str(item["id"]), "--comment",
                     "floor_area_m2=Đo lại diện tích", "--db", str(office.db_path))
    assert code == 0
    _refused(*run(office, capsys, "review", "approve", str(item["id"]), "--db", str(office.db_path)),
             "đã được xử lý (đã trả lại)")
    code, out, _ = run(office, capsys, "review", "list", "--db", str(office.db_path))
    assert code == 0 and "Hàng chờ xem xét trống" in out
    receipt = tmp_path / "bien-nhan.ngheo"
    code, out, _ = run(office, capsys, "receipt", "export", "--device", field.device_id.lower(), "-o", str(receipt),
                       "--db", str(office.db_path))
    assert code == 0 and "trả lại 1" in out
    # Written again for a laptop whose receipt was lost: the decisions already sent are in it too.
    code, out, _ = run(office, capsys, "receipt", "export", "--device", field.device_id, "--again", "-o",
                       str(tmp_path / "lai.ngheo"), "--db", str(office.db_path))
    assert code == 0 and "trả lại 1" in out
    _refused(*run(office, capsys, "receipt", "import", str(receipt), "--db", str(office.db_path)),
             "không phải cho máy này")
    code, out, _ = run(field, capsys, "receipt", "import", str(receipt), "--db", str(field.db_path))
    assert code == 0 and "trả lại 1" in out
    # The surveyor sees the return and the office's comment on the household, from the command line too.
    code, out, _ = run(field, capsys, "household", "show", item["record_id"], "--db", str(field.db_path))
    assert code == 0 and "Gửi văn phòng xã: xã trả lại" in out
    assert "• Tổng diện tích nhà ở (m²): Đo lại diện tích" in out
    _refused(*run(field, capsys, "bundle", "import", str(receipt), "--db", str(field.db_path)),
             "không phải gói dữ liệu")
    # A refused file leaves no empty register behind where there was none.
    fresh = tmp_path / "chua-co.sqlite"
    _refused(*run(field, capsys, "assign", "import", str(receipt), "--db", str(fresh)), "không phải")
    assert not fresh.exists() and not list(tmp_path.glob("chua-co.sqlite*"))


def test_assignment_from_the_command_line(pair, tmp_path, capsys):
    office, field = pair
    enrol(office, field)
    with office.store() as store:
        prov = store.add_unit("province", "Tỉnh Nghệ An", actor="t")
        com = store.add_unit("commune", "Xã Quỳnh Thắng", actor="t", parent_id=prov.id)
        village = store.add_unit("village", "Thôn Đồng Tâm", actor="t", parent_id=com.id)
        doc = household()
        doc["location"]["village_id"] = village.id
        store.save_household(doc, actor="Văn thư")
    out_file = tmp_path / "giao-viec.ngheo"
    _refused(*run(office, capsys, "assign", "export", "--device", field.device_id, "--village", "khong-co",
                  "-o", str(out_file), "--db", str(office.db_path)), "Không có thôn")
    code, out, _ = run(office, capsys, "assign", "export", "--device", field.device_id, "--village", village.id,
                       "-o", str(out_file), "--db", str(office.db_path))
    assert code == 0 and "1 hộ, 0 tệp biểu mẫu" in out
    code, out, _ = run(field, capsys, "assign", "import", str(out_file), "--db", str(field.db_path))
    assert code == 0 and "thêm 1 hộ" in out
    _refused(*run(field, capsys, "assign", "import", str(out_file), "--db", str(field.db_path)), "đã được nhập")
