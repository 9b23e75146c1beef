"""B1 score tables of Circular 07/2021 (Phiếu B) as data files.

The official points table is not in our facts, so none ships: this module gives the mechanism and the
file format, and the classifier says plainly when no table is installed (it then uses the income
worksheet). A table (TOML) has one column per area: ``urban`` and the six rural region ids of
forms/procedure.toml; B1 = the column's base points + the points of every item the household has.

    id = "b1-example"            # stable id
    format_version = 1
    standard = "vn-2022-2025"    # the standard whose cut-offs it is calibrated against
    verified = false             # true only for the official table
    source = "…"                 # where the points come from
    base = { urban = 100, dong_bang_song_hong = 90, … }
    [[items]]
    id = "tv"
    label_vi = "Có ti vi"
    points = { urban = 5, dong_bang_song_hong = 4, … }
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ngheo_desktop.criteria._toml import read_definition, require
from ngheo_desktop.criteria.standards import regions
from ngheo_desktop.errors import FormDefinitionError
from ngheo_desktop.paths import data_home, forms_dir


@dataclass(frozen=True)
class ScoreItem:
    id: str
    label_vi: str
    points: dict[str, int]


@dataclass(frozen=True)
class ScoreTable:
    id: str
    standard: str
    verified: bool
    source: str
    base: dict[str, int]
    items: tuple[ScoreItem, ...]
    sha256: str

    @staticmethod
    def column(area: str, region: str | None) -> str | None:
        """Urban households use the urban column; rural ones the column of their region."""
        return "urban" if area == "urban" else region

    def b1(self, column: str, owned: list[str]) -> int:
        owned_set = set(owned)
        return self.base[column] + sum(item.points[column] for item in self.items if item.id in owned_set)


def load_score_table(path: Path) -> ScoreTable:
    data, digest = read_definition(path)
    file = path.name
    if require(data, "format_version", int, file) != 1:
        raise FormDefinitionError(file, "format_version", "phiên bản định dạng không được hỗ trợ")
    columns = {"urban", *regions()}
    base = require(data, "base", dict, file)
    if set(base) != columns:
        raise FormDefinitionError(file, "base", "phải có đủ cột: urban và sáu vùng nông thôn")
    items: list[ScoreItem] = []
    for i, raw in enumerate(require(data, "items", list, file)):
        where = f"items[{i}]"
        points = require(raw, "points", dict, file, where)
        if set(points) != columns:
            raise FormDefinitionError(file, f"{where}.points", "phải có đủ cột: urban và sáu vùng nông thôn")
        for col, value in points.items():
            if isinstance(value, bool) or not isinstance(value, int):
                raise FormDefinitionError(file, f"{where}.points.{col}", "điểm phải là số nguyên")
        item_id = require(raw, "id", str, file, where)
        if any(it.id == item_id for it in items):
            raise FormDefinitionError(file, f"{where}.id", f"mục '{item_id}' bị trùng")
        items.append(ScoreItem(item_id, require(raw, "label_vi", str, file, where), points))
    return ScoreTable(
        id=require(data, "id", str, file), standard=require(data, "standard", str, file),
        verified=require(data, "verified", bool, file), source=require(data, "source", str, file),
        base=base, items=tuple(items), sha256=digest,
    )


def score_table_dirs() -> list[Path]:
    dirs = [forms_dir() / "score_tables", data_home() / "score_tables"]
    return [d for d in dirs if d.is_dir()]


def installed_score_tables(dirs: list[Path] | None = None) -> list[ScoreTable]:
    return [load_score_table(p) for d in (dirs if dirs is not None else score_table_dirs())
            for p in sorted(d.glob("*.toml"))]
