"""Running the ``ngheo`` command line inside a test, as a clerk would type it (imported by the CLI tests)."""

from __future__ import annotations

from ngheo_desktop.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of ``ngheo ARGV…``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
