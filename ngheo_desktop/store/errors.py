"""Errors of the local database, each with a Vietnamese reason a person can act on."""

from __future__ import annotations

from pathlib import Path

from ngheo_desktop.errors import NgheoError


class StorageError(NgheoError):
    """Anything that stops the database file from being opened, read or written."""


class NotOurFile(StorageError):
    def __init__(self, path: Path, detail: str):
        super().__init__(f"Tệp {path} không phải cơ sở dữ liệu rà soát hộ nghèo ({detail}); không thay đổi gì.")
        self.path = path


class NewerVersion(StorageError):
    def __init__(self, path: Path, found: int, known: int):
        super().__init__(f"Cơ sở dữ liệu {path} được tạo bởi phiên bản mới hơn của phần mềm "
                         f"(lược đồ {found}, phần mềm này biết đến {known}); hãy cập nhật phần mềm. Không thay đổi gì.")
        self.path, self.found, self.known = path, found, known


class DamagedFile(StorageError):
    def __init__(self, path: Path, detail: str, latest_backup: Path | None):
        hint = (f"Bản sao lưu gần nhất: {latest_backup} (khôi phục bằng: ngheo db restore {latest_backup})"
                if latest_backup else "Không tìm thấy bản sao lưu nào")
        super().__init__(f"Cơ sở dữ liệu {path} bị hỏng ({detail}); không thay đổi gì. {hint}.")
        self.path, self.latest_backup = path, latest_backup


class ReadOnlyDatabase(StorageError):
    """The database's file or folder cannot be written: a write-protected USB stick, a read-only share,
    a file marked read-only. The file is sound and still readable; only writing is refused, before
    anything changes — a clerk told the file is damaged might restore an old backup over good data."""

    def __init__(self, path: Path, reason: str, action: str):
        super().__init__(f"Không thể {action}: {reason}; không thay đổi gì. Tệp dữ liệu không bị hỏng: hãy chép "
                         f"{path.name} sang một thư mục ghi được (trên ổ cứng của máy) rồi mở tệp ở đó, hoặc gỡ "
                         "khóa chống ghi rồi thử lại.")
        self.path, self.reason = path, reason


class BackupExists(StorageError):
    """A backup would replace a file already at its destination."""

    def __init__(self, dest: Path):
        super().__init__(f"Tệp {dest} đã có; bản sao lưu không ghi đè lên tệp khác. Hãy chọn tên hoặc chỗ khác.")
        self.dest = dest


class DiskFull(StorageError):
    def __init__(self, action: str):
        super().__init__(f"Ổ đĩa đã đầy khi {action}; thao tác đã được hủy, dữ liệu cũ vẫn nguyên vẹn. "
                         "Hãy giải phóng dung lượng rồi thử lại.")


class DatabaseBusy(StorageError):
    def __init__(self, action: str):
        super().__init__(f"Cơ sở dữ liệu đang được chương trình khác ghi khi {action}; hãy thử lại sau giây lát.")


class NotFound(StorageError):
    def __init__(self, what: str, ident: str):
        super().__init__(f"Không tìm thấy {what} có mã {ident}.")
        self.what, self.ident = what, ident


class StaleRecord(StorageError):
    """The record changed since it was loaded (optimistic concurrency): reload, then edit again."""

    def __init__(self, what: str, ident: str, expected: int, found: int):
        super().__init__(f"{what} {ident} đã được sửa ở nơi khác (phiên bản {found}, bản đang sửa là {expected}); "
                         "hãy tải lại rồi sửa tiếp.")
        self.expected, self.found = expected, found


class ConflictingCopy(StaleRecord):
    """An imported document differs from the stored one without being newer: a merge is needed — unless
    the file is the stored record edited by hand (``ngheo household show ID --json``), which keeps the
    version it was printed with and only needs the next one to be imported as an edit."""

    def __init__(self, ident: str, incoming: int, stored: int):
        if incoming == stored:
            text = (f"Hộ {ident} trong tệp nhập có cùng phiên bản {stored} với bản đã lưu nhưng nội dung khác; "
                    f"không nhập đè. Nếu tệp là bản sửa từ hồ sơ đã lưu, hãy đổi record_version trong tệp thành "
                    f"{stored + 1} rồi nhập lại; nếu không, cần đối chiếu hai bản.")
        else:
            text = (f"Hộ {ident} trong tệp nhập (phiên bản {incoming}) cũ hơn bản đã lưu (phiên bản {stored}) và "
                    "khác nội dung; không nhập đè. Nếu muốn sửa hồ sơ, hãy sửa trên bản đã lưu mới nhất rồi đặt "
                    f"record_version thành {stored + 1}; nếu không, cần đối chiếu hai bản.")
        StorageError.__init__(self, text)
        self.expected, self.found = incoming, stored


class InvalidChange(StorageError):
    """A write the rules of the register do not allow (status transition, unknown unit level …)."""
