"""The fixed words of the rules: the classes a household can get, areas and review kinds.

Kept apart from the rules themselves so the register can open, list and sort households without loading
a standard or the questionnaire (start-up imports this, not the rules core).
"""

from __future__ import annotations

CLASS_ORDER = ("poor", "near_poor", "average_living", "above_poverty_line", "above_average_living")
CLASS_VI = {
    "poor": "Hộ nghèo",
    "near_poor": "Hộ cận nghèo",
    "average_living": "Hộ có mức sống trung bình",
    "above_average_living": "Hộ trên mức sống trung bình",
    "above_poverty_line": "Hộ trên chuẩn nghèo",
    None: "Chưa xác định",
}
AREAS = ("rural", "urban")
AREA_VI = {"rural": "nông thôn", "urban": "thành thị"}
REVIEW_KINDS = ("periodic", "regular")
REVIEW_KIND_VI = {"periodic": "định kỳ", "regular": "thường xuyên"}


def poverty_rank(klass: str | None) -> int:
    """0 for poor … 4 for above average; a larger rank is never poorer."""
    return CLASS_ORDER.index(klass) if klass in CLASS_ORDER else len(CLASS_ORDER)
