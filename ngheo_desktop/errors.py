"""Typed errors shared by every layer.

Each error carries a reason a person can act on, in Vietnamese (``message``). The CLI prints it on one
line and exits with code 2; the UI shows it in a dialog. Tracebacks go to the log only.
"""

from __future__ import annotations


class NgheoError(Exception):
    """Base of every error the user may see. ``message`` is Vietnamese and complete on its own."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FormDefinitionError(NgheoError):
    """A file in forms/ (standard, questionnaire, score table) is broken or inconsistent."""

    def __init__(self, file: str, key: str, reason: str):
        super().__init__(f"Tệp định nghĩa {file} không hợp lệ ở khóa '{key}': {reason}")
        self.file, self.key, self.reason = file, key, reason


class InvalidHousehold(NgheoError):
    """A household document fails validation; ``field`` is a JSON-path-like location."""

    def __init__(self, field: str, reason: str):
        super().__init__(f"Dữ liệu hộ không hợp lệ ở trường '{field}': {reason}")
        self.field, self.reason = field, reason


class UnknownStandard(NgheoError):
    """No standard with that id, or none in force for the year under review."""
