"""The sync package is file formats and keys only: it never loads SQLite (the database side is store's)."""

import subprocess
import sys


def test_sync_package_loads_no_database_modules():
    code = ("import sys, ngheo_desktop.sync\n"
            "print(','.join(sorted(m for m in sys.modules if m.startswith(('sqlite', '_sqlite', 'PySide6')))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
