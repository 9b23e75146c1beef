"""The ``ngheo`` command line: headless use cases for surveyors, office clerks and scripts.

Each area registers its subcommands from its own module (``COMMAND_MODULES``). Errors are presented in
one place: a typed ``NgheoError`` becomes one Vietnamese line on stderr and exit code 2; anything else
is logged with its traceback and reported as an internal error (exit 1).
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from pathlib import Path

from ngheo_desktop import __version__
from ngheo_desktop.cli.parser import Parser
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.paths import data_home
from ngheo_desktop.store.files import os_reason

# Modules that add subcommands; each defines ``register(subparsers)``.
COMMAND_MODULES = [
    "ngheo_desktop.cli.rules_cmds",
    "ngheo_desktop.cli.db_cmds",
    "ngheo_desktop.cli.sync_cmds",
    "ngheo_desktop.cli.report_cmds",
    "ngheo_desktop.cli.round_cmds",
    "ngheo_desktop.cli.unit_cmds",
]

log = logging.getLogger("ngheo")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="ngheo", description="Rà soát hộ nghèo, hộ cận nghèo — dòng lệnh")
    parser.add_argument("--version", action="version", version=f"ngheo {__version__}",
                        help="in số phiên bản rồi thoát")
    sub = parser.add_subparsers(dest="command", metavar="LỆNH", parser_class=Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Vietnamese output must not die on a terminal or pipe set to ASCII.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors: main() always returns a code
        return exc.code if isinstance(exc.code, int) else 2
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0
    try:
        return int(args.handler(args) or 0)
    except NgheoError as exc:
        print(f"ngheo: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("ngheo: đã dừng theo yêu cầu", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a file or folder the system refused (no permission, a folder given as a file)
        where = f" {exc.filename}" if exc.filename else ""
        print(f"ngheo: không đọc hoặc ghi được{where}: {os_reason(exc)}; không thay đổi gì", file=sys.stderr)
        return 2
    except Exception:  # a bug, not bad input: the traceback goes to the log, never to the clerk's screen
        try:
            log_file = _log_internal_error()
        except OSError:  # the data folder cannot be written (a write-protected stick): no log, still one line
            print("ngheo: lỗi nội bộ của phần mềm (không ghi được nhật ký vì thư mục dữ liệu chỉ cho đọc)",
                  file=sys.stderr)
            return 1
        print(f"ngheo: lỗi nội bộ của phần mềm; chi tiết đã ghi vào {log_file}", file=sys.stderr)
        return 1


def _log_internal_error() -> Path:
    """Append the current exception's traceback to the data folder's log (tracebacks name code, not people)."""
    log_dir = data_home() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    log_file = log_dir / "ngheo-cli.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    log.addHandler(handler)
    try:
        log.exception("internal error in ngheo %s", __version__)
    finally:
        log.removeHandler(handler)
        handler.close()
    return log_file
