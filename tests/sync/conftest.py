"""Keys and signed files for the sync tests, made in memory (no scrypt) so the tests stay fast."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# The builders module sits beside this file; tests/ alone is on the path (pyproject), not tests/sync/.
sys.path.insert(0, str(Path(__file__).parent))

from sync_builders import household, make_bundle, record

from ngheo_desktop.sync import keys


@pytest.fixture(scope="session")
def field() -> keys.Identity:
    return keys.generate("field", "Máy khảo sát thôn Đồng Tâm")


@pytest.fixture(scope="session")
def field2() -> keys.Identity:
    return keys.generate("field", "Máy khảo sát thôn Bản Mới")


@pytest.fixture(scope="session")
def office() -> keys.Identity:
    return keys.generate("office", "UBND xã Quỳnh Thắng")


@pytest.fixture(scope="session")
def other_office() -> keys.Identity:
    return keys.generate("office", "UBND xã khác")


@pytest.fixture(scope="session")
def lookup(field, field2):
    """The office's view of trusted senders: both laptops."""
    known = {field.public.device_id_raw: field.public, field2.public.device_id_raw: field2.public}
    return known.get


@pytest.fixture(scope="session")
def sample_bundle(field, office) -> bytes:
    return make_bundle(field, office, [record(household()), record(household("Trần Thị Ánh", "040187009999"))])
