"""A report as plain data — titled tables of typed cells and charts — that every format writer renders.

Cells hold real numbers (rates as fractions 0–1), never preformatted text, so the XLSX has number cells
and the tests compare numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TEXT, INT, RATE, DECIMAL = "text", "int", "rate", "decimal"
YEAR, POINTS = "year", "points"  # a year (no thousands separator); percentage points (one decimal)


@dataclass(frozen=True)
class Column:
    header: str
    kind: str = TEXT
    width: float = 1.0  # relative width in the PDF and the spreadsheet


@dataclass
class Table:
    title: str
    columns: list[Column]
    rows: list[list[Any]] = field(default_factory=list)
    total_rows: int = 0  # trailing rows printed bold (totals)
    note: str = ""

    def column(self, header: str) -> list[Any]:
        """The values of one column, by header (tests and charts read reports this way)."""
        i = [c.header for c in self.columns].index(header)
        return [row[i] for row in self.rows]

    def row(self, first_cell: Any) -> list[Any]:
        """The first row whose first cell equals ``first_cell``."""
        return next(row for row in self.rows if row[0] == first_cell)


@dataclass(frozen=True)
class Chart:
    """Grouped bars (or lines) of rates: one series per class, one category per indicator or round."""

    title: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    kind: str = "bar"  # bar (horizontal, for long indicator names) or line (trend over rounds)


@dataclass
class Report:
    kind: str
    title: str
    tables: list[Table]
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    landscape: bool = False

    def table(self, title_start: str) -> Table:
        return next(t for t in self.tables if t.title.startswith(title_start))
