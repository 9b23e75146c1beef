"""Reading a TOML definition file in forms/ with errors that name the file."""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ngheo_desktop.errors import FormDefinitionError
from ngheo_desktop.text import nfc_deep


def read_definition(path: Path) -> tuple[dict[str, Any], str]:
    """Parse a TOML file as NFC data; return it with the SHA-256 of the exact bytes read."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FormDefinitionError(path.name, "-", f"không đọc được tệp ({exc.strerror})") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise FormDefinitionError(path.name, "-", "tệp không phải UTF-8") from exc
    except tomllib.TOMLDecodeError as exc:
        raise FormDefinitionError(path.name, "-", f"cú pháp TOML sai: {exc}") from exc
    return nfc_deep(data), hashlib.sha256(raw).hexdigest()


def require(data: dict[str, Any], key: str, kind: type | tuple[type, ...], file: str, where: str = "") -> Any:
    """Return ``data[key]`` if present and of ``kind``; otherwise refuse the file."""
    full_key = f"{where}.{key}" if where else key
    if key not in data:
        raise FormDefinitionError(file, full_key, "thiếu khóa bắt buộc")
    value = data[key]
    # bool is an int in Python; a number field given true/false is still wrong.
    if isinstance(value, bool) and bool not in (kind if isinstance(kind, tuple) else (kind,)):
        raise FormDefinitionError(file, full_key, "sai kiểu dữ liệu")
    if not isinstance(value, kind):
        raise FormDefinitionError(file, full_key, "sai kiểu dữ liệu")
    return value


def tables_with_ids(data: dict[str, Any], key: str, file: str, what: str) -> Iterator[tuple[str, dict, str]]:
    """The tables of the list ``data[key]`` as (where, table, id), refusing a non-table or a repeated id;
    ``what`` names an entry in the message (``chương trình``, ``chỉ số``)."""
    seen: set[str] = set()
    for i, raw in enumerate(require(data, key, list, file)):
        where = f"{key}[{i}]"
        if not isinstance(raw, dict):
            raise FormDefinitionError(file, where, f"mỗi {what} phải là một bảng")
        entry_id = require(raw, "id", str, file, where)
        if entry_id in seen:
            raise FormDefinitionError(file, f"{where}.id", f"mã '{entry_id}' bị trùng")
        seen.add(entry_id)
        yield where, raw, entry_id
