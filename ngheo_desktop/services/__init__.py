"""Use cases shared by the command line and the windows: one function per user action.

Widgets and CLI commands call these, never the store's SQL or the rules directly; each returns what
changed so a view can refresh just those rows. ``register`` holds the household register's actions.

Long actions (demo generation, imports, reclassification) take a ``Progress`` handle: the UI passes
one that feeds a dialog and a Cancel button, the CLI passes ``NoProgress``.
"""

from __future__ import annotations

from typing import Protocol

from ngheo_desktop.errors import NgheoError


class Progress(Protocol):
    def update(self, done: int, total: int) -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """A progress handle for callers that show nothing and never cancel."""

    def update(self, done: int, total: int) -> None:
        return None

    def cancelled(self) -> bool:
        return False


class Cancelled(NgheoError):
    """The user cancelled a long action; it ran in one transaction, so nothing was saved."""

    def __init__(self, action: str):
        super().__init__(f"Đã hủy {action}; không có gì được lưu.")
