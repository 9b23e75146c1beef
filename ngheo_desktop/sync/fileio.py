"""File writes that never leave a truncated file under the final name, and reads with a size cap."""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from ngheo_desktop.errors import NgheoError


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name in the same folder, fsync, then rename over ``path``.

    The rename is atomic on one file system, so a reader (or a USB stick pulled out mid-copy) sees the
    old file, the complete new one, or only a ``.part`` file — never a half-written one under ``path``.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise NgheoError(f"Thư mục '{folder}' không tồn tại")
    tmp = folder / f".{path.name}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise NgheoError(f"Không ghi được tệp '{path}': {exc.strerror or exc}") from None
    # The directory entry itself must reach the disk too, or a power cut can lose the rename.
    if hasattr(os, "O_DIRECTORY"):
        with contextlib.suppress(OSError):
            dfd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)


def read_limited(path: Path, limit: int) -> bytes:
    """Read at most ``limit`` bytes; a larger file raises ``OversizeFile`` before it is read."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise OversizeFile(limit)
    return data


class OversizeFile(NgheoError):
    def __init__(self, limit: int):
        super().__init__(f"Tệp lớn hơn giới hạn {limit // (1024 * 1024) or 1} MB")
        self.limit = limit
