"""Classification of one household under one standard, with the reason for every indicator.

Input: a validated household document (criteria.household.parse_household). Output: a plain dict,
the ``ngheo.result`` v1 format, that the database stores, the sheet prints and ``ngheo classify --json``
prints; the same input always gives byte-identical JSON (``result_json``).

Classes (shared/domain/vn-poverty-standard.md §3):
- ``poor``: income at or below the poverty line and deprived in ≥ cutoff indicators;
- ``near_poor``: income at or below the line and fewer deprivations;
- ``average_living``: above the line, at or below the average-living upper bound;
- ``above_average_living``: above that bound;
- ``above_poverty_line``: above the line when the standard sets no upper bound (2027-2030) or when the
  B1 score, which only stands for the poverty line, was used.
``class`` is None when the income is unknown.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ngheo_desktop.criteria.household import year_under_review
from ngheo_desktop.criteria.questionnaire import Questionnaire, default_questionnaire
from ngheo_desktop.criteria.rules import NO_MEMBERS, RULE_KINDS, CompiledRule, HouseholdFacts
from ngheo_desktop.criteria.scoretable import ScoreTable, installed_score_tables
from ngheo_desktop.criteria.standards import Indicator, Param, Standard, StandardRegistry, default_registry
from ngheo_desktop.criteria.vocabulary import AREA_VI, CLASS_VI
from ngheo_desktop.text import format_vnd

RESULT_FORMAT = "ngheo.result"
RESULT_VERSION = 1

@dataclass(frozen=True)
class _CompiledIndicator:
    indicator: Indicator
    rule: CompiledRule
    unverified: tuple[Param, ...]


@dataclass(slots=True)
class Decision:
    """The class of a household and what decided it, without the explanatory text.

    ``Classifier.decide`` returns it for bulk work (reclassifying a commune, the demo, reports that
    count); ``Classifier.classify`` builds the full explained result from the same decision.
    """

    klass: str | None
    certain: bool
    deprived: list[bool | None]        # one per indicator, in the standard's order
    deprived_count: int
    unknown_count: int
    method: str                        # "worksheet" or "score"
    at_or_below: bool | None           # income at or below the poverty line (None: unknown)
    above_upper: bool | None           # above the average-living bound (None: not decided by it)
    annual_total: int | None = None
    b1: int | None = None
    table: ScoreTable | None = None
    column: str | None = None
    notes: list[str] = field(default_factory=list)
    facts: HouseholdFacts | None = None
    evidence: list[Any] = field(default_factory=list)


def _params_json(params: list[Param]) -> list[dict[str, str]]:
    unique = {p.key: p for p in params}
    return [{"key": k, "source": unique[k].source} for k in sorted(unique)]


class Classifier:
    """A standard compiled against the questionnaire: build once, classify many households."""

    def __init__(self, standard: Standard, questionnaire: Questionnaire | None = None,
                 score_tables: list[ScoreTable] | None = None):
        self.standard = standard
        self.questionnaire = questionnaire or default_questionnaire()
        q = self.questionnaire
        self._indicators = tuple(
            _CompiledIndicator(ind, RULE_KINDS[ind.rule].compile(ind, q), ind.unverified)
            for ind in standard.indicators
        )
        self._evaluators = tuple(ci.rule.evaluate for ci in self._indicators)
        tables = installed_score_tables() if score_tables is None else score_tables
        self._score_tables = [t for t in tables if t.standard == standard.id]
        self._counted = tuple(standard.worksheet_counted.value)
        self._cutoff = standard.deprivation_cutoff.value
        self._indicator_templates = tuple(
            {"id": ci.indicator.id, "service": ci.indicator.service, "service_vi": ci.indicator.service_vi,
             "name_vi": ci.indicator.name_vi, "rests_on_unverified": bool(ci.unverified)}
            for ci in self._indicators
        )
        self._line_text = {area: f"chuẩn nghèo {AREA_VI[area]} {format_vnd(lines.poverty_line.value)}"
                           for area, lines in standard.income.items()}
        self._unverified_cache: dict[tuple, tuple[list[dict[str, str]], str | None]] = {}
        self._review_years: dict[tuple[str, str, int | None], int] = {}
        self._standard_json = {
            "id": standard.id, "title_vi": standard.title_vi, "sha256": standard.sha256,
            "legal_basis": list(standard.legal_basis), "kind": standard.kind,
            "provisional_indicators": standard.provisional_indicators,
        }

    def _score_table(self, area: str, region: str | None) -> tuple[ScoreTable | None, str | None]:
        column = ScoreTable.column(area, region)
        if column is None:
            return None, None
        verified = [t for t in self._score_tables if t.verified]
        candidates = verified or self._score_tables
        return (candidates[0], column) if candidates else (None, None)

    def decide(self, household: dict[str, Any]) -> Decision:
        """The class and what decided it — no text beyond notes. The fast path for bulk work."""
        std = self.standard
        members = household["members"]
        answers = household["answers"]
        facts = HouseholdFacts(answers, members, _ages(members, household["review"]["date"]))
        verdicts = [evaluate(facts) for evaluate in self._evaluators]
        deprived: list[bool | None] = [v[0] for v in verdicts]
        evidence = [v[1] for v in verdicts]
        # Verdicts are exactly True, False or None, so counting them is exact.
        deprived_count = deprived.count(True)
        unknown_count = deprived.count(None)

        location = household["location"]
        area = location["area"]
        lines = std.income[area]
        n = len(members)
        d = Decision(None, True, deprived, deprived_count, unknown_count, "worksheet", None, None,
                     facts=facts, evidence=evidence)
        if answers.get("income_method") == "score":
            if std.score_method is None:
                d.notes.append(f"Chuẩn {std.id} chưa có phương pháp chấm điểm B1; dùng bảng kê thu nhập.")
            else:
                d.table, d.column = self._score_table(area, location.get("region"))
                if d.table is None:
                    d.notes.append("Chưa cài bảng điểm B1 đã xác minh cho vùng của hộ; dùng bảng kê thu nhập.")
        if d.table is not None:
            d.method = "score"
            if not d.table.verified:
                d.notes.append(f"Bảng điểm B1 '{d.table.id}' chưa được xác minh: kết quả chỉ để tham khảo.")
            owned = answers.get("b1_items")
            if owned is not None:
                d.b1 = d.table.b1(d.column, owned)
                d.at_or_below = d.b1 <= self._b1_cutoff(area)
        elif n and (total := self._worksheet_total(answers)) is not None:
            d.annual_total = total
            # Integer comparison (total ≤ line × members × 12) keeps "exactly at the line" exact.
            d.at_or_below = total <= lines.poverty_line.value * n * 12
            if not d.at_or_below and lines.average_upper is not None:
                d.above_upper = total > lines.average_upper.value * n * 12

        if d.at_or_below is None:
            d.certain = False
            d.notes.append("Chưa xác định được thu nhập nên chưa phân loại được hộ.")
        elif d.at_or_below:
            if deprived_count >= self._cutoff:
                d.klass = "poor"
            else:
                d.klass = "near_poor"
                if deprived_count + unknown_count >= self._cutoff:
                    d.certain = False
                    d.notes.append(f"Có {unknown_count} chỉ số chưa rõ: hộ có thể là hộ nghèo khi bổ sung thông tin.")
        elif d.method == "score" or lines.average_upper is None:
            d.klass = "above_poverty_line"
            if lines.average_upper is None:
                d.notes.append(f"Chuẩn {std.id} chưa quy định mức sống trung bình: chỉ xác định trên chuẩn nghèo.")
        else:
            d.klass = "above_average_living" if d.above_upper else "average_living"
        return d

    def verdicts_among(self, household: dict[str, Any], members: list[int]) -> dict[str, bool | None]:
        """Each indicator's verdict, by id, when only the members at these indexes are counted.

        The child-deprivation report asks whether a *child* is deprived, also on indicators that read every
        member (health insurance): the standard's own rules, run on the children alone, answer it.
        """
        everyone = household["members"]
        ages = _ages(everyone, household["review"]["date"])
        facts = HouseholdFacts(household["answers"], [everyone[i] for i in members], [ages[i] for i in members])
        return {ci.indicator.id: evaluate(facts)[0] for ci, evaluate in zip(self._indicators, self._evaluators,
                                                                              strict=True)}

    def _worksheet_total(self, answers: dict[str, Any]) -> int | None:
        """The 12-month income counted by the standard, or None while an item is unanswered."""
        try:
            return sum(answers[qid] for qid in self._counted)
        except (KeyError, TypeError):  # missing, or None (asked but not answered yet)
            return None

    def _b1_cutoff(self, area: str) -> int:
        return self.standard.score_method["b1_cutoff_urban" if area == "urban" else "b1_cutoff_rural"].value

    def classify(self, household: dict[str, Any]) -> dict[str, Any]:
        """The full result (format ``ngheo.result`` v1): the decision with the reason for everything."""
        std = self.standard
        d = self.decide(household)
        facts = d.facts
        members = household["members"]
        answers = household["answers"]
        indicators_out = []
        for ci, template, verdict, why in zip(self._indicators, self._indicator_templates, d.deprived, d.evidence,
                                             strict=True):
            out = template.copy()
            out["deprived"] = verdict
            out["reason"] = ci.rule.describe(facts, verdict, why)
            indicators_out.append(out)

        area = household["location"]["area"]
        lines = std.income[area]
        n = len(members)
        notes = list(d.notes)
        income_out: dict[str, Any] = {
            "area": area, "area_vi": AREA_VI[area], "members": n, "method": d.method,
            "poverty_line": lines.poverty_line.value,
            "average_upper": lines.average_upper.value if lines.average_upper else None,
            "annual_total": d.annual_total, "per_capita_monthly": None,
            "at_or_below_poverty_line": d.at_or_below,
        }
        score_out = None
        if d.method == "score":
            sm = std.score_method
            cutoff = self._b1_cutoff(area)
            score_out = {"table_id": d.table.id, "table_sha256": d.table.sha256, "table_verified": d.table.verified,
                         "column": d.column, "b1": d.b1, "b1_cutoff": cutoff,
                         "b2": d.deprived_count * sm["b2_points_per_indicator"].value,
                         "b2_poor_threshold": sm["b2_poor_threshold"].value}
            if d.b1 is None:
                income_out["reason"] = "Chưa có câu trả lời các mục chấm điểm B1"
            else:
                income_out["reason"] = (f"B1 = {d.b1} điểm {'≤' if d.at_or_below else '>'} {cutoff} điểm "
                                        f"(tương ứng chuẩn nghèo {format_vnd(lines.poverty_line.value)}/người/tháng)")
        elif d.annual_total is not None:
            per_capita = income_out["per_capita_monthly"] = round(d.annual_total / (n * 12))
            income_out["reason"] = (f"Thu nhập bình quân {format_vnd(per_capita)}/người/tháng "
                                    f"{'≤' if d.at_or_below else '>'} {self._line_text[area]}")
        else:
            missing = [qid for qid in self._counted if answers.get(qid) is None]
            income_out["reason"] = NO_MEMBERS if n == 0 else "Chưa đủ bảng kê thu nhập: thiếu " + ", ".join(
                self.questionnaire.question(q).label_vi for q in missing)

        flags = []
        if d.klass in ("poor", "near_poor"):
            able = [m.get("able_to_work") for m, a in zip(members, facts.ages, strict=True) if a is None or a >= 15]
            if not any(v is True for v in able):
                if any(v is None for v in able):
                    notes.append("Chưa rõ khả năng lao động của một số thành viên.")
                else:
                    flags.append("no_member_able_to_work")

        unverified, unverified_note = self._unverified(area, d.table, d.at_or_below, d.above_upper is not None)
        if unverified_note:
            notes.append(unverified_note)

        review = household["review"]
        return {
            "format": RESULT_FORMAT,
            "format_version": RESULT_VERSION,
            "household_id": household["household_id"],
            "record_version": household["record_version"],
            "standard": self._standard_json,
            "review": {"date": review["date"], "kind": review["kind"], "year": self._review_year(household)},
            "class": d.klass,
            "class_vi": CLASS_VI[d.klass],
            "class_certain": d.certain,
            "income": income_out,
            "score": score_out,
            "deprivation": {"count": d.deprived_count, "unknown": d.unknown_count, "cutoff": self._cutoff},
            "indicators": indicators_out,
            "unverified_parameters": unverified,
            "flags": flags,
            "notes": notes,
        }

    def _review_year(self, household: dict[str, Any]) -> int:
        review = household["review"]
        key = (review["date"], review["kind"], review.get("year"))
        year = self._review_years.get(key)
        if year is None:
            year = self._review_years[key] = year_under_review(household)
        return year

    def _unverified(self, area: str, table: ScoreTable | None, at_or_below: bool | None,
                    upper_used: bool) -> tuple[list[dict[str, str]], str | None]:
        """The unverified parameters a result rests on, and the note saying so.

        They depend only on which branch decided the class, so each branch is worked out once. Above the
        poverty line only the income parameters decide; at or below it, every indicator does too.
        """
        key = (area, table.id if table else None, at_or_below, upper_used)
        cached = self._unverified_cache.get(key)
        if cached is None:
            std = self.standard
            lines = std.income[area]
            params: list[Param] = [lines.poverty_line]
            if table is not None:
                sm = std.score_method
                params.append(sm["b1_cutoff_urban" if area == "urban" else "b1_cutoff_rural"])
                if not table.verified:
                    params.append(Param(f"score_table.{table.id}", table.id, False, table.source))
                if at_or_below:
                    params.extend([sm["b2_points_per_indicator"], sm["b2_poor_threshold"]])
            else:
                params.append(std.worksheet_counted)
                if upper_used:
                    params.append(lines.average_upper)
            if at_or_below:
                params.append(std.deprivation_cutoff)
                params.extend(p for ci in self._indicators for p in ci.unverified)
            unverified = _params_json([p for p in params if not p.verified])
            note = (f"Kết quả dựa trên {len(unverified)} tham số chưa được xác minh "
                    "(xem danh sách tham số chưa xác minh).") if unverified else None
            cached = self._unverified_cache[key] = (unverified, note)
        # The parameter entries are shared between results (results are values: nobody edits them).
        return list(cached[0]), cached[1]


def _ages(members: list[dict[str, Any]], review_date: str) -> list[int | None]:
    """Each member's age in completed years on the review day (None without a birth date)."""
    # ISO dates: comparing the "MM-DD" strings tells whether the birthday has come yet this year.
    review_year_, review_md = int(review_date[:4]), review_date[5:10]
    return [review_year_ - int(b[:4]) - (review_md < b[5:10]) if (b := m.get("birth_date")) else None
            for m in members]


_classifiers: dict[tuple[str, str], Classifier] = {}


def classifier_for(standard: Standard) -> Classifier:
    """A cached classifier for a standard with the installed questionnaire and score tables."""
    key = (standard.id, standard.sha256)
    if key not in _classifiers:
        _classifiers[key] = Classifier(standard)
    return _classifiers[key]


def standard_for(household: dict[str, Any], standard_id: str | None = None,
                 registry: StandardRegistry | None = None) -> Standard:
    """The named standard, or the national one in force for the year under review."""
    registry = registry or default_registry()
    if standard_id:
        return registry.get(standard_id)
    return registry.for_year(year_under_review(household))


def classify(household: dict[str, Any], standard_id: str | None = None,
             registry: StandardRegistry | None = None) -> dict[str, Any]:
    return classifier_for(standard_for(household, standard_id, registry)).classify(household)


def result_json(result: dict[str, Any]) -> str:
    """Canonical JSON of a result: byte-identical for the same household and standard."""
    return json.dumps(result, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
