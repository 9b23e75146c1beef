"""Sync in the app: a field laptop exports from the menu, the office imports by the menu and by a drop,
refusals are shown plainly with nothing changed, the review queue and the device registry work, and the
register's marks follow the sync state.

Installations (keys, trust, databases, bundles) are prepared once per module with a cheap scrypt cost and
copied for each test, so no test pays for key derivation.
"""

from __future__ import annotations

import hashlib
import logging
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QInputMethodEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from ngheo_desktop.criteria.comments import comment_key
from ngheo_desktop.services import register
from ngheo_desktop.services import sync as svc
from ngheo_desktop.store import Store
from ngheo_desktop.sync import keys
from ngheo_desktop.ui.devices import DeviceRegistry
from ngheo_desktop.ui.keys_setup import KeySetupDialog
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.review_queue import ReviewQueue, contents, differences
from ngheo_desktop.ui.session import Session
from ngheo_desktop.ui.settings import Settings
from ngheo_desktop.ui.sync_dialogs import ExportDialog, ImportDialog
from ngheo_desktop.ui.village_meeting import VillageMeetingDialog

PASSPHRASE = "mật khẩu thử nghiệm"
SYNC_COLUMN = 7


@pytest.fixture(scope="module")
def prepared(tmp_path_factory, demo_db_template):
    """Homes for an office, a laptop enrolled there, and a laptop of another commune's office; a bundle
    from each laptop; the office's database before and after importing the first bundle."""
    base = tmp_path_factory.mktemp("sync-ui")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(keys, "SCRYPT_N", 2**10)
        mp.setenv("NGHEO_PASSPHRASE", PASSPHRASE)

        def make(name: str, role: str, label: str) -> Path:
            home = base / name
            home.mkdir()
            mp.setenv("NGHEO_HOME", str(home))
            svc.keys_init(role, PASSPHRASE, label)
            svc.export_public_key(home / "khoa.json", PASSPHRASE)
            return home

        def trust(home: Path, other: Path) -> None:
            mp.setenv("NGHEO_HOME", str(home))
            svc.trust_key_file(other / "khoa.json")

        def export(home: Path, db: Path, out: Path) -> None:
            mp.setenv("NGHEO_HOME", str(home))
            shutil.copyfile(demo_db_template, db)
            with Store.open(db) as store:
                svc.export_bundle(store, out)

        office = make("office", "office", "UBND xã Quỳnh Thắng")
        field = make("field", "field", "Máy thôn Đồng Tâm")
        stranger = make("stranger", "field", "Máy xã bên")
        other_office = make("other-office", "office", "UBND xã khác")
        make("newcomer", "field", "Máy thôn Bản Mới")
        trust(field, office)
        trust(office, field)
        trust(office, stranger)
        trust(stranger, other_office)
        export(field, base / "field-sent.sqlite", base / "goi.ngheo")
        export(stranger, base / "stranger.sqlite", base / "goi-xa-khac.ngheo")
        mp.setenv("NGHEO_HOME", str(office))
        Store.open(base / "office-empty.sqlite").close()
        shutil.copyfile(base / "office-empty.sqlite", base / "office-imported.sqlite")
        with Store.open(base / "office-imported.sqlite") as store:
            svc.import_bundle(store, base / "goi.ngheo", "Văn thư xã")
            conflicted = store.household_ids()[0]
        # The same household edited at the office and on the laptop: a conflict for the review queue.
        shutil.copyfile(base / "office-imported.sqlite", base / "office-conflict.sqlite")
        with Store.open(base / "office-conflict.sqlite") as store:
            doc = store.get_household(conflicted)
            doc["answers"]["floor_area_m2"] = 52
            store.save_household(doc, actor="Văn thư xã")
        mp.setenv("NGHEO_HOME", str(field))
        shutil.copyfile(base / "field-sent.sqlite", base / "field-edited.sqlite")
        with Store.open(base / "field-edited.sqlite") as store:
            doc = store.get_household(conflicted)
            doc["answers"]["floor_area_m2"] = 38
            store.save_household(doc, actor="Lê Thị Mai")
            svc.export_bundle(store, base / "goi-2.ngheo")
        mp.setenv("NGHEO_HOME", str(office))
        with Store.open(base / "office-conflict.sqlite") as store:
            svc.import_bundle(store, base / "goi-2.ngheo", "Văn thư xã")
    return base


