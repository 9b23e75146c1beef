"""The plain input of every office report: one ``ReportRow`` per household of a review round.

The store (or a test) builds these; the report functions only read them, so every number in a report can
be checked against a hand-made fixture. A row carries the household document (``ngheo.household`` v1),
its result in the round (``ngheo.result`` v1, None when not assessed), where it lives, its class in the
previous round and whether it was ever poor / near-poor before that (for "fell back into poverty"), and
the support it has received.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

ABOVE_LINE = ("average_living", "above_average_living", "above_poverty_line")
# A draft or returned assessment is not a result yet: the reports count the household as not yet assessed.
# None is data that did not come from the register's workflow (imports, tests).
COUNTED_STATUSES = (None, "completed", "approved")
POOR, NEAR_POOR, AVERAGE = "poor", "near_poor", "average_living"


@dataclass(frozen=True)
class SupportRecord:
    """One support the household received: ``kind`` is a register support kind (loan, housing …)."""

    kind: str
    date: str
    note: str = ""


@dataclass(frozen=True)
class ReportRow:
    household: dict[str, Any]
    result: dict[str, Any] | None
    village_id: str
    village_name: str
    status: str | None = None
    previous_class: str | None = None
    poor_before: bool = False  # poor in a round before the previous one
    near_poor_before: bool = False  # near-poor in a round before the previous one
    support: tuple[SupportRecord, ...] = ()

    @property
    def household_id(self) -> str:
        return self.household["household_id"]

    @property
    def counted_result(self) -> dict[str, Any] | None:
        """The result when its assessment is completed or approved, else None."""
        return self.result if self.status in COUNTED_STATUSES else None

    @property
    def klass(self) -> str | None:
        result = self.counted_result
        return result["class"] if result else None

    @property
    def people(self) -> int:
        return len(self.household["members"])

    @property
    def head_name(self) -> str:
        return self.household["answers"].get("head_name") or ""

    def indicator(self, indicator_id: str) -> bool | None:
        """Deprived (True), not (False) or unknown/not assessed (None) on one indicator."""
        for ind in (self.counted_result or {}).get("indicators", ()):
            if ind["id"] == indicator_id:
                return ind["deprived"]
        return None

    @property
    def deprived_ids(self) -> list[str]:
        return [ind["id"] for ind in (self.counted_result or {}).get("indicators", ()) if ind["deprived"]]

    @property
    def support_kinds(self) -> set[str]:
        return {s.kind for s in self.support}


@dataclass(frozen=True)
class ReportContext:
    """Who issues the report and for which round: printed in the heading of every format."""

    province: str
    commune: str
    round_title: str
    printed_on: dt.date = field(default_factory=dt.date.today)


@dataclass(frozen=True)
class RoundRows:
    """All rows of one round, for the trend report (rounds oldest first)."""

    title: str
    year: int
    rows: tuple[ReportRow, ...]
