"""The administrative units screen: the office makes a commune a ward; a field laptop is told who edits units."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ngheo_desktop.store import INHERIT_AREA, Store


def _menu_action(window, text):
    return next(a for a in window.menus["tools"].actions() if a.text() == text)


def test_the_office_makes_the_commune_a_ward_and_the_register_follows(main_window, session, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    _menu_action(main_window, "Đơn vị hành chính…").trigger()
    dialog = main_window.editors[-1]
    commune_item = dialog.tree.topLevelItem(0).child(0)
    assert commune_item.text(2) == "nông thôn" and commune_item.child(0).text(2) == "nông thôn (theo cấp trên)"
    dialog.tree.setCurrentItem(commune_item)
    dialog.kind.setCurrentIndex(dialog.kind.findData("phuong"))
    # A ward is urban, and its name takes the word for its kind.
    assert dialog.area.currentData() == "urban" and dialog.name.text() == "Phường Quỳnh Thắng"
    with qtbot.waitSignal(dialog.changed, timeout=30_000) as changed:
        dialog.save()
    assert "khu vực thành thị" in asked[0] and f"{session.household_count()} hộ" in asked[0]
    change = changed.args[0]
    assert len(change.households_updated) == session.household_count()
    assert main_window.commune_name == "Phường Quỳnh Thắng" and "Phường Quỳnh Thắng" in main_window.windowTitle()
    assert dialog.tree.topLevelItem(0).child(0).text(2) == "thành thị"
    box = dialog.result_box
    assert box.isVisible() and f"cập nhật vị trí trong hồ sơ của {session.household_count()} hộ" in box.text()
    # Households between the rural and the urban line (the demo has some) are named for re-assessment.
    assert change.results_differ and f"{len(change.results_differ)} hộ có kết quả đã ghi khác" in box.text()
    box.close()
    with Store.open(session.db_path, read_only=True) as store:
        assert {store.get_household(h)["location"]["area"] for h in store.household_ids()} == {"urban"}


def test_nothing_changed_is_said_in_place_and_an_empty_name_is_refused(main_window, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    dialog = main_window.edit_units()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0).child(0).child(0))
    assert dialog.save() is None and dialog.status.text() == "Không có gì thay đổi."
    dialog.name.clear()
    assert dialog.save() is None and warned == ["Tên đơn vị không được để trống."]
    dialog.close()


def test_a_field_laptop_is_told_the_office_edits_units(main_window, monkeypatch):
    told = []
    monkeypatch.setattr(main_window.sync, "ensure_role", lambda: "field")
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    assert main_window.edit_units() is None
    assert "do văn phòng xã sửa" in told[0]


def test_a_village_gets_its_own_area_and_then_its_commune_s_again(main_window, qtbot, monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog = main_window.edit_units()
    village = dialog.tree.topLevelItem(0).child(0).child(0)
    dialog.tree.setCurrentItem(village)
    assert dialog.area.currentText() == "Theo xã, phường (nông thôn)"
    assert dialog.tree.topLevelItem(0).child(0).text(2) == "nông thôn"
    for choice, shown in (("urban", "thành thị"), (INHERIT_AREA, "nông thôn (theo cấp trên)")):
        dialog.area.setCurrentIndex(dialog.area.findData(choice))
        with qtbot.waitSignal(dialog.changed, timeout=30_000):
            dialog.save()
        dialog.result_box.close()
        assert dialog.tree.currentItem().text(2) == shown
    # The province has no area of its own to set.
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0))
    assert not dialog.area.isEnabled()
    dialog.close()


def test_household_windows_are_closed_first_and_a_closed_screen_leaves_nothing_behind(main_window, session, qtbot,
                                                                                       monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    editor = main_window.open_household(main_window.model.id_at(0))
    dialog = main_window.edit_units()
    dialog.tree.setCurrentItem(dialog.tree.topLevelItem(0).child(0))
    dialog.area.setCurrentIndex(dialog.area.findData("urban"))
    assert dialog.save() is None and editor.windowTitle() in told[0]   # its household would go stale
    editor.close()
    task = dialog.save()
    dialog.close()                        # the clerk closes the screen while the households are updated
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass
    assert not hasattr(dialog, "result_box")
    assert session.household(main_window.model.id_at(0))["location"]["area"] == "urban"
