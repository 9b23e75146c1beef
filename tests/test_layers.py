"""The layer rule: the core packages never load Qt (checked in a fresh interpreter)."""

import subprocess
import sys

import pytest

CORE = ["ngheo_desktop.criteria", "ngheo_desktop.cli", "ngheo_desktop.sync", "ngheo_desktop.store",
        "ngheo_desktop.services", "ngheo_desktop.demo", "ngheo_desktop.reports", "ngheo_desktop.services.reports"]


@pytest.mark.parametrize("module", CORE)
def test_core_module_loads_no_qt(module):
    code = (
        "import importlib, sys\n"
        f"importlib.import_module({module!r})\n"
        "qt = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"{module} loaded Qt modules: {out.stdout.strip()}"
