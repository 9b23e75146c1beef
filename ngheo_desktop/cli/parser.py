"""The ``ngheo`` argument parser: argparse with its own words in Vietnamese and one-line errors.

argparse marks its texts for gettext, but looks them up in the process-wide default domain in the
language of the environment, which a commune laptop does not set to Vietnamese; installing a catalogue
there means changing the environment or replacing ``argparse._`` (a private name) for every parser in
the process. Instead this parser overrides what argparse lets a subclass override, and translates with
the table below, keyed by argparse's own English message ids:

- group titles pass through ``add_argument_group`` (argparse's ``__init__`` makes its two groups with it);
- the ``usage:`` prefix is an argument of ``HelpFormatter.add_usage``;
- the ``-h`` option is added here with Vietnamese help (``add_help=False`` to argparse);
- error messages reach ``error()`` already formatted: each message id becomes a pattern, and the parts
  it matched are put into the Vietnamese text.

The message ids, those hooks and their signatures are the same in Python 3.11, 3.12 and 3.13 (checked
against each one's ``argparse.py``). A message id a later Python changes stays in English — the meaning
is not lost — and the test of these messages shows which.
"""

from __future__ import annotations

import argparse
import re
from typing import Any, NoReturn

VIETNAMESE = {
    "usage: ": "cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "không có lựa chọn %(value)r (chọn một trong: %(choices)s)",
    "invalid %(type)s value: %(value)r": "%(value)r không phải %(type)s",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không dùng được ở đây: %s",
    "expected one argument": "cần một giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn %(option)s chưa rõ: có thể là %(matches)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "one of the arguments %s is required": "cần một trong các tham số %s",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "unexpected option string: %s": "tùy chọn không đúng chỗ: %s",
}
# The %(type)s of "invalid %(type)s value" is the name of the function that converts the text.
TYPE_NAMES = {"int": "số nguyên", "float": "số"}
HELP = "in hướng dẫn này rồi thoát"

_PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[sr]")


def _pattern(message_id: str) -> re.Pattern[str]:
    """A message id as a pattern matching the messages argparse formats from it."""
    out, last, n = [], 0, 0
    for m in _PLACEHOLDER.finditer(message_id):
        out.append(re.escape(message_id[last:m.start()]))
        out.append(f"(?P<{m.group(1) or f'_{n}'}>.+?)")
        last, n = m.end(), n + 1
    out.append(re.escape(message_id[last:]))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


# Longest first, so that a message id which is a prefix of another does not take its messages.
_PATTERNS = sorted(((_pattern(k), v) for k, v in VIETNAMESE.items() if "%" in k),
                   key=lambda item: -len(item[0].pattern))


def translate(message: str) -> str:
    """An error message argparse formatted in English, in Vietnamese (unchanged when not in the table)."""
    if message in VIETNAMESE:
        return VIETNAMESE[message]
    for pattern, vietnamese in _PATTERNS:
        m = pattern.match(message)
        if m is None:
            continue
        parts = m.groupdict()
        if "message" in parts:
            parts["message"] = translate(parts["message"])
        if "type" in parts:
            parts["type"] = TYPE_NAMES.get(parts["type"], parts["type"])
        # The parts are already formatted (quoted where argparse used %r): put them in as they are.
        text = re.sub(r"%(\(\w+\))?r", r"%\1s", vietnamese)
        return text % (parts.get("_0", ()) if "_0" in parts else parts)
    return message


class HelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, VIETNAMESE["usage: "] if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse in Vietnamese, with a one-line error and exit code 2 like every other rejection."""

    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, add_help=False, **kwargs)
        if add_help:
            self.add_argument("-h", "--help", action="help", help=HELP)

    def add_argument_group(self, title: str | None = None, description: str | None = None,
                           **kwargs: Any) -> Any:
        return super().add_argument_group(VIETNAMESE.get(title, title) if title else title, description, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"ngheo: lỗi tham số: {translate(message)}\n")
