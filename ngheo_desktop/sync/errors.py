"""Errors of the sync layer: keys, trust, and files (bundles, receipts, assignments) that are refused.

Every one subclasses ``NgheoError`` and carries a complete Vietnamese sentence; the CLI prints it on one
line with exit code 2. ``code`` is a stable English token for ``--json`` output and for tests.
"""

from __future__ import annotations

from ngheo_desktop.errors import NgheoError


class KeyStoreError(NgheoError):
    """The installation's keys are missing, unreadable, or the passphrase does not open them."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class WrongPassphrase(KeyStoreError):
    def __init__(self) -> None:
        super().__init__("Mật khẩu khóa không đúng: không mở được khóa của máy này", "wrong_passphrase")


class TrustError(NgheoError):
    """A public key file or a trust decision is refused (bad file, wrong role, conflicting device)."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


class FingerprintError(NgheoError):
    """A typed fingerprint or device id is malformed or fails its check characters."""


class FileRejected(NgheoError):
    """A signed sync file is refused; nothing was changed. ``code`` names the reason for machines."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code

