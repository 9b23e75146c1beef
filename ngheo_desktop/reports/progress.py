"""The progress/cancel handle long report jobs take, and the error a cancelled job ends with."""

from __future__ import annotations

from typing import Protocol

from ngheo_desktop.errors import NgheoError


class Progress(Protocol):
    def update(self, done: int, total: int) -> None: ...

    def cancelled(self) -> bool: ...


class NoProgress:
    """For callers that neither show progress nor cancel (the CLI, tests)."""

    def update(self, done: int, total: int) -> None:
        pass

    def cancelled(self) -> bool:
        return False


class Cancelled(NgheoError):
    """The user cancelled a batch; nothing was written."""

    def __init__(self, done: int, total: int):
        super().__init__(f"Đã hủy sau {done}/{total} hộ; không ghi tệp.")
        self.done, self.total = done, total
