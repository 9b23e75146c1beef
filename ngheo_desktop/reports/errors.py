"""Errors of the report writers, with a reason a clerk can act on (in Vietnamese)."""

from __future__ import annotations

import errno

from ngheo_desktop.errors import NgheoError

_REASONS = {
    errno.ENOENT: "thư mục không tồn tại",
    errno.EACCES: "không có quyền ghi vào đó",
    errno.EPERM: "không có quyền ghi vào đó",
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EROFS: "ổ đĩa chỉ đọc",
    errno.EISDIR: "đó là một thư mục",
}


class OutputError(NgheoError):
    """A PDF, XLSX or CSV file could not be written, or was asked for in a format we do not write."""


def cannot_write(target: object, exc: OSError) -> OutputError:
    reason = _REASONS.get(exc.errno or 0, exc.strerror or str(exc))
    return OutputError(f"Không ghi được tệp {target}: {reason}.")
