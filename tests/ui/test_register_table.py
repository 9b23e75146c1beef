"""The register table on a big register: the first screen reads only the first block of ids; the rest
comes from the worker, or is read when a row past the first block is needed before it arrives; and
households saved or imported in between still show."""

from __future__ import annotations

import pytest
from factories import household

from ngheo_desktop.services import register
from ngheo_desktop.ui import main_window as main_window_module
from ngheo_desktop.ui.main_window import MainWindow
from ngheo_desktop.ui.session import Session

FIRST = 60  # more than a screenful; the real first block is 200 ids, the demo register here has 120


@pytest.fixture
def window(session, qtbot, monkeypatch):
    """The window with its worker read of the id list held back (as if still running)."""
    monkeypatch.setattr(main_window_module, "FIRST_IDS", FIRST)
    monkeypatch.setattr(Session, "household_ids_in_worker", staticmethod(lambda *args: None))
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def head_in_row(window, row: int) -> str:
    model = window.model
    return model.data(model.index(row, 1))


def register_order_heads(session) -> list[str]:
    ids = session.household_ids()
    rows = session.household_rows(ids)
    return [rows[i].head_name for i in ids]


def test_every_row_is_listed_and_shown_when_scrolled_to(window, session):
    heads = register_order_heads(session)
    assert window.model.rowCount() == len(heads) > FIRST
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    assert head_in_row(window, len(heads) - 1) == heads[-1]
    assert [head_in_row(window, row) for row in range(len(heads))] == heads
    assert window.model.ids() == session.household_ids()


def test_a_household_saved_before_the_rest_was_read_joins_the_end(window, session, qtlog):
    assert len(window.model._ids) == FIRST  # the first screen read only the first block
    before = window.model.rowCount()
    doc = household()
    saved, notice = register.save_household(session.store, doc, actor="Cán bộ Thử")
    session.notices.changed.emit(notice)
    assert window.model.rowCount() == before + 1
    assert window.model.row_of(saved["household_id"]) == before
    assert head_in_row(window, before) == doc["answers"]["head_name"]
    assert not [r for r in qtlog.records if "invalid index" in r.message]


def test_a_household_imported_elsewhere_appears_once_the_paint_is_over(window, session, qtbot, qtlog):
    """An import on the worker writes through its own connection; the table catches up by itself."""
    assert len(window.model._ids) == FIRST
    before = window.model.rowCount()
    other = register.open_register(session.db_path)
    try:
        register.save_household(other, household(), actor="Nhập gói")
    finally:
        other.close()
    window.table.scrollToBottom()
    window.table.viewport().repaint()  # the paint that reads the rest of the ids
    qtbot.waitUntil(lambda: window.model.rowCount() == before + 1)
    window.table.scrollToBottom()
    window.table.viewport().repaint()
    assert head_in_row(window, before) == "Nguyễn Văn An"
    assert not [r for r in qtlog.records if "invalid index" in r.message]


def test_the_rest_of_the_ids_arrives_from_the_worker(session, qtbot, monkeypatch):
    monkeypatch.setattr(main_window_module, "FIRST_IDS", FIRST)
    window = MainWindow(session)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: len(window.model._ids) == session.household_count())
    assert window.model._ids == session.household_ids()


def test_an_id_list_read_for_an_earlier_order_is_not_shown(window, session):
    model = window.model
    old_listing = model._listing
    window.table.horizontalHeader().setSortIndicator(1, window.table.horizontalHeader().sortIndicatorOrder())
    model.offer_ids((old_listing, session.household_ids()))  # arrives late, for register order
    by_name = session.household_ids(sort="head_name")
    assert [model.id_at(row) for row in range(model.rowCount())] == by_name


def test_a_new_order_chosen_before_the_catch_up_still_lists_every_household(window, session, qtbot):
    """The catch-up reset planned during a paint is dropped when another listing comes first."""
    other = register.open_register(session.db_path)
    try:
        register.save_household(other, household(), actor="Nhập gói")
    finally:
        other.close()
    window.table.scrollToBottom()
    window.table.viewport().repaint()  # reads the rest, finds the register grew, plans a reset
    header = window.table.horizontalHeader()
    header.setSortIndicator(1, header.sortIndicatorOrder())  # by head of household, before the reset runs
    qtbot.wait(50)
    assert window.model.rowCount() == session.household_count()
    assert window.model.ids() == session.household_ids(sort="head_name")
    assert window.count_label.text() == f"{session.household_count()} hộ"
