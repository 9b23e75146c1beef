"""The assessment wizard on its own: keyboard walk-through, skip logic, validation, live result."""

from __future__ import annotations

import copy

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from ngheo_desktop.criteria import classify
from ngheo_desktop.ui.draft import HouseholdDraft
from ngheo_desktop.ui.wizard import AssessmentWizard


class Recorder:
    """Stands in for the store: keeps every saved snapshot and the completed result."""

    def __init__(self):
        self.saves: list[tuple[dict, str]] = []
        self.completed = None

    def save(self, draft, section_id):
        self.saves.append((copy.deepcopy(draft.doc), section_id))

    def complete(self, draft):
        self.completed = (copy.deepcopy(draft.doc), draft.result())


@pytest.fixture
def open_wizard(qtbot):
    def _open(doc, start_section=None):
        rec = Recorder()
        wizard = AssessmentWizard(HouseholdDraft(doc), rec.save, rec.complete, start_section)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        wizard.activateWindow()
        qtbot.waitUntil(lambda: wizard.isActiveWindow())
        return wizard, rec
    return _open


def test_whole_wizard_by_keyboard(open_wizard, new_doc, keyboard, qtbot):
    wizard, rec = open_wizard(new_doc)
    kb = keyboard
    # Household page: the first field has focus.
    kb.enter("Nguyễn Văn Hùng")
    kb.enter("Xóm 3, thôn Đồng Tâm")
    kb.enter("0912 345 678")
    kb.choose(2)             # merit household: no
    assert wizard.draft.answers["head_name"] == "Nguyễn Văn Hùng"
    assert rec.saves[-1][0]["answers"]["phone"] == "0912 345 678"

    kb.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_section().id == "members"
    kb.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    kb.fill_adult_member("Nguyễn Văn Hùng", "15/03/1984", "040084001234")
    kb.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    kb.fill_adult_member("Trần Thị Thủy", "02/11/1987", "040187005678")
    members = wizard.draft.members
    assert [m["full_name"] for m in members] == ["Nguyễn Văn Hùng", "Trần Thị Thủy"]
    assert members[0]["birth_date"] == "1984-03-15"
    assert members[0]["employment_status"] == "wage_no_contract"
    assert wizard.draft.missing(wizard.sections[1]) == []

    kb.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_section().id == "housing"
    kb.choose(2)             # walls: non-durable
    kb.choose()              # frame: durable
    kb.choose(2)             # roof: non-durable
    kb.enter("30")

    kb.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    kb.choose(7)             # water: unprotected dug well
    kb.choose(6)             # latrine: simple pit
    kb.choose(3)             # waste: burned or buried

    kb.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_section().id == "information"
    kb.choose()              # uses telecom: yes
    kb.press(Qt.Key.Key_Space)  # first device box: TV
    assert wizard.draft.answers["information_devices"] == ["tv"]
    kb.press(Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier)

    kb.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert wizard.current_section().id == "income"
    kb.enter("24.000.000")
    kb.enter("12000000")
    kb.enter("0")
    kb.enter("0")
    assert wizard.draft.answers["income_wages"] == 24_000_000
    assert wizard.draft.answers["income_agriculture"] == 12_000_000
    # The B1 score page is skipped by skip logic: Next stays on the last page that is asked.
    assert not wizard.next_button.isEnabled()

    panel = wizard.result_panel
    assert panel.result["class"] == "poor"
    assert "1.500.000 đ" in panel.income.text()
    assert not panel.warning.isHidden()

    kb.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: rec.completed is not None)
    doc, result = rec.completed
    assert result == classify(doc)
    assert result["class"] == "poor"


