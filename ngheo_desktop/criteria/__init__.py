"""Pure rules: standards and questionnaire as data, household validation, explainable classification.

No Qt and no SQL here (a test checks it). Everything the law fixes — lines, ages, thresholds, lists —
comes from forms/; this package only knows the *kinds* of rule.
"""

from ngheo_desktop.criteria.classify import (
    CLASS_ORDER,
    CLASS_VI,
    Classifier,
    classifier_for,
    classify,
    poverty_rank,
    result_json,
    standard_for,
)
from ngheo_desktop.criteria.household import dump_json, load_household_json, parse_household, year_under_review
from ngheo_desktop.criteria.questionnaire import Questionnaire, default_questionnaire, load_questionnaire
from ngheo_desktop.criteria.standards import Standard, StandardRegistry, default_registry, review_year

__all__ = [
    "CLASS_ORDER",
    "CLASS_VI",
    "Classifier",
    "Questionnaire",
    "Standard",
    "StandardRegistry",
    "classifier_for",
    "classify",
    "default_questionnaire",
    "default_registry",
    "dump_json",
    "load_household_json",
    "load_questionnaire",
    "parse_household",
    "poverty_rank",
    "result_json",
    "review_year",
    "standard_for",
    "year_under_review",
]
