"""The rules core's package exports load on first use (PEP 562): every name resolves, and a function never
comes back as the module of the same name."""

from __future__ import annotations

import importlib
import subprocess
import sys
import types

import ngheo_desktop.criteria as criteria


def test_every_exported_name_resolves():
    for name in criteria.__all__:
        assert getattr(criteria, name) is not None, name
    assert set(criteria.__all__) <= set(dir(criteria))


def test_classify_is_the_function_even_after_its_module_was_imported():
    importlib.import_module("ngheo_desktop.criteria.classification")
    from ngheo_desktop.criteria import classify

    assert callable(classify) and not isinstance(classify, types.ModuleType)


def test_the_store_and_the_register_list_without_loading_the_rules():
    """Opening and listing a register (the desktop app's first screen) leaves the questionnaire and the
    standards unloaded; they load with the first household opened or assessed."""
    code = ("import sys, ngheo_desktop.store, ngheo_desktop.services.register; "
            "print(sorted(m for m in sys.modules if m.startswith('ngheo_desktop.criteria')))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "questionnaire" not in loaded and "standards" not in loaded and "classification" not in loaded
