"""The rule kinds an indicator can use — each kind's logic once, parameterised by the standard file.

A standard names a rule kind per indicator (``rule = "member_any"``) and gives its parameters. Here each
kind validates its parameters against the questionnaire and compiles them into a ``CompiledRule``:

- ``evaluate(facts) -> (deprived, evidence)``: the decision. ``deprived`` is True, False or None
  (unknown: a needed answer is missing — never silently "not deprived"); ``evidence`` is what decided
  (member indexes, counts, the answer), cheap to collect.
- ``describe(facts, deprived, evidence) -> str``: the Vietnamese reason, naming the member and the value
  that decided. Bulk work (reclassifying a commune) needs only the decision, so text is made on demand.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ngheo_desktop.errors import FormDefinitionError

if TYPE_CHECKING:
    from ngheo_desktop.criteria.questionnaire import Questionnaire
    from ngheo_desktop.criteria.standards import Indicator, Param

Verdict = tuple[bool | None, Any]
NO_MEMBERS = "Hộ chưa có thành viên"


@dataclass(slots=True)
class HouseholdFacts:
    """What the rules read: answers, members, and each member's age at the review date."""

    answers: dict[str, Any]
    members: list[dict[str, Any]]
    ages: list[int | None]


@dataclass(frozen=True, slots=True)
class CompiledRule:
    evaluate: Callable[[HouseholdFacts], Verdict]
    describe: Callable[[HouseholdFacts, bool | None, Any], str]


def _fmt_values(question, values) -> str:
    return "; ".join(_fmt_value(question, v) for v in values)


def _fmt_value(question, value) -> str:
    if isinstance(value, bool):
        return "có" if value else "không"
    return question.choice_label(value) if question.choices else str(value)


def _age_range_vi(lo: int | None, hi: int | None) -> str:
    if lo is not None and hi is not None:
        return f"từ {lo} đến {hi} tuổi"
    if lo is not None:
        return f"từ {lo} tuổi trở lên"
    if hi is not None:
        return f"dưới {hi + 1} tuổi"
    return "mọi độ tuổi"


