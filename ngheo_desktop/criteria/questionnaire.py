"""The questionnaire (forms/questionnaire.toml) as validated, immutable data.

The assessment wizard is generated from it, the household validator checks answers against it, and the
rules read answers by its question ids. Skip logic (``show_if``) is evaluated here so that the UI, the
validator and the completeness check agree on which questions are asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from ngheo_desktop.criteria._toml import read_definition, require
from ngheo_desktop.errors import FormDefinitionError
from ngheo_desktop.paths import forms_dir

QUESTION_TYPES = frozenset(
    {"text", "integer", "number", "money", "boolean", "choice", "multi_choice", "date", "citizen_id"}
)
SCOPES = frozenset({"household", "member"})


@dataclass(frozen=True)
class Choice:
    value: str
    label_vi: str
    label_en: str


@dataclass(frozen=True)
class Condition:
    """One ``show_if`` condition: an answer equal to / among values, or a member age bound."""

    question: str | None = None
    values: tuple[Any, ...] = ()
    age_min: int | None = None
    age_max: int | None = None

    def holds(self, answers: dict[str, Any], age: int | None) -> bool | None:
        """True/False, or None when it cannot be told yet (the age or the answer is unknown)."""
        if self.question is not None:
            if self.question not in answers or answers[self.question] is None:
                return None
            return answers[self.question] in self.values
        if age is None:
            return None
        if self.age_min is not None and age < self.age_min:
            return False
        return not (self.age_max is not None and age > self.age_max)


@dataclass(frozen=True)
class Question:
    id: str
    section: str
    scope: str
    type: str
    label_vi: str
    label_en: str
    help_vi: str = ""
    required: bool = False
    choices: tuple[Choice, ...] = ()
    choices_from_score_table: bool = False
    show_if: tuple[Condition, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    max_length: int | None = None
    pattern: str | None = None
    not_in_future: bool = False
    min_date: str | None = None
    default: Any = None
    verified: bool = True  # False: the wording or choice list is not checked against the official form
    source: str = ""  # where an unverified question comes from

    @cached_property
    def choice_values(self) -> frozenset[str]:
        return frozenset(c.value for c in self.choices)

    def choice_label(self, value: Any) -> str:
        for choice in self.choices:
            if choice.value == value:
                return choice.label_vi
        return str(value)


@dataclass(frozen=True)
class Section:
    id: str
    scope: str
    title_vi: str
    title_en: str
    questions: tuple[Question, ...]
    show_if: tuple[Condition, ...] = ()


@dataclass(frozen=True)
class Questionnaire:
    id: str
    version: int
    title_vi: str
    title_en: str
    source: str
    sections: tuple[Section, ...]
    sha256: str

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Every question by id (computed once: validation looks questions up for every answer)."""
        return {q.id: q for s in self.sections for q in s.questions}

    def question(self, question_id: str) -> Question:
        return self.questions[question_id]

    def scope_of(self, question_id: str) -> str | None:
        q = self.questions.get(question_id)
        return q.scope if q else None

    def is_asked(self, question: Question, household_answers: dict[str, Any],
                 member: dict[str, Any] | None = None, age: int | None = None) -> bool | None:
        """Whether skip logic asks this question (None: cannot tell until an answer or age is known)."""
        section = next(s for s in self.sections if s.id == question.section)
        verdict: bool | None = True
        for cond in section.show_if + question.show_if:
            source = household_answers if cond.question and self.scope_of(cond.question) == "household" \
                else (member or {})
            held = cond.holds(source, age)
            if held is False:
                return False
            if held is None:
                verdict = None
        return verdict


def _choices(raw: list[Any], file: str, where: str) -> tuple[Choice, ...]:
    out: list[Choice] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        key = f"{where}[{i}]"
        if not isinstance(item, dict):
            raise FormDefinitionError(file, key, "mỗi lựa chọn phải là một bảng value/label_vi/label_en")
        value = require(item, "value", str, file, key)
        if value in seen:
            raise FormDefinitionError(file, key, f"giá trị lựa chọn '{value}' bị trùng")
        seen.add(value)
        out.append(Choice(value, require(item, "label_vi", str, file, key), require(item, "label_en", str, file, key)))
    return tuple(out)


