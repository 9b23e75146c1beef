"""Poverty standards as versioned data: loading, validation and the choice of standard for a review.

A standard file (forms/standards/*.toml, or a province's own file in the data folder's ``standards/``) holds
every number of the law with ``verified`` and a source note. Loading refuses a broken or inconsistent
file with its name, the key and the reason: nothing is ever scored against a half-read standard.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Any

from ngheo_desktop.criteria._toml import read_definition, require
from ngheo_desktop.criteria.questionnaire import Questionnaire, default_questionnaire
from ngheo_desktop.criteria.rules import RULE_KINDS
from ngheo_desktop.criteria.vocabulary import AREA_VI, AREAS, REVIEW_KINDS
from ngheo_desktop.errors import FormDefinitionError, UnknownStandard
from ngheo_desktop.paths import data_home, forms_dir


@dataclass(frozen=True)
class Param:
    """One parameter of the law: its value, whether two sources agree on it, and where it comes from."""

    key: str
    value: Any
    verified: bool
    source: str


@dataclass(frozen=True)
class Indicator:
    id: str
    service: str
    service_vi: str
    name_vi: str
    name_en: str
    rule: str
    params: dict[str, Param]

    @property
    def unverified(self) -> tuple[Param, ...]:
        return tuple(p for p in self.params.values() if not p.verified)


@dataclass(frozen=True)
class IncomeLines:
    poverty_line: Param
    average_upper: Param | None


@dataclass(frozen=True)
class Standard:
    id: str
    kind: str
    title_vi: str
    title_en: str
    legal_basis: tuple[str, ...]
    valid_from_year: int
    valid_to_year: int
    deprivation_cutoff: Param
    income: dict[str, IncomeLines]
    worksheet_counted: Param
    worksheet_excluded: Param
    score_method: dict[str, Param] | None
    indicators: tuple[Indicator, ...]
    path: Path
    sha256: str
    province: str | None = None
    provisional_indicators: bool = False
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    def indicator(self, indicator_id: str) -> Indicator:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        raise KeyError(indicator_id)

    @property
    def indicator_ids(self) -> tuple[str, ...]:
        return tuple(i.id for i in self.indicators)

    def covers(self, year: int) -> bool:
        return self.valid_from_year <= year <= self.valid_to_year


# The standard's own parameters, outside its indicators, named as a household reads them on its sheet.
_PARAMETER_NAMES_VI = {
    "deprivation_cutoff": "số chỉ số thiếu hụt để xác định hộ nghèo",
    "income_worksheet.counted": "các khoản thu nhập được tính trong bảng kê",
    "income_worksheet.excluded": "các khoản không tính vào thu nhập",
    "score_method.b1_cutoff_rural": "ngưỡng điểm B1 ở nông thôn",
    "score_method.b1_cutoff_urban": "ngưỡng điểm B1 ở thành thị",
    "score_method.b2_points_per_indicator": "số điểm B2 của mỗi chỉ số thiếu hụt",
    "score_method.b2_poor_threshold": "ngưỡng điểm B2 của hộ nghèo",
}
_INCOME_LINE_NAMES_VI = {"poverty_line": "chuẩn nghèo về thu nhập",
                         "average_upper": "mức thu nhập tối đa của hộ có mức sống trung bình"}


def parameter_name_vi(key: str, indicator_names: dict[str, str]) -> str:
    """A parameter key of a result (``income.rural.poverty_line``, ``nutrition.max_age``,
    ``score_table.ID``) in Vietnamese words; an indicator's parameters go by the indicator's name."""
    if key in _PARAMETER_NAMES_VI:
        return _PARAMETER_NAMES_VI[key]
    head, _, rest = key.partition(".")
    if head == "income":
        area, _, line = rest.partition(".")
        return f"{_INCOME_LINE_NAMES_VI[line]} ở {AREA_VI[area]}"
    if head == "score_table":
        return f"bảng điểm B1 {rest}"
    return f"điều kiện của chỉ số {indicator_names[head]}"


def _param(raw: Any, file: str, key: str) -> Param:
    if not isinstance(raw, dict) or "value" not in raw:
        raise FormDefinitionError(file, key, "tham số phải có dạng { value, verified, source }")
    if not isinstance(raw.get("verified"), bool):
        raise FormDefinitionError(file, f"{key}.verified", "phải là true hoặc false")
    if not isinstance(raw.get("source"), str) or not raw["source"].strip():
        raise FormDefinitionError(file, f"{key}.source", "thiếu ghi chú nguồn")
    return Param(key=key, value=raw["value"], verified=raw["verified"], source=raw["source"])


def _money_param(raw: Any, file: str, key: str) -> Param:
    p = _param(raw, file, key)
    if isinstance(p.value, bool) or not isinstance(p.value, int) or p.value <= 0:
        raise FormDefinitionError(file, key, "mức thu nhập phải là số nguyên dương (đồng)")
    return p


def _check_question(questionnaire: Questionnaire, qid: Any, file: str, key: str, scope: str | None = None) -> None:
    q = questionnaire.questions.get(qid) if isinstance(qid, str) else None
    if q is None:
        raise FormDefinitionError(file, key, f"câu hỏi '{qid}' không có trong phiếu rà soát")
    if scope and q.scope != scope:
        raise FormDefinitionError(file, key, f"câu hỏi '{qid}' phải thuộc phạm vi {scope}")


def load_standard(path: Path, questionnaire: Questionnaire | None = None) -> Standard:
    """Load and validate one standard file against the questionnaire its rules read."""
    questionnaire = questionnaire or default_questionnaire()
    data, digest = read_definition(path)
    file = path.name
    std_id = require(data, "id", str, file)
    kind = require(data, "kind", str, file)
    if kind not in ("national", "provincial"):
        raise FormDefinitionError(file, "kind", "phải là 'national' hoặc 'provincial'")
    province = data.get("province")
    if kind == "provincial" and not isinstance(province, str):
        raise FormDefinitionError(file, "province", "chuẩn địa phương phải ghi tên tỉnh")
    if require(data, "format_version", int, file) != 1:
        raise FormDefinitionError(file, "format_version", "phiên bản định dạng không được hỗ trợ")
    first, last = require(data, "valid_from_year", int, file), require(data, "valid_to_year", int, file)
    if first > last:
        raise FormDefinitionError(file, "valid_to_year", "năm kết thúc trước năm bắt đầu")

    income_raw = require(data, "income", dict, file)
    income: dict[str, IncomeLines] = {}
    for area in AREAS:
        lines = require(income_raw, area, dict, file, "income")
        line = _money_param(lines.get("poverty_line"), file, f"income.{area}.poverty_line")
        upper = None
        if "average_upper" in lines:
            upper = _money_param(lines["average_upper"], file, f"income.{area}.average_upper")
            if upper.value <= line.value:
                raise FormDefinitionError(file, f"income.{area}.average_upper",
                                          "mức trên của hộ có mức sống trung bình phải lớn hơn chuẩn nghèo")
        income[area] = IncomeLines(line, upper)

    cutoff = _param(data.get("deprivation_cutoff"), file, "deprivation_cutoff")
    if isinstance(cutoff.value, bool) or not isinstance(cutoff.value, int) or cutoff.value < 1:
        raise FormDefinitionError(file, "deprivation_cutoff", "phải là số nguyên dương")

    worksheet = require(data, "income_worksheet", dict, file)
    counted = _param(worksheet.get("counted"), file, "income_worksheet.counted")
    excluded = _param(worksheet.get("excluded"), file, "income_worksheet.excluded")
    for p in (counted, excluded):
        if not isinstance(p.value, list):
            raise FormDefinitionError(file, p.key, "phải là danh sách mã câu hỏi")
        for qid in p.value:
            _check_question(questionnaire, qid, file, p.key, "household")
            if questionnaire.question(qid).type != "money":
                raise FormDefinitionError(file, p.key, f"câu hỏi '{qid}' không phải kiểu tiền")
    if set(counted.value) & set(excluded.value):
        raise FormDefinitionError(file, "income_worksheet", "một khoản vừa được tính vừa bị loại trừ")

    score_method = None
    if "score_method" in data:
        score_method = {k: _param(v, file, f"score_method.{k}") for k, v in data["score_method"].items()}
        for needed in ("b1_cutoff_rural", "b1_cutoff_urban", "b2_points_per_indicator", "b2_poor_threshold"):
            if needed not in score_method:
                raise FormDefinitionError(file, f"score_method.{needed}", "thiếu khóa bắt buộc")

    indicators: list[Indicator] = []
    for i, raw in enumerate(require(data, "indicators", list, file)):
        where = f"indicators[{i}]"
        ind_id = require(raw, "id", str, file, where)
        if any(ind.id == ind_id for ind in indicators):
            raise FormDefinitionError(file, f"{where}.id", f"chỉ số '{ind_id}' bị trùng")
        rule_name = require(raw, "rule", str, file, where)
        rule = RULE_KINDS.get(rule_name)
        if rule is None:
            raise FormDefinitionError(file, f"{where}.rule", f"loại quy tắc '{rule_name}' không có")
        params_raw = require(raw, "params", dict, file, where)
        params = {k: _param(v, file, f"{ind_id}.{k}") for k, v in params_raw.items()}
        rule.validate(params, questionnaire, file, ind_id)
        indicators.append(Indicator(
            id=ind_id, service=require(raw, "service", str, file, where),
            service_vi=require(raw, "service_vi", str, file, where),
            name_vi=require(raw, "name_vi", str, file, where), name_en=require(raw, "name_en", str, file, where),
            rule=rule_name, params=params,
        ))
    if not indicators:
        raise FormDefinitionError(file, "indicators", "chuẩn phải có ít nhất một chỉ số")
    if cutoff.value > len(indicators):
        raise FormDefinitionError(file, "deprivation_cutoff", "ngưỡng lớn hơn số chỉ số")

    return Standard(
        id=std_id, kind=kind, title_vi=require(data, "title_vi", str, file),
        title_en=require(data, "title_en", str, file),
        legal_basis=tuple(require(data, "legal_basis", list, file)),
        valid_from_year=first, valid_to_year=last, deprivation_cutoff=cutoff, income=income,
        worksheet_counted=counted, worksheet_excluded=excluded, score_method=score_method,
        indicators=tuple(indicators), path=path, sha256=digest, province=province,
        provisional_indicators=bool(data.get("provisional_indicators", False)),
    )


def standard_dirs() -> list[Path]:
    """National standards ship in forms/standards; a province's own (or one received in an assignment)
    sits in the data folder's ``standards/``."""
    local = data_home() / "standards"
    return [forms_dir() / "standards", *([local] if local.is_dir() else [])]