@pytest.fixture(autouse=True)
def _no_leaked_log_handler():
    """Refusals are logged: the log handler made for this test's data folder goes with the test."""
    log = logging.getLogger("ngheo_desktop.ui")
    before = list(log.handlers)
    yield
    for handler in [h for h in log.handlers if h not in before]:
        log.removeHandler(handler)
        handler.close()


@pytest.fixture
def install(prepared, tmp_path, monkeypatch, qtbot):
    """``install(name, db)``: run as that installation (its home copied) with a main window on ``db``."""
    monkeypatch.setenv("NGHEO_PASSPHRASE", PASSPHRASE)

    def open_as(name: str, db: str | Path) -> MainWindow:
        home = tmp_path / name
        if not home.exists():
            shutil.copytree(prepared / name, home)
        monkeypatch.setenv("NGHEO_HOME", str(home))
        path = tmp_path / f"{name}.sqlite"
        shutil.copyfile(db, path)
        session = Session(register.open_register(path), Settings(surveyor_name="Văn thư xã", database_path=str(path)))
        window = MainWindow(session)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.sync.role_known, timeout=5000):
            pass
        return window

    return open_as


def register_hash(window: MainWindow) -> str:
    """Every household document and assessment of the window's register (through the session)."""
    h = hashlib.sha256()
    session = window.session
    for hid in session.household_ids():
        h.update(repr(session.household(hid)).encode())
        h.update(repr([(a.id, a.version, a.status) for a in session.assessments(hid)]).encode())
    return h.hexdigest()


def error_box() -> QMessageBox | None:
    """The error presenter's message box, if one is showing."""
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
             and w.windowTitle() == "Không thực hiện được"]
    return boxes[-1] if boxes else None


def press_ok(dialog) -> None:
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def mark(window: MainWindow, household_id: str) -> str:
    model = window.model
    return model.data(model.index(model.row_of(household_id), SYNC_COLUMN))


def drop(window: MainWindow, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def test_field_laptop_exports_a_bundle_from_the_menu(install, demo_db_template, tmp_path, qtbot):
    window = install("field", demo_db_template)
    assert "Rà soát viên" in window.windowTitle()
    assert window.sync.export_action.isVisible() and not window.sync.review_action.isVisible()
    first = window.model.id_at(0)
    assert mark(window, first) == "●"
    out = tmp_path / "usb"
    out.mkdir()
    window.sync.export_action.trigger()
    dialog = window.sync.dialog
    assert dialog.pending.text().startswith(f"Sẽ gửi: {window.model.rowCount()} hộ")
    dialog.folder.setText(str(out))
    with qtbot.waitSignal(window.sync.exported, timeout=20000) as done:
        press_ok(dialog)
    report = done.args[0]
    assert report.path.parent == out and report.path.name.endswith("-000001.ngheo")
    assert report.counts["households"] == window.model.rowCount()
    # The file name says whose and which, never who is inside.
    assert window.session.household(first)["answers"]["head_name"].split()[0] not in report.path.name
    qtbot.waitUntil(lambda: mark(window, first) == "Đã gửi")
    assert "Đã xuất gói số 1" in window.statusBar().currentMessage()


def test_office_imports_by_the_menu_action(install, prepared, qtbot):
    window = install("office", prepared / "office-empty.sqlite")
    assert "Văn phòng xã" in window.windowTitle()
    assert window.sync.review_action.isVisible() and not window.sync.export_action.isVisible()
    assert window.model.rowCount() == 0
    dialog = window.sync.import_file(prepared / "goi.ngheo")
    assert isinstance(dialog, ImportDialog)
    assert dialog.info.sender_label == "Máy thôn Đồng Tâm" and dialog.info.for_this_installation
    with qtbot.waitSignal(window.sync.imported, timeout=20000) as done:
        press_ok(dialog)
    assert done.args[0].counts["households"] == window.model.rowCount() > 0
    # At the office the register shows no "not yet sent" marks: it sends no bundles.
    assert mark(window, window.model.id_at(0)) == ""


def test_office_imports_a_dropped_file_and_refuses_it_twice(install, prepared, qtbot):
    window = install("office", prepared / "office-empty.sqlite")
    drop(window, prepared / "goi.ngheo")
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ImportDialog) and window.sync.dialog.isVisible())
    with qtbot.waitSignal(window.sync.imported, timeout=20000):
        press_ok(window.sync.dialog)
    before = register_hash(window)
    count = window.model.rowCount()
    drop(window, prepared / "goi.ngheo")
    qtbot.waitUntil(lambda: isinstance(window.sync.dialog, ImportDialog) and window.sync.dialog.isVisible()
                    and window.sync.dialog.path == prepared / "goi.ngheo")
    with qtbot.waitSignal(window.sync.failed, timeout=20000):
        press_ok(window.sync.dialog)
    box = error_box()
    assert "đã được nhập trước đây" in box.text()
    assert register_hash(window) == before and window.model.rowCount() == count


