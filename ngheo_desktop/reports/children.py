"""Who counts as a child and which indicators concern children (forms/child_indicators.toml), loaded and checked.

The child-deprivation report reads it; the rules themselves stay in the standards.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ngheo_desktop.criteria._toml import read_definition, require, tables_with_ids
from ngheo_desktop.errors import FormDefinitionError
from ngheo_desktop.paths import forms_dir


@dataclass(frozen=True)
class ChildIndicator:
    id: str
    why_vi: str


@dataclass(frozen=True)
class ChildIndicators:
    age_below: int
    indicators: tuple[ChildIndicator, ...]
    others_vi: str
    verified: bool
    source: str


def load_child_indicators(path: Path | None = None) -> ChildIndicators:
    path = path or forms_dir() / "child_indicators.toml"
    data, _ = read_definition(path)
    file = path.name
    if require(data, "format_version", int, file) != 1:
        raise FormDefinitionError(file, "format_version", "phiên bản không được hỗ trợ")
    age_below = require(data, "child_age_below", int, file)
    if not 1 <= age_below <= 18:
        raise FormDefinitionError(file, "child_age_below", "tuổi phải từ 1 đến 18")
    out = [ChildIndicator(ind_id, require(raw, "why_vi", str, file, where))
           for where, raw, ind_id in tables_with_ids(data, "indicators", file, "chỉ số")]
    if not out:
        raise FormDefinitionError(file, "indicators", "phải có ít nhất một chỉ số")
    return ChildIndicators(age_below, tuple(out), require(data, "others_vi", str, file),
                           require(data, "verified", bool, file), require(data, "source", str, file))


@cache
def default_child_indicators() -> ChildIndicators:
    return load_child_indicators()