def _lower_first(text: str) -> str:
    """A label in the middle of a sentence: ``Có thẻ bảo hiểm y tế`` → ``có thẻ bảo hiểm y tế`` (``BHYT`` stays)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _who(facts: HouseholdFacts, i: int) -> str:
    age = facts.ages[i]
    name = facts.members[i].get("full_name") or f"Thành viên số {i + 1}"
    return f"{name} ({age} tuổi)" if age is not None else f"{name} (chưa rõ tuổi)"


def _unknown_list(items: list[str]) -> str:
    shown = ", ".join(items[:3])
    return shown + (f" và {len(items) - 3} người khác" if len(items) > 3 else "")


class RuleKind:
    """Base: the parameters a kind needs, their validation, and compilation into an evaluator."""

    required: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()

    def validate(self, params: dict[str, Param], questionnaire: Questionnaire, file: str, ind: str) -> None:
        for name in self.required:
            if name not in params:
                raise FormDefinitionError(file, f"{ind}.{name}", "thiếu tham số bắt buộc của quy tắc")
        for name in params:
            if name not in self.required and name not in self.optional:
                raise FormDefinitionError(file, f"{ind}.{name}", "tham số không dùng đến trong quy tắc này")
        self.check(params, questionnaire, file, ind)

    def check(self, params, questionnaire, file, ind) -> None:
        """Kind-specific checks; raise FormDefinitionError on a bad parameter."""

    def compile(self, indicator: Indicator, questionnaire: Questionnaire) -> CompiledRule:
        raise NotImplementedError

    def inputs(self, params: dict[str, Param]) -> list[tuple[str, int | None, int | None]]:
        """The questions this rule reads, each with the member age range it reads it for (None: any)."""
        raise NotImplementedError


def _question(questionnaire, params, name, file, ind, scope):
    qid = params[name].value
    q = questionnaire.questions.get(qid) if isinstance(qid, str) else None
    if q is None:
        raise FormDefinitionError(file, f"{ind}.{name}", f"câu hỏi '{qid}' không có trong phiếu rà soát")
    if q.scope != scope:
        raise FormDefinitionError(file, f"{ind}.{name}", f"câu hỏi '{qid}' phải thuộc phạm vi {scope}")
    return q


def _check_values(question, values, file, key) -> None:
    """Every value a rule compares with must be one the question can actually produce."""
    if not isinstance(values, list) or not values:
        raise FormDefinitionError(file, key, "phải là danh sách không rỗng")
    for v in values:
        if question.type == "boolean":
            ok = isinstance(v, bool)
        elif question.type in ("choice", "multi_choice"):
            ok = v in question.choice_values
        else:
            ok = True
        if not ok:
            raise FormDefinitionError(file, key, f"giá trị '{v}' không phải là câu trả lời hợp lệ của '{question.id}'")


def _age_param(params, name, file, ind) -> int | None:
    if name not in params:
        return None
    v = params[name].value
    if isinstance(v, bool) or not isinstance(v, int) or not 0 <= v <= 130:
        raise FormDefinitionError(file, f"{ind}.{name}", "tuổi phải là số nguyên từ 0 đến 130")
    return v


class MemberAny(RuleKind):
    """Deprived when at least one member in the age range has a deprived value of a member question."""

    required = ("field", "deprived_values")
    optional = ("min_age", "max_age")

    def check(self, params, questionnaire, file, ind):
        q = _question(questionnaire, params, "field", file, ind, "member")
        _check_values(q, params["deprived_values"].value, file, f"{ind}.deprived_values")
        _age_param(params, "min_age", file, ind)
        _age_param(params, "max_age", file, ind)

    def compile(self, indicator, questionnaire):
        p = indicator.params
        q = questionnaire.question(p["field"].value)
        field_id = q.id
        lo = p["min_age"].value if "min_age" in p else None
        hi = p["max_age"].value if "max_age" in p else None
        bad = frozenset(p["deprived_values"].value)
        scope_vi = _age_range_vi(lo, hi)
        # Said of the members the rule looks at, so it cannot be read as "the household has none of them":
        # "Không có thành viên nào dưới 16 tuổi bị suy dinh dưỡng …" (the label says what holds of a member).
        ages = "" if lo is None and hi is None else f" {scope_vi}"
        said = _lower_first(q.label_vi)
        if q.type == "boolean" and bad == {False}:
            none_reason = f"Mọi thành viên{ages} {said}"
        elif q.type == "boolean":
            none_reason = f"Không có thành viên nào{ages} {said}"
        else:
            values = " hoặc ".join(_lower_first(c.label_vi) for c in q.choices if c.value in bad)
            none_reason = f"Không có thành viên nào{ages} có {said} là {values}"
        no_one = f"Hộ không có thành viên {scope_vi}"
        lo_ = -1 if lo is None else lo
        hi_ = 999 if hi is None else hi

        def evaluate(facts: HouseholdFacts) -> Verdict:
            members = facts.members
            if not members:
                return None, None
            deprived: list[int] = []
            unknown: list[int] = []
            in_scope = False
            for i, age in enumerate(facts.ages):
                if age is None:
                    value = members[i].get(field_id)
                    if value is None or value in bad:
                        unknown.append(i)
                elif lo_ <= age <= hi_:  # most members are out of an indicator's age range: test that first
                    in_scope = True
                    value = members[i].get(field_id)
                    if value is None:
                        unknown.append(i)
                    elif value in bad:
                        deprived.append(i)
            if deprived:
                return True, deprived
            if unknown:
                return None, unknown
            return False, in_scope

        def describe(facts: HouseholdFacts, deprived: bool | None, evidence: Any) -> str:
            if deprived:
                return f"{q.label_vi} — " + "; ".join(
                    f"{_who(facts, i)}: {_fmt_value(q, facts.members[i][field_id])}" for i in evidence)
            if deprived is None:
                if evidence is None:
                    return NO_MEMBERS
                return f"Chưa có câu trả lời '{q.label_vi}' của {_unknown_list([_who(facts, i) for i in evidence])}"
            return none_reason if evidence else no_one

        return CompiledRule(evaluate, describe)

    def inputs(self, params):
        lo = params["min_age"].value if "min_age" in params else None
        hi = params["max_age"].value if "max_age" in params else None
        return [(params["field"].value, lo, hi)]


class MemberAgeBands(RuleKind):
    """Deprived when a member in an age band, not exempt, lacks the education level that band expects."""

    required = ("bands", "level_field", "exempt_field")

    def check(self, params, questionnaire, file, ind):
        level_q = _question(questionnaire, params, "level_field", file, ind, "member")
        _question(questionnaire, params, "exempt_field", file, ind, "member")
        bands = params["bands"].value
        if not isinstance(bands, list) or not bands:
            raise FormDefinitionError(file, f"{ind}.bands", "phải là danh sách nhóm tuổi không rỗng")
        for i, band in enumerate(bands):
            key = f"{ind}.bands[{i}]"
            if not isinstance(band, dict) or not {"min_age", "max_age", "accepted", "expected_vi"} <= band.keys():
                raise FormDefinitionError(file, key, "mỗi nhóm cần min_age, max_age, accepted, expected_vi")
            if band["min_age"] > band["max_age"]:
                raise FormDefinitionError(file, key, "min_age lớn hơn max_age")
            _check_values(level_q, band["accepted"], file, f"{key}.accepted")

    def compile(self, indicator, questionnaire):
        p = indicator.params
        level_q = questionnaire.question(p["level_field"].value)
        exempt_q = questionnaire.question(p["exempt_field"].value)
        level_id, exempt_id = level_q.id, exempt_q.id
        bands = [(b["min_age"], b["max_age"], frozenset(b["accepted"]), b["expected_vi"]) for b in p["bands"].value]
        lo_all = min(b[0] for b in bands)
        hi_all = max(b[1] for b in bands)
        none_reason = "Mọi thành viên " + _age_range_vi(lo_all, hi_all) + " đang đi học hoặc đạt trình độ theo độ tuổi"
        no_one = f"Hộ không có thành viên {_age_range_vi(lo_all, hi_all)}"

        def evaluate(facts: HouseholdFacts) -> Verdict:
            members = facts.members
            if not members:
                return None, None
            deprived: list[tuple[int, str]] = []
            unknown: list[int] = []
            in_scope = False
            for i, age in enumerate(facts.ages):
                if age is None:
                    unknown.append(i)
                    continue
                if age < lo_all or age > hi_all:
                    continue
                member = members[i]
                for lo, hi, accepted, expected in bands:
                    if lo <= age <= hi:
                        in_scope = True
                        exempt = member.get(exempt_id)
                        if exempt is True:
                            break
                        level = member.get(level_id)
                        if level is None or (level not in accepted and exempt is None):
                            unknown.append(i)
                        elif level not in accepted:
                            deprived.append((i, expected))
                        break
            if deprived:
                return True, deprived
            if unknown:
                return None, unknown
            return False, in_scope

        def describe(facts: HouseholdFacts, deprived: bool | None, evidence: Any) -> str:
            if deprived:
                return "; ".join(f"{_who(facts, i)}: {_fmt_value(level_q, facts.members[i][level_id])}, "
                                 f"không đi học, cần {expected}" for i, expected in evidence)
            if deprived is None:
                if evidence is None:
                    return NO_MEMBERS
                return f"Chưa đủ thông tin học vấn của {_unknown_list([_who(facts, i) for i in evidence])}"
            return none_reason if evidence else no_one

        return CompiledRule(evaluate, describe)

    def inputs(self, params):
        bands = params["bands"].value
        lo, hi = min(b["min_age"] for b in bands), max(b["max_age"] for b in bands)
        return [(params["level_field"].value, lo, hi), (params["exempt_field"].value, lo, hi),
                ("birth_date", None, None)]


class DependencyRatio(RuleKind):
    """Deprived when dependants (children, elderly, severely disabled) are more than a share of members."""

    required = ("child_age_below", "elderly_age_from", "dependent_disability", "max_share")

    def check(self, params, questionnaire, file, ind):
        _age_param(params, "child_age_below", file, ind)
        _age_param(params, "elderly_age_from", file, ind)
        share = params["max_share"].value
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 < share < 1:
            raise FormDefinitionError(file, f"{ind}.max_share", "tỉ lệ phải nằm giữa 0 và 1")
        if "disability" not in questionnaire.questions:
            raise FormDefinitionError(file, f"{ind}.dependent_disability", "phiếu không có câu hỏi 'disability'")
        _check_values(questionnaire.question("disability"), params["dependent_disability"].value,
                      file, f"{ind}.dependent_disability")

    def compile(self, indicator, questionnaire):
        p = indicator.params
        child_below = p["child_age_below"].value
        elderly_from = p["elderly_age_from"].value
        disabled = frozenset(p["dependent_disability"].value)
        share = p["max_share"].value
        share_vi = f"{share:.0%}".replace(".", ",")

        def evaluate(facts: HouseholdFacts) -> Verdict:
            n = len(facts.members)
            if n == 0:
                return None, None
            dependants = unknown = 0
            for i, member in enumerate(facts.members):
                age = facts.ages[i]
                if age is not None and (age < child_below or age >= elderly_from):
                    dependants += 1
                    continue
                disability = member.get("disability")
                if disability in disabled:
                    dependants += 1
                elif age is None or disability is None:
                    unknown += 1
            if dependants > share * n:
                return True, (dependants, unknown, n)
            if dependants + unknown > share * n:
                return None, (dependants, unknown, n)
            return False, (dependants, unknown, n)

        def describe(facts: HouseholdFacts, deprived: bool | None, evidence: Any) -> str:
            if evidence is None:
                return NO_MEMBERS
            dependants, unknown, n = evidence
            counted = f"{dependants}/{n} thành viên là người phụ thuộc"
            if deprived:
                return f"{counted} (trên {share_vi})"
            if deprived is None:
                return f"{counted}, {unknown} người chưa rõ tuổi hoặc tình trạng khuyết tật"
            return f"{counted} (không quá {share_vi})"

        return CompiledRule(evaluate, describe)

    def inputs(self, params):
        return [("birth_date", None, None), ("disability", None, None)]


class CountInSet(RuleKind):
    """Deprived when at least ``min_count`` of the listed household answers are among ``values``."""

    required = ("questions", "values", "min_count")

    def check(self, params, questionnaire, file, ind):
        qids = params["questions"].value
        if not isinstance(qids, list) or not qids:
            raise FormDefinitionError(file, f"{ind}.questions", "phải là danh sách câu hỏi")
        for qid in qids:
            q = questionnaire.questions.get(qid)
            if q is None or q.scope != "household":
                raise FormDefinitionError(file, f"{ind}.questions", f"câu hỏi hộ '{qid}' không có trong phiếu")
            _check_values(q, params["values"].value, file, f"{ind}.values")
        n = params["min_count"].value
        if isinstance(n, bool) or not isinstance(n, int) or not 1 <= n <= len(qids):
            raise FormDefinitionError(file, f"{ind}.min_count", "phải từ 1 đến số câu hỏi")

    def compile(self, indicator, questionnaire):
        p = indicator.params
        questions = [questionnaire.question(qid) for qid in p["questions"].value]
        values = frozenset(p["values"].value)
        need = p["min_count"].value
        total = len(questions)

        qids = [q.id for q in questions]

        def evaluate(facts: HouseholdFacts) -> Verdict:
            answers = facts.answers
            hits = missing = 0
            for qid in qids:
                v = answers.get(qid)
                if v is None:
                    missing += 1
                elif v in values:
                    hits += 1
            if hits >= need:
                return True, hits
            return (None if hits + missing >= need else False), hits

        def describe(facts: HouseholdFacts, deprived: bool | None, evidence: Any) -> str:
            answers = facts.answers
            if deprived:
                return f"{evidence}/{total} kết cấu chính không đạt — " + "; ".join(
                    f"{q.label_vi}: {_fmt_value(q, answers[q.id])}" for q in questions if answers.get(q.id) in values)
            if deprived is None:
                return "Chưa có câu trả lời: " + ", ".join(q.label_vi for q in questions if answers.get(q.id) is None)
            return f"{evidence}/{total} kết cấu chính không đạt (cần từ {need} trở lên để thiếu hụt)"

        return CompiledRule(evaluate, describe)

    def inputs(self, params):
        return [(qid, None, None) for qid in params["questions"].value]


class PerCapitaBelow(RuleKind):
    """Deprived when a household quantity divided by the number of members is below a threshold."""

    required = ("question", "threshold", "unit")

    def check(self, params, questionnaire, file, ind):
        q = _question(questionnaire, params, "question", file, ind, "household")
        if q.type not in ("number", "integer"):
            raise FormDefinitionError(file, f"{ind}.question", "câu hỏi phải là kiểu số")
        t = params["threshold"].value
        if isinstance(t, bool) or not isinstance(t, int | float) or t <= 0:
            raise FormDefinitionError(file, f"{ind}.threshold", "ngưỡng phải là số dương")

    def compile(self, indicator, questionnaire):
        p = indicator.params
        q = questionnaire.question(p["question"].value)
        threshold = p["threshold"].value
        unit = p["unit"].value
        t_vi = f"{threshold:g}".replace(".", ",")

        qid = q.id

        def evaluate(facts: HouseholdFacts) -> Verdict:
            value = facts.answers.get(qid)
            n = len(facts.members)
            if value is None or n == 0:
                return None, value
            # Compare value < threshold × n, not value / n < threshold: exact at the boundary.
            return value < threshold * n, value

        def describe(facts: HouseholdFacts, deprived: bool | None, value: Any) -> str:
            n = len(facts.members)
            if value is None:
                return f"Chưa có câu trả lời '{q.label_vi}'"
            if n == 0:
                return NO_MEMBERS
            per_head = f"{value / n:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            text = f"{per_head} {unit}/người ({value:g} {unit} cho {n} người)".replace(".", ",")
            return f"{text}, {'dưới' if deprived else 'không dưới'} {t_vi} {unit}/người"

        return CompiledRule(evaluate, describe)

    def inputs(self, params):
        return [(params["question"].value, None, None)]


class SingleAnswer(RuleKind):
    """Base of the rules that read one household answer: a missing answer is unknown, never "not deprived".

    A subclass says how a present answer decides (``is_deprived``) and how the reason reads (``says``).
    """

    def inputs(self, params):
        return [(params["question"].value, None, None)]

    def compile(self, indicator, questionnaire):
        q = questionnaire.question(indicator.params["question"].value)
        qid = q.id
        is_deprived = self.decider(indicator.params)
        says = self.sayer(indicator.params, q)

        def evaluate(facts: HouseholdFacts) -> Verdict:
            value = facts.answers.get(qid)
            if value is None:
                return None, None
            return is_deprived(value), value

        def describe(facts: HouseholdFacts, deprived: bool | None, value: Any) -> str:
            if deprived is None:
                return f"Chưa có câu trả lời '{q.label_vi}'"
            return says(value, deprived)

        return CompiledRule(evaluate, describe)

    def decider(self, params) -> Callable[[Any], bool]:
        raise NotImplementedError

    def sayer(self, params, q) -> Callable[[Any, bool], str]:
        raise NotImplementedError


class AnswerNotIn(SingleAnswer):
    """Deprived when a household answer is not one of the accepted values."""

    required = ("question", "accepted")

    def check(self, params, questionnaire, file, ind):
        q = _question(questionnaire, params, "question", file, ind, "household")
        _check_values(q, params["accepted"].value, file, f"{ind}.accepted")

    def decider(self, params):
        accepted = frozenset(params["accepted"].value)
        return lambda value: value not in accepted

    def sayer(self, params, q):
        return lambda value, deprived: f"{q.label_vi}: {_fmt_value(q, value)} ({'không đạt' if deprived else 'đạt'})"


class AnswerIs(SingleAnswer):
    """Deprived when a household answer equals the deprived value."""

    required = ("question", "deprived_value")

    def check(self, params, questionnaire, file, ind):
        q = _question(questionnaire, params, "question", file, ind, "household")
        _check_values(q, [params["deprived_value"].value], file, f"{ind}.deprived_value")

    def decider(self, params):
        bad = params["deprived_value"].value
        return lambda value: value == bad

    def sayer(self, params, q):
        return lambda value, _deprived: f"{q.label_vi}: {_fmt_value(q, value)}"


class NoneOf(SingleAnswer):
    """Deprived when a multi-choice answer contains none of the listed values."""

    required = ("question", "listed")

    def check(self, params, questionnaire, file, ind):
        q = _question(questionnaire, params, "question", file, ind, "household")
        if q.type != "multi_choice":
            raise FormDefinitionError(file, f"{ind}.question", "câu hỏi phải là nhiều lựa chọn")
        _check_values(q, params["listed"].value, file, f"{ind}.listed")

    def decider(self, params):
        listed = frozenset(params["listed"].value)
        return listed.isdisjoint

    def sayer(self, params, q):
        listed = frozenset(params["listed"].value)
        listed_vi = _fmt_values(q, [c.value for c in q.choices if c.value in listed])

        def says(value, deprived):
            if deprived:
                return f"Không có phương tiện nào trong danh sách ({listed_vi})"
            return "Có: " + _fmt_values(q, [v for v in value if v in listed])

        return says


RULE_KINDS: dict[str, RuleKind] = {
    "member_any": MemberAny(),
    "member_age_bands": MemberAgeBands(),
    "dependency_ratio": DependencyRatio(),
    "count_in_set": CountInSet(),
    "per_capita_below": PerCapitaBelow(),
    "answer_not_in": AnswerNotIn(),
    "answer_is": AnswerIs(),
    "none_of": NoneOf(),
}
