"""The open register as the windows see it: the database, who is working, the review round, notices.

A ``Session`` lives on the GUI thread and owns that thread's ``Store``. Every write goes through a
``services`` use case and ends with ``notices.changed`` carrying the service's ``ChangeNotice``, so the
views update the rows concerned instead of reloading. Background work never receives this store: it
gets ``db_path`` and opens its own connection.

Opening a session loads neither the rules core nor the household drafts (``ui.draft``): they load when the
first household is opened, so the register is on screen sooner.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from ngheo_desktop import criteria
from ngheo_desktop.services import register
from ngheo_desktop.services.register import ChangeNotice
from ngheo_desktop.store import Assessment, HouseholdRow, Round, Store, Support, Unit
from ngheo_desktop.ui.settings import Settings, set_ui_state, ui_state

if TYPE_CHECKING:
    from ngheo_desktop.services.units import UnitRow
    from ngheo_desktop.ui.draft import HouseholdDraft


class Notices(QObject):
    """Change notices from committed actions; views connect to ``changed``."""

    changed = Signal(object)  # ChangeNotice


class Session:
    @classmethod
    def open(cls, settings: Settings) -> Session:
        """Open the user's database for the window, migrating it if needed.

        The integrity check the store runs at open (``PRAGMA quick_check``, ~0.3 s on 50,000 households)
        is left to ``check_integrity`` on a worker right after the window shows, so start-up does not
        wait for it; a damaged file is still reported within a second, before any real work is done.
        """
        return cls(Store.open(settings.database_file(), quick_check=False), settings)

    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.notices = Notices()

    @property
    def db_path(self) -> Path:
        return self.store.path

    @property
    def actor(self) -> str:
        return self.settings.surveyor_name or "người rà soát"

    @property
    def read_only_reason(self) -> str | None:
        """Why the register cannot be written (a read-only folder, file or stick), or None."""
        return self.store.unwritable

    @property
    def is_demo(self) -> bool:
        return self.store.is_demo

    @staticmethod
    def check_integrity(_progress: object, db_path: Path) -> None:
        """Worker side of the deferred check: its own read-only connection; raises DamagedFile."""
        Store.open(db_path, read_only=True, quick_check=True).close()

    @staticmethod
    def household_ids_in_worker(progress: Any, listing: int, db_path: Path, village_id: str | None, sort: str,
                                descending: bool) -> tuple[int, list[str]] | None:
        """Worker side of reading a long id list for the table, handed back with its ``listing``; None if
        the table moved on meanwhile (``progress`` cancelled)."""
        store = Store.open(db_path, read_only=True, quick_check=False)
        try:
            ids: list[str] = []
            for batch in store.household_id_batches(village_id, sort=sort, descending=descending):
                if progress.cancelled():
                    return None
                ids.extend(batch)
            return listing, ids
        finally:
            store.close()

    def close(self) -> None:
        self.store.close()

    def _notify(self, notice: ChangeNotice) -> None:
        self.notices.changed.emit(notice)

    # -- reading (the store's query API; no SQL here)
    def household_ids(self, village_id: str | None = None, sort: str = "register",
                      descending: bool = False, limit: int | None = None) -> list[str]:
        return self.store.household_ids(village_id, sort=sort, descending=descending, limit=limit)

    def household_rows(self, ids: list[str]) -> dict[str, HouseholdRow]:
        return self.store.household_rows(ids)

    def household_count(self, village_id: str | None = None) -> int:
        return self.store.household_count(village_id)

    def household_counts(self) -> dict[str | None, int]:
        return self.store.household_counts()

    def search(self, query: str, limit: int) -> list[HouseholdRow]:
        return register.search(self.store, query, limit)

    def units(self, level: str) -> list[Unit]:
        return self.store.units(level=level)

    def round_proposals(self, round_id: str, village_id: str) -> list[tuple[HouseholdRow, str | None]]:
        """The village's households with a result in the round, in register order, each with the class the
        round gives it (what a village meeting votes on)."""
        ids = self.store.household_ids(village_id)
        rows = self.store.household_rows(ids)
        found = [(rows[h], self.store.get_assessment(h, round_id)) for h in ids if h in rows]
        return [(row, assessment.klass) for row, assessment in found if assessment is not None]

    def unit_tree(self) -> list[UnitRow]:
        from ngheo_desktop.services.units import unit_tree

        return unit_tree(self.store)

    def has_household(self, household_id: str) -> bool:
        return self.store.has_household(household_id)

    def household(self, household_id: str) -> dict[str, Any]:
        return self.store.get_household(household_id)

    def assessments(self, household_id: str) -> list[Assessment]:
        return self.store.assessments_for(household_id)

    def support(self, household_id: str) -> list[Support]:
        return self.store.support_for(household_id)

    def rounds(self) -> list[Round]:
        return self.store.rounds()

    # -- households and their assessment
    def new_household(self, village: Unit | None) -> HouseholdDraft:
        """A draft for a household typed in by hand, placed in ``village`` (or the first village)."""
        from ngheo_desktop.ui.draft import HouseholdDraft, new_household_doc

        villages = self.units("village")
        village = village or (villages[0] if villages else None)
        location: dict[str, Any] = {"area": "rural"}
        if village is not None:
            commune = self.store.unit(village.parent_id)
            province = self.store.unit(commune.parent_id) if commune else None
            location = {"village": village.name, "village_id": village.id,
                        "area": self.store.area_of(village.id) or "rural"}
            if commune is not None:
                location["commune"] = commune.name
                if commune.region:
                    location["region"] = commune.region
            if province is not None:
                location["province"] = province.name
        return HouseholdDraft(new_household_doc(location, dt.date.today()))

    def open_household(self, household_id: str) -> HouseholdDraft:
        """The household as a draft, with the office's comments when it was returned for another review."""
        from ngheo_desktop.services import sync
        from ngheo_desktop.ui.draft import HouseholdDraft

        return HouseholdDraft(self.household(household_id),
                              office_comments=sync.returned_comments(self.store, household_id))

    def save_household(self, draft: HouseholdDraft) -> None:
        """Store the draft as it stands (one confirmed answer at a time); the draft takes the new version."""
        saved, notice = register.save_household(self.store, draft.doc, actor=self.actor)
        draft.doc = saved
        self._notify(notice)

    def round_for(self, draft: HouseholdDraft) -> Round:
        """The review round the draft belongs to (by year under review and kind), created when missing."""
        year, kind = criteria.year_under_review(draft.doc), draft.doc["review"]["kind"]
        for rnd in self.rounds():
            if rnd.year == year and rnd.kind == kind:
                return rnd
        start = draft.doc["review"]["date"]
        if criteria.review_year(dt.date.fromisoformat(start), kind) != year:
            # The record names its year (review.year) apart from its date: open that year's round on the
            # first day whose review is for it.
            start = criteria.first_review_day(year, kind).isoformat()
        return register.create_round(self.store, year, kind, start, actor=self.actor)

    def save_answer(self, draft: HouseholdDraft, section_id: str) -> None:
        """The wizard's save: the household as answered so far, an assessment marked draft, the position."""
        self.save_household(draft)
        rnd = self.round_for(draft)
        existing = self.store.get_assessment(draft.doc["household_id"], rnd.id)
        if existing is None or existing.status not in ("draft", "approved"):
            _, notice = register.assess_household(self.store, draft.doc["household_id"], rnd.id,
                                                  actor=self.actor, status="draft")
            self._notify(notice)
        set_ui_state(f"wizard/{draft.doc['household_id']}", section_id)

    def complete_assessment(self, draft: HouseholdDraft) -> Assessment:
        """Store the completed assessment (classified by the rules under the round's standard)."""
        self.save_household(draft)
        rnd = self.round_for(draft)
        saved, notice = register.assess_household(self.store, draft.doc["household_id"], rnd.id,
                                                  actor=self.actor, status="completed")
        set_ui_state(f"wizard/{draft.doc['household_id']}", None)
        self._notify(notice)
        return saved

    @staticmethod
    def resume_section(household_id: str) -> str | None:
        return ui_state(f"wizard/{household_id}")

    def add_support(self, household_id: str, kind: str, date: str, amount: int | None, provider: str,
                    note: str) -> Support:
        saved, notice = register.add_support(self.store, household_id, kind, date, actor=self.actor,
                                             amount=amount, provider=provider, note=note)
        self._notify(notice)
        return saved