class StandardRegistry:
    """Every standard available to this installation, by id."""

    def __init__(self, standards: list[Standard]):
        self._by_id: dict[str, Standard] = {}
        for std in standards:
            if std.id in self._by_id:
                raise FormDefinitionError(std.path.name, "id", f"mã chuẩn '{std.id}' đã có ở tệp khác")
            self._by_id[std.id] = std
        national = sorted((s for s in standards if s.kind == "national"), key=lambda s: s.valid_from_year)
        for a, b in pairwise(national):
            if b.valid_from_year <= a.valid_to_year:
                raise FormDefinitionError(b.path.name, "valid_from_year",
                                          f"chồng lấn thời gian hiệu lực với chuẩn '{a.id}'")

    @classmethod
    def load(cls, dirs: list[Path] | None = None, questionnaire: Questionnaire | None = None) -> StandardRegistry:
        """Load every standard in ``dirs``; a file in a later folder (the data folder: a province's own, or
        an update the office sent) replaces a shipped standard with the same id."""
        by_id: dict[str, Standard] = {}
        for folder in dirs or standard_dirs():
            in_folder = [load_standard(p, questionnaire) for p in sorted(folder.glob("*.toml"))]
            by_id.update(cls(in_folder)._by_id)  # duplicates inside one folder are still refused
        return cls(list(by_id.values()))

    def all(self) -> list[Standard]:
        return sorted(self._by_id.values(), key=lambda s: (s.valid_from_year, s.kind, s.id))

    def get(self, standard_id: str) -> Standard:
        try:
            return self._by_id[standard_id]
        except KeyError:
            known = ", ".join(sorted(self._by_id))
            raise UnknownStandard(f"Không có chuẩn nghèo '{standard_id}' (các chuẩn hiện có: {known})") from None

    def for_year(self, year: int) -> Standard:
        """The national standard in force for the year under review."""
        for std in self._by_id.values():
            if std.kind == "national" and std.covers(year):
                return std
        raise UnknownStandard(f"Không có chuẩn nghèo quốc gia nào áp dụng cho năm {year}")


