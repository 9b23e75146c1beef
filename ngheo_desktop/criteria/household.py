"""The household document (format ``ngheo.household`` v1): validation, NFC normalisation, ages.

The format is described by forms/schema/household.schema.json; answers are checked here against the
questionnaire (types, choices, ranges, dates, 12-digit citizen ID numbers). The database, the sheets and
the bundles all carry this same document, so it is validated once on the way in and trusted after.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import uuid
from typing import Any

from ngheo_desktop.criteria.questionnaire import Question, Questionnaire, default_questionnaire
from ngheo_desktop.criteria.standards import regions, review_year
from ngheo_desktop.criteria.vocabulary import AREAS, REVIEW_KINDS
from ngheo_desktop.errors import InvalidHousehold
from ngheo_desktop.text import nfc_deep

FORMAT = "ngheo.household"
FORMAT_VERSION = 1
MAX_AGE = 130
_CITIZEN_ID = re.compile(r"^[0-9]{12}$")
_TOP_KEYS = {"format", "format_version", "household_id", "record_version", "location", "review", "answers", "members"}
_LOCATION_KEYS = {"province", "commune", "village", "village_id", "area", "region"}


def parse_date(value: Any, field: str) -> dt.date:
    if not isinstance(value, str):
        raise InvalidHousehold(field, "ngày phải là chuỗi dạng YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InvalidHousehold(field, f"'{value}' không phải ngày hợp lệ (YYYY-MM-DD)") from None


def age_on(birth: dt.date, on: dt.date) -> int:
    """Age in completed years on a given day."""
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def member_age(member: dict[str, Any], review_date: dt.date) -> int | None:
    birth = member.get("birth_date")
    if not birth:
        return None
    return age_on(dt.date.fromisoformat(birth), review_date)


def member_name(member: dict[str, Any], index: int) -> str:
    return member.get("full_name") or f"Thành viên số {index + 1}"


def is_uuid(value: Any) -> bool:
    """A UUID in its canonical 36-character text form (the ids of households, members and records)."""
    if not isinstance(value, str) or len(value) != 36:
        return False
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


class _Bad(Exception):
    """An answer is invalid; the caller adds where it is (built only on failure: validation is hot)."""


def _check_answer(q: Question, value: Any, review_date: dt.date, today: dt.date) -> None:
    if value is None:
        return
    t = q.type
    if t in ("text", "citizen_id"):
        if not isinstance(value, str):
            raise _Bad("phải là chuỗi ký tự")
        if t == "citizen_id" and not _CITIZEN_ID.match(value):
            raise _Bad("số định danh cá nhân phải gồm đúng 12 chữ số")
        if q.max_length is not None and len(value) > q.max_length:
            raise _Bad(f"dài quá {q.max_length} ký tự")
        if q.pattern is not None and not re.match(q.pattern, value):
            raise _Bad("không đúng định dạng")
    elif t in ("integer", "money", "number"):
        allowed = (int, float) if t == "number" else (int,)
        if isinstance(value, bool) or not isinstance(value, allowed):
            raise _Bad("phải là số" + (" nguyên" if t != "number" else ""))
        if value != value or value in (float("inf"), float("-inf")):
            raise _Bad("phải là số hữu hạn")
        if q.minimum is not None and value < q.minimum:
            raise _Bad(f"không được nhỏ hơn {q.minimum:g}")
        if q.maximum is not None and value > q.maximum:
            raise _Bad(f"không được lớn hơn {q.maximum:g}")
    elif t == "boolean":
        if not isinstance(value, bool):
            raise _Bad("phải là true hoặc false")
    elif t == "choice":
        if not isinstance(value, str) or value not in q.choice_values:
            raise _Bad(f"'{value}' không phải lựa chọn hợp lệ")
    elif t == "multi_choice":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Bad("phải là danh sách lựa chọn")
        if len(set(value)) != len(value):
            raise _Bad("lựa chọn bị trùng")
        if not q.choices_from_score_table:
            for v in value:
                if v not in q.choice_values:
                    raise _Bad(f"'{v}' không phải lựa chọn hợp lệ")
    elif t == "date":
        try:
            d = dt.date.fromisoformat(value) if isinstance(value, str) else None
        except ValueError:
            d = None
        if d is None:
            raise _Bad(f"'{value}' không phải ngày hợp lệ (YYYY-MM-DD)")
        if q.min_date and d < dt.date.fromisoformat(q.min_date):
            raise _Bad(f"ngày trước {q.min_date}")
        if q.not_in_future and (d > today or d > review_date):
            raise _Bad("ngày không được sau ngày rà soát hoặc ở tương lai")


def parse_household(raw: Any, questionnaire: Questionnaire | None = None,
                    today: dt.date | None = None) -> dict[str, Any]:
    """Validate a household document and return it NFC-normalised. Raises InvalidHousehold."""
    questionnaire = questionnaire or default_questionnaire()
    today = today or dt.date.today()
    if not isinstance(raw, dict):
        raise InvalidHousehold("$", "tài liệu hộ phải là một đối tượng JSON")
    doc = nfc_deep(raw)
    extra = set(doc) - _TOP_KEYS
    if extra:
        raise InvalidHousehold(sorted(extra)[0], "trường không có trong định dạng hộ")
    for key in sorted(_TOP_KEYS):
        if key not in doc:
            raise InvalidHousehold(key, "thiếu trường bắt buộc")
    if doc["format"] != FORMAT:
        raise InvalidHousehold("format", f"phải là '{FORMAT}'")
    if doc["format_version"] != FORMAT_VERSION or isinstance(doc["format_version"], bool):
        raise InvalidHousehold("format_version", f"phiên bản {doc['format_version']!r} không được hỗ trợ")
    if not is_uuid(doc["household_id"]):
        raise InvalidHousehold("household_id", "phải là UUID")
    rv = doc["record_version"]
    if isinstance(rv, bool) or not isinstance(rv, int) or rv < 1:
        raise InvalidHousehold("record_version", "phải là số nguyên từ 1")

    loc = doc["location"]
    if not isinstance(loc, dict):
        raise InvalidHousehold("location", "phải là một đối tượng")
    if set(loc) - _LOCATION_KEYS:
        raise InvalidHousehold(f"location.{sorted(set(loc) - _LOCATION_KEYS)[0]}", "trường không có trong định dạng")
    if loc.get("area") not in AREAS:
        raise InvalidHousehold("location.area", "phải là 'rural' (nông thôn) hoặc 'urban' (thành thị)")
    if loc.get("region") is not None and loc["region"] not in regions():
        raise InvalidHousehold("location.region", f"vùng '{loc['region']}' không có trong danh mục")
    for key in ("province", "commune", "village", "village_id"):
        if loc.get(key) is not None and not isinstance(loc[key], str):
            raise InvalidHousehold(f"location.{key}", "phải là chuỗi ký tự")

    review = doc["review"]
    if not isinstance(review, dict):
        raise InvalidHousehold("review", "phải là một đối tượng")
    if set(review) - {"date", "kind", "year"}:
        raise InvalidHousehold(f"review.{sorted(set(review) - {'date', 'kind', 'year'})[0]}",
                               "trường không có trong định dạng")
    review_date = parse_date(review.get("date"), "review.date")
    if review_date > today:
        raise InvalidHousehold("review.date", "ngày rà soát ở tương lai")
    if review.get("kind") not in REVIEW_KINDS:
        raise InvalidHousehold("review.kind", "phải là 'periodic' (định kỳ) hoặc 'regular' (thường xuyên)")
    if "year" in review:
        year = review["year"]
        if isinstance(year, bool) or not isinstance(year, int) or not review_date.year <= year <= review_date.year + 1:
            raise InvalidHousehold("review.year", "năm rà soát phải là năm của ngày rà soát hoặc năm sau")

    answers = doc["answers"]
    if not isinstance(answers, dict):
        raise InvalidHousehold("answers", "phải là một đối tượng")
    questions = questionnaire.questions
    for qid, value in answers.items():
        q = questions.get(qid)
        if q is None or q.scope != "household":
            raise InvalidHousehold(f"answers.{qid}", "câu hỏi không có trong phiếu rà soát (phạm vi hộ)")
        try:
            _check_answer(q, value, review_date, today)
        except _Bad as bad:
            raise InvalidHousehold(f"answers.{qid}", str(bad)) from None

    members = doc["members"]
    if not isinstance(members, list):
        raise InvalidHousehold("members", "phải là danh sách")
    seen_members: set[str] = set()
    seen_ids: dict[str, int] = {}
    for i, member in enumerate(members):
        where = f"members[{i}]"
        if not isinstance(member, dict):
            raise InvalidHousehold(where, "mỗi thành viên phải là một đối tượng")
        mid = member.get("member_id")
        if not is_uuid(mid):
            raise InvalidHousehold(f"{where}.member_id", "phải là UUID")
        if mid in seen_members:
            raise InvalidHousehold(f"{where}.member_id", "trùng với thành viên khác")
        seen_members.add(mid)
        for qid, value in member.items():
            if qid == "member_id":
                continue
            q = questions.get(qid)
            if q is None or q.scope != "member":
                raise InvalidHousehold(f"{where}.{qid}", "câu hỏi không có trong phiếu rà soát (phạm vi thành viên)")
            try:
                _check_answer(q, value, review_date, today)
            except _Bad as bad:
                raise InvalidHousehold(f"{where}.{qid}", str(bad)) from None
        if member.get("birth_date"):
            age = age_on(dt.date.fromisoformat(member["birth_date"]), review_date)
            if age > MAX_AGE:
                raise InvalidHousehold(f"{where}.birth_date", f"tuổi {age} không thể có")
        cid = member.get("citizen_id")
        if cid:
            if cid in seen_ids:
                raise InvalidHousehold(f"{where}.citizen_id",
                                       f"trùng số định danh với thành viên số {seen_ids[cid] + 1}")
            seen_ids[cid] = i
    return doc


def year_under_review(household: dict[str, Any]) -> int:
    review = household["review"]
    if "year" in review:
        return review["year"]
    return review_year(dt.date.fromisoformat(review["date"]), review["kind"])


def load_household_json(text: str | bytes, questionnaire: Questionnaire | None = None) -> dict[str, Any]:
    """Parse JSON text and validate it; a JSON syntax error names the line and column."""
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidHousehold("$", f"JSON sai cú pháp ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}") from None
    except UnicodeDecodeError:
        raise InvalidHousehold("$", "tệp không phải UTF-8") from None
    return parse_household(raw, questionnaire)


def dump_json(doc: Any) -> str:
    """The canonical JSON text: sorted keys, UTF-8 characters kept, stable separators."""
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=2) + "\n"