def _conditions(raw: Any, file: str, where: str) -> tuple[Condition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise FormDefinitionError(file, where, "show_if phải là danh sách điều kiện")
    out = []
    for i, cond in enumerate(raw):
        key = f"{where}[{i}]"
        if not isinstance(cond, dict):
            raise FormDefinitionError(file, key, "điều kiện phải là một bảng")
        if "question" in cond:
            if "equals" in cond:
                values: tuple[Any, ...] = (cond["equals"],)
            elif isinstance(cond.get("in"), list):
                values = tuple(cond["in"])
            else:
                raise FormDefinitionError(file, key, "điều kiện theo câu hỏi cần 'equals' hoặc 'in'")
            out.append(Condition(question=cond["question"], values=values))
        elif "age_min" in cond or "age_max" in cond:
            out.append(Condition(age_min=cond.get("age_min"), age_max=cond.get("age_max")))
        else:
            raise FormDefinitionError(file, key, "điều kiện không rõ loại (cần question hoặc age_min/age_max)")
    return tuple(out)


def load_questionnaire(path: Path | None = None) -> Questionnaire:
    path = path or forms_dir() / "questionnaire.toml"
    data, digest = read_definition(path)
    file = path.name
    choice_lists = data.get("choice_lists", {})
    sections: list[Section] = []
    seen_ids: set[str] = set()
    for si, sec in enumerate(require(data, "sections", list, file)):
        where = f"sections[{si}]"
        sec_id = require(sec, "id", str, file, where)
        scope = require(sec, "scope", str, file, where)
        if scope not in SCOPES:
            raise FormDefinitionError(file, f"{where}.scope", f"phạm vi '{scope}' không hợp lệ")
        questions: list[Question] = []
        for qi, q in enumerate(require(sec, "questions", list, file, where)):
            qwhere = f"{where}.questions[{qi}]"
            qid = require(q, "id", str, file, qwhere)
            if qid in seen_ids or qid == "member_id":
                raise FormDefinitionError(file, f"{qwhere}.id", f"mã câu hỏi '{qid}' bị trùng hoặc dành riêng")
            seen_ids.add(qid)
            qtype = require(q, "type", str, file, qwhere)
            if qtype not in QUESTION_TYPES:
                raise FormDefinitionError(file, f"{qwhere}.type", f"kiểu câu hỏi '{qtype}' không được hỗ trợ")
            if "choices_ref" in q:
                ref = q["choices_ref"]
                if ref not in choice_lists:
                    raise FormDefinitionError(file, f"{qwhere}.choices_ref", f"không có danh sách '{ref}'")
                choices = _choices(choice_lists[ref], file, f"choice_lists.{ref}")
            else:
                choices = _choices(q.get("choices", []), file, f"{qwhere}.choices")
            from_table = bool(q.get("choices_from_score_table", False))
            if qtype in ("choice", "multi_choice") and not choices and not from_table:
                raise FormDefinitionError(file, qwhere, "câu hỏi lựa chọn phải có danh sách lựa chọn")
            if qtype == "choice" and "default" in q and q["default"] not in {c.value for c in choices}:
                raise FormDefinitionError(file, f"{qwhere}.default", "giá trị mặc định không có trong lựa chọn")
            verified = q.get("verified", True)
            if not isinstance(verified, bool):
                raise FormDefinitionError(file, f"{qwhere}.verified", "phải là true hoặc false")
            source = q.get("source", "")
            if not verified and not (isinstance(source, str) and source.strip()):
                raise FormDefinitionError(file, f"{qwhere}.source", "câu hỏi chưa xác minh phải ghi nguồn")
            questions.append(Question(
                id=qid, section=sec_id, scope=scope, type=qtype,
                label_vi=require(q, "label_vi", str, file, qwhere),
                label_en=require(q, "label_en", str, file, qwhere),
                help_vi=q.get("help_vi", ""), required=bool(q.get("required", False)),
                choices=choices, choices_from_score_table=from_table,
                show_if=_conditions(q.get("show_if"), file, f"{qwhere}.show_if"),
                minimum=q.get("min"), maximum=q.get("max"), max_length=q.get("max_length"),
                pattern=q.get("pattern"), not_in_future=bool(q.get("not_in_future", False)),
                min_date=q.get("min_date"), default=q.get("default"), verified=verified, source=source,
            ))
            if questions[-1].pattern is not None:
                try:
                    re.compile(questions[-1].pattern)
                except re.error as exc:
                    raise FormDefinitionError(file, f"{qwhere}.pattern", f"biểu thức sai: {exc}") from exc
        sections.append(Section(sec_id, scope, require(sec, "title_vi", str, file, where),
                                require(sec, "title_en", str, file, where), tuple(questions),
                                _conditions(sec.get("show_if"), file, f"{where}.show_if")))
    # Skip logic may only point at questions that exist, so a typo cannot hide a question forever.
    for sec in sections:
        for cond in sec.show_if + tuple(c for q in sec.questions for c in q.show_if):
            if cond.question is not None and cond.question not in seen_ids:
                raise FormDefinitionError(file, f"{sec.id}.show_if", f"câu hỏi '{cond.question}' không tồn tại")
    return Questionnaire(
        id=require(data, "id", str, file), version=require(data, "version", int, file),
        title_vi=require(data, "title_vi", str, file), title_en=require(data, "title_en", str, file),
        source=data.get("source", ""), sections=tuple(sections), sha256=digest,
    )


@cache
def default_questionnaire() -> Questionnaire:
    return load_questionnaire()
