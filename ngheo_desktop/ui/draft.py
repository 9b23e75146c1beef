"""The household document being edited: answers set one at a time, each validated by the rules core.

A ``HouseholdDraft`` wraps an ``ngheo.household`` document. Every answer goes through
``criteria.parse_household`` on a candidate copy, so the screens never hold a document the rules would
refuse; skip logic, completeness and the live result come from the same questionnaire and classifier
the CLI and the sheets use. No Qt here: the widgets drive it, the tests can too.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from ngheo_desktop.criteria import classify, parse_household
from ngheo_desktop.criteria.comments import comment_key, split_comment_key
from ngheo_desktop.criteria.household import age_on, member_name
from ngheo_desktop.criteria.questionnaire import Question, Questionnaire, Section, default_questionnaire
from ngheo_desktop.errors import InvalidHousehold, NgheoError


@dataclass(frozen=True)
class Missing:
    """A required question that is asked but not answered yet (``member_id`` None: household scope)."""

    section: str
    question: str
    member_id: str | None


def new_household_doc(location: dict[str, Any], review_date: dt.date | None = None,
                      kind: str = "periodic") -> dict[str, Any]:
    """An empty document for a household entered by hand; defaults come from the questionnaire."""
    answers = {q.id: q.default for q in default_questionnaire().questions.values()
               if q.scope == "household" and q.default is not None}
    return {
        "format": "ngheo.household", "format_version": 1, "household_id": str(uuid.uuid4()),
        "record_version": 1, "location": dict(location),
        "review": {"date": (review_date or dt.date.today()).isoformat(), "kind": kind},
        "answers": answers, "members": [],
    }


class HouseholdDraft:
    """``office_comments``: what the commune office said, per question id (or ``village_meeting``), when it
    returned the household for another review; shown beside the questions concerned."""

    def __init__(self, doc: dict[str, Any], questionnaire: Questionnaire | None = None,
                 today: dt.date | None = None, office_comments: dict[str, str] | None = None) -> None:
        self.questionnaire = questionnaire or default_questionnaire()
        self._today = today
        self.doc = parse_household(doc, self.questionnaire, today)
        self.office_comments = dict(office_comments or {})

    def comment_for(self, question_id: str, member_id: str | None = None) -> str | None:
        """The office's comment on a question (for a member's question: on that member's answer, or on
        the question for every member)."""
        return self.office_comments.get(comment_key(question_id, member_id)) or self.office_comments.get(question_id)

    def _commented_questions(self) -> set[str]:
        return {split_comment_key(key)[0] for key in self.office_comments}

    def sections_commented(self) -> set[str]:
        """Ids of the sections holding a question the office commented on."""
        commented = self._commented_questions()
        return {sec.id for sec in self.questionnaire.sections if any(q.id in commented for q in sec.questions)}

    def members_commented(self) -> set[str]:
        """Ids of the members whose answers the office commented on (every member, for a bare member question)."""
        everyone = any(self.questionnaire.scope_of(key) == "member" for key in self.office_comments)
        return {m["member_id"] for m in self.members
                if everyone or any(split_comment_key(key)[1] == m["member_id"] for key in self.office_comments)}

    def general_comments(self) -> dict[str, str]:
        """The office's comments that are not about one question (the village meeting's, for one)."""
        return {key: text for key, text in self.office_comments.items()
                if split_comment_key(key)[0] not in self.questionnaire.questions}

    def member_names(self) -> dict[str, str]:
        return {m["member_id"]: self.member_label(m["member_id"]) for m in self.members}

    # -- reading
    @property
    def answers(self) -> dict[str, Any]:
        return self.doc["answers"]

    @property
    def members(self) -> list[dict[str, Any]]:
        return self.doc["members"]

    @property
    def review_date(self) -> dt.date:
        return dt.date.fromisoformat(self.doc["review"]["date"])

    def member(self, member_id: str) -> dict[str, Any]:
        return self.members[self.member_index(member_id)]

    def member_index(self, member_id: str) -> int:
        for i, m in enumerate(self.members):
            if m["member_id"] == member_id:
                return i
        raise KeyError(member_id)

    def member_label(self, member_id: str) -> str:
        i = self.member_index(member_id)
        return member_name(self.members[i], i)

    def age(self, member: dict[str, Any]) -> int | None:
        birth = member.get("birth_date")
        return age_on(dt.date.fromisoformat(birth), self.review_date) if birth else None

    def value(self, question_id: str, member_id: str | None = None) -> Any:
        source = self.member(member_id) if member_id else self.answers
        return source.get(question_id)

    def is_asked(self, question: Question, member_id: str | None = None) -> bool:
        """Skip logic; a question whose condition cannot be told yet (age unknown) is shown."""
        if member_id is None:
            verdict = self.questionnaire.is_asked(question, self.answers)
        else:
            member = self.member(member_id)
            verdict = self.questionnaire.is_asked(question, self.answers, member, self.age(member))
        return verdict is not False

    def section_asked(self, section: Section) -> bool:
        """A household section is skipped when none of its questions is asked (e.g. the B1 score page)."""
        if section.scope == "member":
            return True
        return any(self.is_asked(q) for q in section.questions)

    def missing(self, section: Section | None = None) -> list[Missing]:
        sections = [section] if section else list(self.questionnaire.sections)
        out: list[Missing] = []
        for sec in sections:
            if sec.scope == "household":
                out += [Missing(sec.id, q.id, None) for q in sec.questions
                        if q.required and self.is_asked(q) and self.answers.get(q.id) is None]
            else:
                for m in self.members:
                    out += [Missing(sec.id, q.id, m["member_id"]) for q in sec.questions
                            if q.required and self.is_asked(q, m["member_id"]) and m.get(q.id) is None]
        return out

    def required_count(self) -> tuple[int, int]:
        """(answered, total) over required questions that are asked — the progress indicator."""
        total = answered = 0
        for sec in self.questionnaire.sections:
            targets = [None] if sec.scope == "household" else [m["member_id"] for m in self.members]
            for mid in targets:
                for q in sec.questions:
                    if q.required and self.is_asked(q, mid):
                        total += 1
                        answered += self.value(q.id, mid) is not None
        return answered, total

    def completion_problem(self) -> str | None:
        """Why the assessment cannot be completed yet, in Vietnamese; None when it can."""
        if not self.members:
            return "Hộ chưa có thành viên nào."
        missing = self.missing()
        if missing:
            return f"Còn {len(missing)} câu bắt buộc chưa trả lời."
        return None

    def result(self) -> dict[str, Any]:
        """The classification of the current answers; raises UnknownStandard when none applies."""
        return classify(self.doc)

    def live_result(self) -> dict[str, Any] | None:
        """The result for the live panel, or None when no standard applies to the review date."""
        try:
            return classify(self.doc)
        except NgheoError:
            return None

    # -- changing: each call validates the whole candidate document, then commits it
    def _commit(self, candidate: dict[str, Any]) -> None:
        self.doc = parse_household(candidate, self.questionnaire, self._today)

    def set_answer(self, question_id: str, value: Any, member_id: str | None = None) -> None:
        """Set (or clear, with None) one answer; raises InvalidHousehold and leaves the draft unchanged."""
        candidate = copy.deepcopy(self.doc)
        if member_id is None:
            target = candidate["answers"]
        else:
            index = self.member_index(member_id)
            target = candidate["members"][index]
            if question_id == "citizen_id" and value:
                for j, other in enumerate(candidate["members"]):
                    if j != index and other.get("citizen_id") == value:
                        raise InvalidHousehold(f"members[{index}].citizen_id",
                                               f"trùng số định danh với {member_name(other, j)}")
        if value is None:
            target.pop(question_id, None)
        else:
            target[question_id] = value
        self._commit(candidate)

    def add_member(self) -> str:
        member_id = str(uuid.uuid4())
        candidate = copy.deepcopy(self.doc)
        candidate["members"].append({"member_id": member_id})
        self._commit(candidate)
        return member_id

    def remove_member(self, member_id: str) -> None:
        candidate = copy.deepcopy(self.doc)
        del candidate["members"][self.member_index(member_id)]
        self._commit(candidate)