def test_tampered_bundle_is_refused_and_the_register_is_unchanged(install, prepared, tmp_path, qtbot):
    window = install("office", prepared / "office-imported.sqlite")
    before = register_hash(window)
    data = bytearray((prepared / "goi.ngheo").read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "goi-sua.ngheo"
    tampered.write_bytes(bytes(data))
    with qtbot.waitSignal(window.sync.failed, timeout=5000):
        assert window.sync.import_file(tampered) is None
    box = error_box()
    assert box is not None and "Traceback" not in box.text() and box.text()
    assert box.informativeText().startswith("Không có gì thay đổi trong cơ sở dữ liệu")
    assert register_hash(window) == before


def test_bundle_for_another_office_is_refused(install, prepared, qtbot):
    window = install("office", prepared / "office-imported.sqlite")
    before = register_hash(window)
    dialog = window.sync.import_file(prepared / "goi-xa-khac.ngheo")
    assert not dialog.info.for_this_installation
    with qtbot.waitSignal(window.sync.failed, timeout=10000):
        press_ok(dialog)
    assert "không phải cho máy này" in error_box().text()
    assert register_hash(window) == before


def test_wrong_passphrase_is_refused_in_place(install, prepared, monkeypatch, qtbot):
    window = install("office", prepared / "office-empty.sqlite")
    monkeypatch.delenv("NGHEO_PASSPHRASE")
    dialog = window.sync.import_file(prepared / "goi.ngheo")
    dialog.passphrase.edit.setText("sai mat khau")
    press_ok(dialog)
    assert dialog.isVisible()
    assert "Mật khẩu không đúng" in dialog.passphrase.error.text()
    assert window.model.rowCount() == 0
    dialog.passphrase.edit.setText(PASSPHRASE)
    with qtbot.waitSignal(window.sync.imported, timeout=20000):
        press_ok(dialog)
    assert window.model.rowCount() > 0


def test_review_queue_approve_and_return_with_a_comment(install, prepared, qtbot):
    window = install("office", prepared / "office-imported.sqlite")
    queue = window.sync.open_review_queue()
    assert isinstance(queue, ReviewQueue)
    total = len(queue.items)
    assert total == window.model.rowCount() and queue.current().kind == "submitted"
    first = queue.current()
    with qtbot.waitSignal(queue.decided) as decided:
        queue.approve_button.click()
    assert decided.args[0].id == first.id and decided.args[0].status == "approved"
    assert len(queue.items) == total - 1
    second = queue.current()
    dialog = queue.return_current()
    press_ok(dialog)
    assert dialog.isVisible() and "ít nhất một nhận xét" in dialog.error.text()
    # A member's questions are listed under each member of the submitted household.
    member = window.session.household(second.record_id)["members"][-1]
    member_rows = [key for key in dialog.items if key.startswith("birth_date")]
    assert len(member_rows) == len(window.session.household(second.record_id)["members"])
    dialog.set_comment("floor_area_m2", "Đo lại diện tích nhà ở")
    dialog.set_comment(comment_key("birth_date", member["member_id"]), "Ngày sinh không khớp căn cước")
    with qtbot.waitSignal(queue.decided) as decided:
        press_ok(dialog)
    assert decided.args[0].status == "returned"
    assert decided.args[0].comments == {"floor_area_m2": "Đo lại diện tích nhà ở",
                                        f"birth_date@{member['member_id']}": "Ngày sinh không khớp căn cước"}
    assert second.id not in [i.id for i in queue.items]


def test_review_queue_shows_a_conflict_and_keeps_the_chosen_version(install, prepared, qtbot):
    window = install("office", prepared / "office-conflict.sqlite")
    queue = window.sync.open_review_queue()
    row = next(r for r, item in enumerate(queue.items) if item.kind == "conflict")
    queue.table.selectRow(row)
    item = queue.current()
    assert not queue.return_button.isEnabled()
    sources = [queue.versions.item(r, 0).text() for r in range(queue.versions.rowCount())]
    assert sorted(sources) == ["Máy thôn Đồng Tâm", "Văn phòng xã"]
    diff = {queue.diff.item(r, 0).text(): [queue.diff.item(r, c).text() for c in (1, 2)]
            for r in range(queue.diff.rowCount())}
    assert sorted(diff["Tổng diện tích nhà ở (m²)"]) == ["38", "52"]
    queue.versions.selectRow(sources.index("Văn phòng xã"))
    with qtbot.waitSignal(queue.decided) as decided:
        queue.approve_button.click()
    assert decided.args[0].status == "approved" and decided.args[0].chosen_source == "office"
    assert window.session.household(item.record_id)["answers"]["floor_area_m2"] == 52


def test_bundle_from_a_revoked_laptop_is_held_for_review_not_merged(install, prepared, qtbot):
    window = install("office", prepared / "office-empty.sqlite")
    field_id = next(t["device_id"] for t in svc.keys_show()["trusted"] if t["label"] == "Máy thôn Đồng Tâm")
    svc.revoke_device(field_id, 0)
    dialog = window.sync.import_file(prepared / "goi.ngheo")
    assert dialog.hold
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "Đưa vào hàng chờ xem xét"
    with qtbot.waitSignal(window.sync.imported, timeout=20000) as done:
        ok.click()
    assert done.args[0].held and window.model.rowCount() == 0
    assert {i.kind for i in svc.review_queue(window.session.store)} == {"held"}


def test_device_registry_shows_fingerprints_and_revokes(install, prepared, qtbot):
    window = install("office", prepared / "office-imported.sqlite")
    registry = window.sync.open_devices()
    assert isinstance(registry, DeviceRegistry)
    field_fp = keys.parse_public_key_file((prepared / "field" / "khoa.json").read_bytes()).fingerprint
    shown = [registry.table.item(r, 1).text() for r in range(registry.table.rowCount())]
    assert field_fp in shown and all(len(fp.split("-")) == 6 for fp in shown)
    row = shown.index(field_fp)
    assert registry.table.item(row, 3).text() == "1"
    registry.table.selectRow(row)
    dialog = registry.revoke_current()
    assert dialog.cutoff.value() == 1
    with qtbot.waitSignal(registry.changed):
        press_ok(dialog)
    assert registry.table.item(row, 6).text() == "Đã thu hồi sau gói số 1"
    assert not registry.revoke_button.isEnabled()
    revoked = {t["fingerprint"]: t["revoked_after_sequence"] for t in svc.keys_show()["trusted"]}
    assert revoked[field_fp] == 1


def test_office_receipt_marks_the_household_returned_on_the_laptop(install, prepared, tmp_path, monkeypatch, qtbot):
    office_window = install("office", prepared / "office-imported.sqlite")
    store = office_window.session.store
    item = svc.review_queue(store)[0]
    second = office_window.session.household(item.record_id)["members"][1]
    svc.return_to_surveyor(store, item.id, {"water_source": "Kiểm tra lại nguồn nước",
                                            comment_key("birth_date", second["member_id"]): "Xem lại ngày sinh"},
                           "Văn thư xã")
    field_id = next(t["device_id"] for t in svc.keys_show()["trusted"] if t["label"] == "Máy thôn Đồng Tâm")
    svc.export_receipt(store, field_id, tmp_path / "bien-nhan.ngheo")
    office_window.close()

    window = install("field", prepared / "field-sent.sqlite")
    assert mark(window, item.record_id) == "Đã gửi"
    dialog = window.sync.import_file(tmp_path / "bien-nhan.ngheo")
    with qtbot.waitSignal(window.sync.imported, timeout=10000):
        press_ok(dialog)
    qtbot.waitUntil(lambda: mark(window, item.record_id) == "Trả lại")
    window.select_household(item.record_id)
    box = window.sync.show_returned_comments()
    assert "Nguồn nước sinh hoạt chính: Kiểm tra lại nguồn nước" in box.text()
    assert f"({second['full_name']}): Xem lại ngày sinh" in box.text()
    box.close()
    # Re-surveying it, the comment stands under the question, and its section is flagged.
    wizard = window.assess_household(item.record_id)
    assert wizard.returned_banner is not None and "Xã trả lại hộ này" in wizard.returned_banner.text()
    water = next(sid for sid, form in wizard.forms.items() if "water_source" in form.fields)
    assert wizard.forms[water].office_notes["water_source"].text() == "Xã nhận xét: Kiểm tra lại nguồn nước"
    flagged = [wizard.nav.item(i).text() for i in range(wizard.nav.count()) if "⚑" in wizard.nav.item(i).text()]
    assert any(f.startswith(f"{wizard.sections.index(wizard_section(wizard, water)) + 1}.") for f in flagged)
    assert len(flagged) == 2  # the water question's section and the members
    wizard.close()
    editor = window.open_household(item.record_id)
    assert "Nguồn nước sinh hoạt chính: Kiểm tra lại nguồn nước" in editor.returned_banner.text()
    # The birth-date remark is on the second member only: flagged in the roster, noted under the question.
    roster = editor.members
    assert "⚑" not in roster.table.item(0, 0).text() and "⚑" in roster.table.item(1, 0).text()
    assert "birth_date" not in roster.form.office_notes
    roster.table.selectRow(1)
    assert roster.form.office_notes["birth_date"].text() == "Xã nhận xét: Xem lại ngày sinh"
    editor.close()


def test_village_meeting_sends_a_household_under_the_share_back_for_re_survey(install, demo_db_template, qtbot):
    window = install("office", demo_db_template)
    dialog = window.sync.record_village_meeting()
    assert isinstance(dialog, VillageMeetingDialog) and dialog.agree
    # The list is the chosen round's proposals: a round with no results yet has nothing to vote on.
    listed = list(dialog.agree)
    register.create_round(window.session.store, 2027, "periodic", "2026-09-01", actor="Văn thư xã")
    dialog.round.addItem("Rà soát năm 2027", next(r.id for r in window.session.rounds() if r.year == 2027))
    dialog.round.setCurrentIndex(dialog.round.count() - 1)
    assert dialog.agree == {}
    dialog.round.setCurrentIndex(0)
    assert list(dialog.agree) == listed
    dialog.chair.setText("Trưởng thôn")
    dialog.secretary.setText("Bí thư chi bộ")
    dialog.attendance.setValue(40)
    first, *rest = dialog.agree
    dialog.set_agree(first, 12)
    for hid in rest:
        dialog.set_agree(hid, 30)
    row = list(dialog.agree).index(first)
    assert dialog.table.item(row, 4).text() == "30%" and dialog.table.item(row, 5).text() == "Rà soát lại"
    if rest:  # exactly half agreeing lets the result stand
        dialog.set_agree(rest[0], 20)
        half = list(dialog.agree).index(rest[0])
        assert dialog.table.item(half, 4).text() == "50%" and dialog.table.item(half, 5).text() == "Đạt"
    with qtbot.waitSignal(dialog.recorded) as done:
        press_ok(dialog)
    report = done.args[0]
    assert report.resurvey == (first,) and set(report.agreed) == set(rest)
    assert "Bị trả lại" in [window.model.data(window.model.index(window.model.row_of(first), 6))]


def test_a_damaged_key_file_leaves_the_register_usable_and_is_reported(install, prepared, tmp_path, qtbot):
    shutil.copytree(prepared / "field", tmp_path / "field")
    (tmp_path / "field" / "keys" / "identity.json").write_text("{hỏng", encoding="utf-8")
    window = install("field", prepared / "field-sent.sqlite")
    assert window.model.rowCount() > 0 and "Rà soát viên" not in window.windowTitle()
    assert window.sync.keys_action.text() == "Khóa của máy này…"
    window.sync.export_bundle()
    assert "Tệp khóa của máy này bị hỏng" in error_box().text()


def test_first_key_setup_checks_the_passphrase_and_sets_the_role(monkeypatch, qtbot):
    monkeypatch.setattr(keys, "SCRYPT_N", 2**10)
    dialog = KeySetupDialog()
    qtbot.addWidget(dialog)
    dialog.office_role.setChecked(True)
    dialog.passphrase.setText("ngan")
    dialog.confirm.setText("ngan")
    press_ok(dialog)
    assert "ít nhất 8 ký tự" in dialog.error.text() and svc.own_role() is None
    dialog.passphrase.setText("mat khau dai")
    dialog.confirm.setText("mat khau khac")
    press_ok(dialog)
    assert "không khớp" in dialog.error.text() and svc.own_role() is None
    dialog.passphrase.setText("mat khau dai")
    dialog.confirm.setText("mat khau dai")
    press_ok(dialog)
    assert dialog.result() == KeySetupDialog.DialogCode.Accepted
    assert svc.own_role() == "office"
    # The passphrase is not kept anywhere: not in the dialog, not in the key folder in clear.
    assert dialog.passphrase.text() == "" and dialog.confirm.text() == ""
    assert all(b"mat khau dai" not in p.read_bytes() for p in keys.keys_dir().iterdir())


def test_review_shows_records_as_people_read_them():
    assert differences([{"class": "poor", "status": "completed", "result": {}},
                        {"class": "near_poor", "status": "approved", "result": {"x": 1}}]) == [
        ("Phân loại", ["Hộ nghèo", "Hộ cận nghèo"]), ("Trạng thái", ["Đã hoàn thành", "Đã duyệt"])]
    assert contents({"kind": "loan", "date": "2026-01-02", "amount": 1500000}) == [
        ("Loại hỗ trợ", ["Vay vốn ưu đãi"]), ("Ngày", ["02/01/2026"]), ("Số tiền", ["1.500.000"])]
    household = {"answers": {"floor_area_m2": 30.5, "uses_telecom": True}, "members": [
        {"member_id": "m1", "full_name": "Lò Thị Ửng", "relation": "head", "birth_date": "1990-07-04"}]}
    assert contents(household) == [("Tổng diện tích nhà ở (m²)", ["30,5"]),
                                    ("Hộ có thành viên sử dụng dịch vụ viễn thông (điện thoại, internet)", ["Có"]),
                                    ("Thành viên 1", ["Lò Thị Ửng, Chủ hộ, 04/07/1990"])]


def test_enrolment_both_ways_checks_the_fingerprint(install, prepared, demo_db_template, tmp_path, qtbot):
    newcomer = keys.parse_public_key_file((prepared / "newcomer" / "khoa.json").read_bytes())
    window = install("office", prepared / "office-imported.sqlite")
    registry = window.sync.open_devices()
    before = registry.table.rowCount()
    dialog = registry.enrol()
    dialog.file.setText(str(prepared / "newcomer" / "khoa.json"))
    dialog.fingerprint.setText(svc.keys_show()["fingerprint"])  # someone else's fingerprint
    press_ok(dialog)
    box = error_box()
    assert "Dấu vân tay không khớp" in box.text()
    assert box.informativeText().startswith("Danh sách thiết bị tin cậy không thay đổi")
    assert registry.table.rowCount() == before
    box.close()
    dialog = registry.enrol()
    dialog.file.setText(str(prepared / "newcomer" / "khoa.json"))
    dialog.fingerprint.setText(newcomer.fingerprint.replace("-", "").lower())  # as typed from the phone
    with qtbot.waitSignal(registry.changed):
        press_ok(dialog)
    assert newcomer.fingerprint in [registry.table.item(r, 1).text() for r in range(registry.table.rowCount())]
    window.close()

    window = install("newcomer", demo_db_template)
    keys_dialog = window.sync.open_keys()
    assert keys_dialog.trust_button.isVisible()
    assert keys_dialog.trust_office(prepared / "office" / "khoa.json")
    assert "UBND xã Quỳnh Thắng" in keys_dialog.office.text() and not keys_dialog.trust_button.isVisible()
    assert keys_dialog.save_public_key(tmp_path / "khoa-moi.json") == tmp_path / "khoa-moi.json"
    assert keys.parse_public_key_file((tmp_path / "khoa-moi.json").read_bytes()) == newcomer


def test_office_writes_a_receipt_and_an_assignment_the_laptop_imports(install, prepared, demo_db_template, tmp_path,
                                                                      qtbot):
    window = install("office", prepared / "office-imported.sqlite")
    store = window.session.store
    item = svc.review_queue(store)[0]
    svc.return_to_surveyor(store, item.id, {"latrine_type": "Xem lại nhà tiêu"}, "Văn thư xã")
    registry = window.sync.open_devices()
    registry.table.selectRow(next(r for r, d in enumerate(registry.devices) if d.label == "Máy thôn Đồng Tâm"))
    with qtbot.waitSignal(registry.exported, timeout=10000) as done:
        registry.export_receipt(tmp_path / "bien-nhan.ngheo")
    assert done.args[0].counts == {"accepted": 0, "returned": 1, "rejected": 0}
    # Sent again for a laptop that lost it: the decision already sent is in the new receipt too.
    assert registry.receipt_again_button.isEnabled()
    with qtbot.waitSignal(registry.exported, timeout=10000) as done:
        registry.export_receipt(tmp_path / "bien-nhan-lai.ngheo", again=True)
    assert done.args[0].counts == {"accepted": 0, "returned": 1, "rejected": 0}
    window.close()

    window = install("office", demo_db_template)
    registry = window.sync.open_devices()
    registry.table.selectRow(next(r for r, d in enumerate(registry.devices) if d.label == "Máy thôn Đồng Tâm"))
    dialog = registry.export_assignment()
    village_id = dialog.village.currentData()
    dialog.file.setText(str(tmp_path / "giao-viec.ngheo"))
    with qtbot.waitSignal(registry.exported, timeout=10000) as done:
        press_ok(dialog)
    assert done.args[0].counts["households"] == window.session.household_count(village_id)
    window.close()

    window = install("field", prepared / "field-sent.sqlite")
    for name in ("bien-nhan.ngheo", "giao-viec.ngheo"):
        dialog = window.sync.import_file(tmp_path / name)
        with qtbot.waitSignal(window.sync.imported, timeout=10000):
            press_ok(dialog)
    qtbot.waitUntil(lambda: mark(window, item.record_id) == "Trả lại")


def test_export_dialog_offers_nothing_when_the_office_has_everything(qtbot):
    dialog = ExportDialog({"households": 0, "assessments": 0, "support": 0})
    qtbot.addWidget(dialog)
    assert "Không có thay đổi nào cần gửi" in dialog.pending.text()
    assert not dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_the_chairs_recognition_closes_the_round(install, demo_db_template, qtbot):
    from ngheo_desktop.store import sync_tables
    from ngheo_desktop.ui.recognition import RecognitionDialog

    window = install("office", demo_db_template)
    assert window.sync.recognition_action.isVisible()
    dialog = window.sync.record_recognition()
    assert isinstance(dialog, RecognitionDialog)
    press_ok(dialog)  # nothing typed yet: refused beside the fields, nothing recorded
    assert "số quyết định" in dialog.error.text() and dialog.isVisible()
    round_id = dialog.round.currentData()
    dialog.decision.setText("123/QĐ-UBND")
    type_text = QInputMethodEvent("", [])
    type_text.setCommitString("Nguyễn Văn Bình")
    dialog.chair.setFocus()
    QApplication.sendEvent(dialog.chair, type_text)
    with qtbot.waitSignal(dialog.recognized):
        press_ok(dialog)
    assert sync_tables.recognition(window.session.store, round_id)[1:] == ("Nguyễn Văn Bình", "123/QĐ-UBND")


def wizard_section(wizard, section_id):
    return next(sec for sec in wizard.sections if sec.id == section_id)



def test_the_window_opens_with_its_role_s_menus_and_columns(install, prepared, tmp_path, qtbot):
    """No laptop column or export button shows on the office's window while its key file is read."""
    first = install("office", prepared / "office-imported.sqlite")     # the office's home and key file
    path = first.session.db_path
    first.close()
    window = MainWindow(Session(register.open_register(path), Settings(surveyor_name="Văn thư xã",
                                                                        database_path=str(path))))
    qtbot.addWidget(window)
    # Before the event loop has run once, so before the worker could bring the role.
    assert window.table.isColumnHidden(SYNC_COLUMN) and not window.sync.export_action.isVisible()
    assert window.sync.review_action.isVisible()
    with qtbot.waitSignal(window.sync.role_known, timeout=5000):
        pass
    assert window.table.isColumnHidden(SYNC_COLUMN)
    window.close()
