"""The deprivation → support programme mapping (forms/support_programmes.toml), loaded and checked."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ngheo_desktop.criteria._toml import read_definition, require, tables_with_ids
from ngheo_desktop.errors import FormDefinitionError
from ngheo_desktop.paths import forms_dir


@dataclass(frozen=True)
class Programme:
    id: str
    name_vi: str
    indicators: tuple[str, ...]
    support_kinds: tuple[str, ...]


@dataclass(frozen=True)
class ProgrammeMap:
    programmes: tuple[Programme, ...]
    verified: bool
    source: str

    def for_indicators(self, deprived: list[str]) -> list[Programme]:
        """Programmes answering any of these deprivations, in the file's order."""
        wanted = set(deprived)
        return [p for p in self.programmes if wanted.intersection(p.indicators)]


def _strings(value: list, file: str, where: str) -> tuple[str, ...]:
    if not all(isinstance(v, str) for v in value):
        raise FormDefinitionError(file, where, "mọi phần tử phải là chuỗi")
    return tuple(value)


def load_programmes(path: Path | None = None) -> ProgrammeMap:
    path = path or forms_dir() / "support_programmes.toml"
    data, _ = read_definition(path)
    file = path.name
    if require(data, "format_version", int, file) != 1:
        raise FormDefinitionError(file, "format_version", "phiên bản không được hỗ trợ")
    out = [Programme(pid, require(raw, "name_vi", str, file, where),
                     _strings(require(raw, "indicators", list, file, where), file, f"{where}.indicators"),
                     _strings(require(raw, "support_kinds", list, file, where), file, f"{where}.support_kinds"))
           for where, raw, pid in tables_with_ids(data, "programmes", file, "chương trình")]
    return ProgrammeMap(tuple(out), bool(require(data, "verified", bool, file)), require(data, "source", str, file))


@cache
def default_programmes() -> ProgrammeMap:
    return load_programmes()
