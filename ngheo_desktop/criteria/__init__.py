"""Pure rules: standards and questionnaire as data, household validation, explainable classification.

No Qt and no SQL here (a test checks it). Everything the law fixes — lines, ages, thresholds, lists —
comes from forms/; this package only knows the *kinds* of rule.

The names below are importable from the package, but each submodule loads on first use (PEP 562
``__getattr__``): the desktop app lists a register with ``criteria.vocabulary`` alone and loads the
questionnaire and standards only when a household is opened or assessed.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "classification": ("Classifier", "classifier_for", "classify", "result_json", "standard_for"),
    "household": ("dump_json", "load_household_json", "parse_household", "year_under_review"),
    "questionnaire": ("Questionnaire", "default_questionnaire", "load_questionnaire"),
    "standards": ("Standard", "StandardRegistry", "default_registry", "first_review_day", "review_year"),
    "vocabulary": ("CLASS_ORDER", "CLASS_VI", "poverty_rank"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}

__all__ = sorted(_MODULE_OF)


def __getattr__(name: str) -> Any:
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