def test_skip_logic_is_live(open_wizard, new_doc, keyboard):
    wizard, _ = open_wizard(new_doc, "members")
    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    form = wizard.roster["members"].form
    # Age unknown: age-dependent questions are shown (cannot tell yet).
    assert form.is_shown("citizen_id") and form.is_shown("malnourished")
    keyboard.enter("Bé Na")
    form.fields["birth_date"].setFocus()
    keyboard.enter("09/01/2019")
    assert not form.is_shown("citizen_id")
    assert form.is_shown("malnourished") and form.is_shown("attending_school")
    assert not form.is_shown("employment_status")
    # The income method on the first page decides which income section is asked.
    assert [wizard.draft.section_asked(s) for s in wizard.sections][-2:] == [True, False]
    wizard.draft.set_answer("income_method", "score")
    assert [wizard.draft.section_asked(s) for s in wizard.sections][-2:] == [False, True]


def test_invalid_answers_are_shown_and_not_saved(open_wizard, new_doc, keyboard):
    wizard, rec = open_wizard(new_doc, "members")
    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    form = wizard.roster["members"].form
    saves_before = len(rec.saves)
    form.fields["birth_date"].setFocus()
    keyboard.enter("31/02/1990")
    assert "không có trong lịch" in form.fields["birth_date"].error.text()
    keyboard.type("\b" * 10)
    form.fields["birth_date"].line.setText("")
    keyboard.enter("01/01/2099")
    assert "tương lai" in form.fields["birth_date"].error.text()
    assert "birth_date" not in wizard.draft.members[0]
    form.fields["citizen_id"].setFocus()
    keyboard.enter("12345")
    assert "12 chữ số" in form.fields["citizen_id"].error.text()
    assert len(rec.saves) == saves_before
    assert all("citizen_id" not in m for doc, _ in rec.saves for m in doc["members"])

    # A second member with the same citizen ID is flagged beside the field.
    form.fields["citizen_id"].line.setText("")
    keyboard.enter("040084001234")
    assert wizard.draft.members[0]["citizen_id"] == "040084001234"
    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    second = wizard.roster["members"].form
    second.fields["citizen_id"].setFocus()
    keyboard.enter("040084001234")
    assert "trùng số định danh" in second.fields["citizen_id"].error.text()
    assert "citizen_id" not in wizard.draft.members[1]


def test_finish_with_missing_answers_goes_to_the_first_gap(open_wizard, new_doc, keyboard, qtbot):
    wizard, rec = open_wizard(new_doc)
    keyboard.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert rec.completed is None
    assert wizard.current_section().id == "members"
    assert "chưa có thành viên" in wizard.status.text()

    keyboard.press(Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    keyboard.enter("Vàng A Dơ")
    keyboard.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert rec.completed is None
    assert wizard.current_section().id == "household"
    form = wizard.forms["household"]
    assert "bắt buộc" in form.fields["head_name"].error.text()
    assert "bắt buộc" in form.fields["merit_household"].error.text()
    assert form.fields["address"].error.isHidden()           # optional: no complaint
    assert wizard.focusWidget() is form.fields["head_name"].editor
    keyboard.enter("Vàng A Dơ")
    assert form.fields["head_name"].error.isHidden()


def test_resume_on_saved_section(open_wizard, new_doc, keyboard):
    wizard, rec = open_wizard(new_doc)
    keyboard.enter("Lò Văn Páo")
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    keyboard.press(Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    doc, section = rec.saves[-1]
    wizard.close()
    again, _ = open_wizard(doc, section)
    assert again.current_section().id == "housing"
    assert again.draft.answers["head_name"] == "Lò Văn Páo"
    assert isinstance(again.focusWidget(), QComboBox | QLineEdit)


def test_a_question_not_yet_checked_against_the_official_form_says_so(open_wizard, new_doc):
    wizard, _ = open_wizard(new_doc)
    captions = wizard.forms["household"].captions
    assert "(chưa xác minh)" in captions["poverty_causes"].text()
    assert "Thông tư 07/2021" in captions["poverty_causes"].toolTip()
    assert "chưa xác minh" not in captions["head_name"].text() and not captions["head_name"].toolTip()
