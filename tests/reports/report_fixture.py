"""A small hand-made commune for report tests: every expected number can be counted by hand.

Results are built directly in the ``ngheo.result`` shape (only the fields reports read), so the
figures do not move when a standard's thresholds are revised.
"""

from __future__ import annotations

import uuid

from ngheo_desktop.criteria import CLASS_VI
from ngheo_desktop.reports.data import ReportContext, ReportRow, SupportRecord

INDICATORS = [
    ("employment", "Việc làm", "Việc làm"), ("dependents", "Việc làm", "Người phụ thuộc trong hộ gia đình"),
    ("nutrition", "Y tế", "Dinh dưỡng"), ("health_insurance", "Y tế", "Bảo hiểm y tế"),
    ("adult_education", "Giáo dục", "Trình độ giáo dục của người lớn"),
    ("child_schooling", "Giáo dục", "Tình trạng đi học của trẻ em"),
    ("housing_quality", "Nhà ở", "Chất lượng nhà ở"), ("housing_area", "Nhà ở", "Diện tích nhà ở bình quân đầu người"),
    ("drinking_water", "Nước sinh hoạt và vệ sinh", "Nguồn nước sinh hoạt"),
    ("sanitation", "Nước sinh hoạt và vệ sinh", "Nhà tiêu hợp vệ sinh"),
    ("telecom", "Thông tin", "Sử dụng dịch vụ viễn thông"),
    ("information_assets", "Thông tin", "Phương tiện phục vụ tiếp cận thông tin"),
]
CITIZEN_ID = "040084001234"
_counter = iter(range(1, 10_000))


def make_row(name: str, village: str, klass: str | None, deprived=(), unknown=(), *, people: int = 3,
             ethnicity: str = "kinh", merit: bool = False, flags=(), previous: str | None = None,
             poor_before: bool = False, near_poor_before: bool = False, support=(),
             non_durable=(), causes: list[str] | None = None) -> ReportRow:
    n = next(_counter)
    hid = str(uuid.UUID(int=n))
    members = [{"member_id": str(uuid.UUID(int=10_000 + n * 10 + i)),
                "full_name": name if i == 0 else f"{name} con {i}", "relation": "head" if i == 0 else "child",
                "ethnicity": ethnicity, "has_health_insurance": False, "citizen_id": CITIZEN_ID if i == 0 else None}
               for i in range(people)]
    answers = {"head_name": name, "address": f"Xóm {n}", "merit_household": merit,
               "income_wages": 12_345_678}
    for part in non_durable:
        answers[part] = "non_durable"
    if causes is not None:
        answers["poverty_causes"] = causes
    household = {"format": "ngheo.household", "format_version": 1, "household_id": hid, "record_version": 1,
                 "location": {"commune": "Xã Quỳnh Thắng", "village": village, "area": "rural"},
                 "review": {"date": "2026-10-12", "kind": "periodic"}, "answers": answers, "members": members}
    result = None
    if klass is not None:
        indicators = [{"id": i, "service_vi": s, "name_vi": nm,
                       "deprived": None if i in unknown else i in deprived, "reason": "", "rests_on_unverified": True}
                      for i, s, nm in INDICATORS]
        result = {"format": "ngheo.result", "household_id": hid, "class": klass, "class_vi": CLASS_VI[klass],
                  "deprivation": {"count": len(deprived), "unknown": len(unknown), "cutoff": 3},
                  "indicators": indicators, "flags": list(flags), "notes": []}
    return ReportRow(household, result, village_id=f"v-{village}", village_name=village, status="approved",
                     previous_class=previous, poor_before=poor_before, near_poor_before=near_poor_before,
                     support=tuple(SupportRecord(k, "2026-05-01") for k in support))


def commune() -> list[ReportRow]:
    """Two villages, ten households (people in brackets):

    Thôn Đồng Tâm: A poor(4) 5 deprivations, minority, no-work flag; B poor(3) 3 dep., merit;
                   C near-poor(2) 1 dep.; D average(5) 0 dep.; E not assessed(2)
    Thôn Bản Mồ:   F poor(6) 9 dep., minority; G near-poor(3) 2 dep., minority; H near-poor(1) 0 dep.;
                   I above average(4) 4 dep.; J average(2) 3 dep.
    """
    dt, bm = "Thôn Đồng Tâm", "Thôn Bản Mồ"
    return [
        make_row("Nguyễn Văn An", dt, "poor", ["employment", "health_insurance", "housing_quality",
                                               "drinking_water", "sanitation"], people=4, ethnicity="thai",
                 flags=["no_member_able_to_work"], previous="poor", support=["housing"],
                 non_durable=["housing_walls", "housing_roof"]),
        make_row("Trần Thị Bình", dt, "poor", ["health_insurance", "sanitation", "telecom"], merit=True,
                 previous="near_poor", support=["health_insurance_card"]),
        make_row("Lê Văn Cường", dt, "near_poor", ["health_insurance"], people=2, previous="poor"),
        make_row("Phạm Thị Dung", dt, "average_living", [], people=5, previous="near_poor"),
        make_row("Hoàng Văn Em", dt, None, people=2, previous="poor"),
        make_row("Lò Văn Phóng", bm, "poor", ["employment", "dependents", "nutrition", "health_insurance",
                                             "child_schooling", "housing_quality", "housing_area",
                                             "drinking_water", "sanitation"], people=6, ethnicity="thai",
                 poor_before=True, non_durable=["housing_walls", "housing_frame", "housing_roof"]),
        make_row("Lò Thị Giang", bm, "near_poor", ["health_insurance", "drinking_water"], ethnicity="thai",
                 unknown=["nutrition"]),
        make_row("Vi Văn Hải", bm, "near_poor", [], people=1, previous="poor"),
        make_row("Đinh Văn Inh", bm, "above_average_living", ["employment", "dependents", "telecom",
                                                              "sanitation"], people=4),
        make_row("Cầm Thị Kim", bm, "average_living", ["nutrition", "telecom", "sanitation"], people=2,
                 previous="near_poor", near_poor_before=True),
    ]


CONTEXT = ReportContext(province="Tỉnh Nghệ An", commune="Xã Quỳnh Thắng",
                        round_title="Rà soát định kỳ năm 2026 (danh sách năm 2027)")
