"""Builders for household documents in tests: a comfortable, fully answered household by default.

Each test changes only what it is about, so a failing assertion points at one rule.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

# A regular review in mid-2026: the year under review is 2026 → the 2022-2025 standard.
REVIEW_DATE = "2026-06-15"


def birth_for_age(age: int, review_date: str = REVIEW_DATE, days_before_birthday: int = 0) -> str:
    """A birth date giving exactly ``age`` completed years on the review date.

    ``days_before_birthday`` > 0 moves the birthday later, so the member is still ``age - 1``.
    """
    review = dt.date.fromisoformat(review_date)
    try:
        birth = review.replace(year=review.year - age)
    except ValueError:  # 29 February
        birth = review.replace(year=review.year - age, day=28)
    return (birth + dt.timedelta(days=days_before_birthday)).isoformat()


def member(age: int | None = 40, name: str = "Nguyễn Văn An", review_date: str = REVIEW_DATE,
           **fields: Any) -> dict[str, Any]:
    """A member who is not deprived on any indicator for their age; ``fields`` override answers."""
    m: dict[str, Any] = {
        "member_id": str(uuid.uuid4()),
        "full_name": name,
        "relation": "head",
        "sex": "male",
        "ethnicity": "kinh",
        "disability": "none",
        "has_health_insurance": True,
    }
    if age is not None:
        m["birth_date"] = birth_for_age(age, review_date)
        if age >= 15:
            m.update(able_to_work=True, employment_status="wage_contract", education_level="upper_secondary")
        if 16 <= age <= 30:
            m["in_education"] = False
        if age <= 15:
            m["malnourished"] = False
        if 3 <= age <= 15:
            m["attending_school"] = True
    m.update(fields)
    return {k: v for k, v in m.items() if v is not None}


def household(members: list[dict[str, Any]] | None = None, *, area: str = "rural",
              review_date: str = REVIEW_DATE, kind: str = "regular",
              monthly_income_per_person: int | None = 5_000_000, **answers: Any) -> dict[str, Any]:
    """A fully answered household with no deprivation; ``answers`` override household answers."""
    members = members if members is not None else [member(40), member(38, "Trần Thị Bình", sex="female",
                                                                       relation="spouse")]
    base: dict[str, Any] = {
        "head_name": members[0].get("full_name", "Chủ hộ") if members else "Chủ hộ",
        "merit_household": False,
        "income_method": "worksheet",
        "housing_walls": "durable",
        "housing_frame": "durable",
        "housing_roof": "durable",
        "floor_area_m2": 20.0 * max(len(members), 1),
        "water_source": "piped",
        "latrine_type": "septic",
        "waste_disposal": "collected",
        "uses_telecom": True,
        "information_devices": ["tv", "smartphone"],
        "uses_digital_services": True,
        "income_business": 0,
        "income_other": 0,
        "income_agriculture": 0,
    }
    if monthly_income_per_person is not None:
        base["income_wages"] = monthly_income_per_person * 12 * max(len(members), 1)
    base.update(answers)
    return {
        "format": "ngheo.household",
        "format_version": 1,
        "household_id": str(uuid.uuid4()),
        "record_version": 1,
        "location": {"province": "Tỉnh Nghệ An", "commune": "Xã Quỳnh Thắng", "village": "Thôn Đồng Tâm",
                     "area": area, "region": "bac_trung_bo_duyen_hai_mien_trung"},
        "review": {"date": review_date, "kind": kind},
        "answers": {k: v for k, v in base.items() if v is not None},
        "members": members,
    }


def annual_total(h: dict[str, Any], monthly_per_person: int) -> int:
    return monthly_per_person * 12 * len(h["members"])


def indicator(result: dict[str, Any], indicator_id: str) -> dict[str, Any]:
    return next(i for i in result["indicators"] if i["id"] == indicator_id)