@cache
def default_registry() -> StandardRegistry:
    return StandardRegistry.load()


@cache
def _procedure() -> dict[str, Any]:
    data, _ = read_definition(forms_dir() / "procedure.toml")
    return data


def review_year(review_date: dt.date, kind: str) -> int:
    """The year a review is *for*: the standard of that year applies.

    A periodic review held in its window (1 Sep – 14 Dec, forms/procedure.toml) fixes the lists for the
    next year — the review of late 2026 is the first under the 2027-2030 standard. A regular (monthly)
    review, or a periodic one held outside the window, is for the year in which it is held.
    """
    if kind not in REVIEW_KINDS:
        raise ValueError(kind)
    if kind == "periodic":
        window = _procedure()["periodic_window"]
        start = window["start"]["value"]
        end = window["end"]["value"]
        if start <= review_date.strftime("%m-%d") <= end:
            return review_date.year + 1
    return review_date.year


def regions() -> dict[str, str]:
    """Region id → Vietnamese name, for the B1 score tables."""
    return {r["id"]: r["name_vi"] for r in _procedure()["regions"]}


def first_review_day(year: int, kind: str) -> dt.date:
    """The first day whose review is for ``year`` (``review_year``): the periodic window's first day the
    autumn before, or 1 January for a regular review."""
    if kind == "periodic":
        month, day = map(int, _procedure()["periodic_window"]["start"]["value"].split("-"))
        return dt.date(year - 1, month, day)
    return dt.date(year, 1, 1)


def village_meeting_min_share() -> float:
    return float(_procedure()["village_meeting"]["min_agreement_share"]["value"])


def village_meeting_agrees(agreeing: int, attendance: int) -> bool:
    """Whether the village meeting's vote lets a result stand: at least the procedure's share of those
    attending agree (Decision 24/2021); below it the household is surveyed again."""
    return attendance > 0 and agreeing >= village_meeting_min_share() * attendance
