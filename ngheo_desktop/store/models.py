"""Plain records the store hands out: named tuples, no database handles inside.

Named tuples rather than frozen dataclasses: equally read-only, but defining one costs a tenth as much,
and this module is imported while the desktop app starts."""

from __future__ import annotations

from typing import Any, NamedTuple

ASSESSMENT_STATUSES = ("draft", "completed", "approved", "returned")
# draft → completed → approved | returned (with a comment); returned work is reopened as draft or
# completed again; an approved assessment may still be returned (the commune chair's review).
STATUS_TRANSITIONS = {
    None: {"draft", "completed"},
    "draft": {"draft", "completed"},
    "completed": {"draft", "completed", "approved", "returned"},
    "returned": {"draft", "completed"},
    "approved": {"returned"},
}
STATUS_VI = {"draft": "Nháp", "completed": "Đã hoàn thành", "approved": "Đã duyệt", "returned": "Bị trả lại",
             None: "Chưa rà soát"}

SUPPORT_KINDS = {
    "loan": "Vay vốn ưu đãi",
    "job_info": "Thông tin việc làm",
    "vocational_training": "Đào tạo nghề",
    "labour_abroad": "Đi làm việc ở nước ngoài theo hợp đồng",
    "housing": "Hỗ trợ nhà ở",
    "health_insurance_card": "Thẻ bảo hiểm y tế",
    "education": "Miễn giảm học phí, hỗ trợ học tập",
    "production": "Hỗ trợ phát triển sản xuất",
    "clean_water": "Hỗ trợ nước sạch",
    "electricity": "Hỗ trợ tiền điện",
    "other": "Hỗ trợ khác",
}

UNIT_LEVELS = ("province", "commune", "village")
# ``Store.update_unit(area=INHERIT_AREA)``: the unit takes its area from the unit above again.
INHERIT_AREA = "inherit"
# The area a commune-level kind implies (domain notes §8); a special zone's (đặc khu) is set by hand.
AREA_OF_KIND = {"xa": "rural", "phuong": "urban"}
UNIT_KINDS = {
    "province": {"tinh": "Tỉnh", "thanh_pho": "Thành phố"},
    "commune": {"xa": "Xã", "phuong": "Phường", "dac_khu": "Đặc khu"},
    "village": {"thon": "Thôn", "ap": "Ấp", "ban": "Bản", "to_dan_pho": "Tổ dân phố", "xom": "Xóm",
                "khu_pho": "Khu phố"},
}

# Sort keys of the household table (``Store.household_page``/``household_ids``).
SORT_KEYS = ("register", "head_name", "village", "class", "status")


class Unit(NamedTuple):
    id: str
    parent_id: str | None
    level: str
    kind: str
    name: str
    area: str | None
    region: str | None
    sort_order: int
    version: int


class HouseholdRow(NamedTuple):
    """What the register table shows for one household."""

    household_id: str
    register_no: int
    head_name: str
    village: str
    village_id: str | None
    address: str
    member_count: int
    klass: str | None
    status: str | None
    record_version: int
    unsent: bool


class Round(NamedTuple):
    id: str
    year: int
    kind: str
    start_date: str
    title: str


class Assessment(NamedTuple):
    id: str
    household_id: str
    round_id: str
    household_version: int
    status: str
    comment: str | None
    klass: str | None
    standard_id: str
    standard_sha256: str
    result: dict[str, Any]
    snapshot: dict[str, Any]
    version: int
    updated_at: str
    updated_by: str


class RoundResult(NamedTuple):
    """One household's class in a round, beside its class in the round before (movement reports)."""

    household_id: str
    head_name: str
    village: str
    member_count: int
    klass: str | None
    status: str
    previous_class: str | None
    previous_status: str | None


class Support(NamedTuple):
    id: str
    household_id: str
    kind: str
    date: str
    amount: int | None
    provider: str
    note: str
    version: int


class Change(NamedTuple):
    """One committed change: sync reads these in ``seq`` order."""

    seq: int
    entity: str
    record_id: str
    record_version: int
    op: str
    at: str


class AuditEntry(NamedTuple):
    id: int
    at: str
    actor: str
    entity: str
    record_id: str
    field: str
    old: Any
    new: Any
