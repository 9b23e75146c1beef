"""A made-up but plausible commune for the first start, demonstrations, tests and benchmarks.

Villages, families with Vietnamese names (correct diacritics), ages, schooling, insurance, housing,
water, incomes; a few percent poor and near-poor; two past periodic review rounds (held in 2024 for 2025
and in 2025 for 2026) so that history, movement between classes and support received exist. Every
household is classified by the rules core. The same seed always gives the same commune (ids included):
dates are fixed, not taken from today.

Nothing here is real data; the database is marked as demo (``store.is_demo``).
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import math
import random
from dataclasses import dataclass
from typing import Any

from ngheo_desktop.criteria import Standard, classifier_for, default_registry
from ngheo_desktop.criteria.household import FORMAT, FORMAT_VERSION
from ngheo_desktop.services import Cancelled, Progress
from ngheo_desktop.store import InvalidChange, Store

ACTOR = "demo"
LISTED = ("poor", "near_poor")
BATCH = 1000


@dataclass(frozen=True)
class Profile:
    province: str
    province_code: str  # first three digits of citizen ID numbers issued there
    commune: str
    commune_kind: str
    area: str
    region: str
    village_kind: str
    village_names: tuple[str, ...]
    ethnicities: tuple[tuple[str, float], ...]
    median_income: int  # VND per person per month, at the 2025 review


PROFILES = (
    Profile("Tỉnh Nghệ An", "040", "Xã Quỳnh Thắng", "xa", "rural", "bac_trung_bo_duyen_hai_mien_trung", "thon",
            ("Đồng Tâm", "Tân Lập", "Yên Thịnh", "Phú Xuân", "Hòa Bình", "Quyết Thắng", "Thành Công", "Liên Hợp",
             "Xuân Phong", "Minh Khai", "Tiến Bộ", "Đoàn Kết", "Hợp Thành", "Bắc Sơn", "Trung Hòa", "Đông Xuân",
             "Nam Tiến", "Tây Hồ", "Phúc Lộc", "Thịnh Mỹ", "Ngọc Lâm", "Khe Đá", "Bãi Ngang", "Làng Rào"),
            (("kinh", 0.93), ("thai", 0.05), ("other", 0.02)), 4_200_000),
    Profile("Tỉnh Lào Cai", "010", "Xã Bát Xát", "xa", "rural", "trung_du_mien_nui_phia_bac", "ban",
            ("Pa Cheo", "Phìn Ngan", "Sáng Ma Sáo", "Ý Tý", "Trung Lèng Hồ", "Nậm Pung", "Cốc Mỳ", "Mường Hum",
             "Dền Sáng", "Bản Vược", "Quang Kim", "Tòng Sành", "Bản Qua", "Mường Vi", "Cốc San", "Làng Mô"),
            (("hmong", 0.35), ("dao", 0.2), ("kinh", 0.2), ("tay", 0.12), ("nung", 0.05), ("other", 0.08)),
            2_900_000),
    Profile("Thành phố Cần Thơ", "092", "Phường Ninh Kiều", "phuong", "urban", "dong_bang_song_cuu_long",
            "khu_pho", ("An Hòa", "An Nghiệp", "Tân An", "Xuân Khánh", "Hưng Lợi", "Cái Khế", "An Cư", "An Phú",
                        "Thới Bình", "An Lạc", "Tân Hòa", "Hòa Bình"),
            (("kinh", 0.9), ("khmer", 0.06), ("hoa", 0.04)), 5_600_000),
)

_VILLAGE_PREFIX = {"thon": "Thôn", "ban": "Bản", "khu_pho": "Khu phố"}

SURNAMES = (("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 2), ("Vũ", 3.9),
            ("Võ", 2), ("Phan", 4.5), ("Trương", 1.5), ("Bùi", 2), ("Đặng", 2.1), ("Đỗ", 1.4), ("Ngô", 1.3),
            ("Hồ", 1.3), ("Dương", 1), ("Lý", 0.5), ("Đinh", 0.8), ("Lương", 0.5), ("Đào", 0.6), ("Cao", 0.5),
            ("Tạ", 0.3), ("Hà", 0.6), ("Mai", 0.4), ("Lưu", 0.3), ("Chu", 0.3))
MIDDLE = {"male": ("Văn", "Văn", "Văn", "Đức", "Hữu", "Minh", "Quang", "Công", "Đình", "Xuân", "Ngọc", "Thanh",
                   "Trọng", "Quốc"),
          "female": ("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Hồng", "Kim", "Phương", "Bảo",
                     "Thùy")}
GIVEN = {"male": ("Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Nam", "Long", "Sơn", "Cường", "Thắng", "Quân", "Khánh",
                  "Phúc", "Hoàng", "Đạt", "Đức", "Huy", "Bình", "Tài", "Lâm", "Trung", "Hiếu", "Nghĩa", "Tiến",
                  "Việt", "Thành", "Toàn", "An", "Bảo", "Khoa", "Kiên", "Lộc", "Quý", "Thịnh", "Vinh", "Định"),
         "female": ("Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thủy", "Hằng", "Nga", "Huyền", "Yến", "Thảo",
                    "Vân", "Loan", "Hạnh", "Ngọc", "Nhung", "Phương", "Anh", "Dung", "Liên", "Oanh", "Tâm", "Trâm",
                    "Xuân", "Thư", "Vy", "Ánh", "Hà", "Quyên", "Đào", "Diệp")}

@dataclass(frozen=True)
class NameStyle:
    """How names are formed in a community: family names (weighted), middle and given names by sex."""

    surnames: tuple[tuple[str, float], ...]
    middle: dict[str, tuple[str, ...]]
    given: dict[str, tuple[str, ...]]


KINH = NameStyle(SURNAMES, MIDDLE, GIVEN)
NAME_STYLES = {
    "hmong": NameStyle((("Giàng", 5), ("Sùng", 4), ("Vàng", 4), ("Thào", 3), ("Lầu", 2), ("Hạng", 2), ("Mùa", 2),
                        ("Lý", 2), ("Vừ", 1)),
                       {"male": ("A", "A", "Seo", "Văn"), "female": ("Thị", "Thị", "Mỷ")},
                       {"male": ("Páo", "Sử", "Chứ", "Dế", "Lử", "Pó", "Sinh", "Tủa", "Chá", "Dình", "Chúng"),
                        "female": ("Mai", "Dua", "Xá", "Súa", "Chở", "Pà", "Dợ", "Sính", "Lan")}),
    "dao": NameStyle((("Tẩn", 4), ("Chảo", 4), ("Lý", 3), ("Bàn", 3), ("Triệu", 2), ("Đặng", 2), ("Phùng", 1)),
                     {"male": ("Láo", "Văn", "Văn"), "female": ("Láy", "Thị", "Thị")},
                     {"male": ("Lở", "Tả", "Phin", "Chòi", "Quẩy", "Sài", "Chàn", "Lìu"),
                      "female": ("Mẩy", "Chạn", "Sành", "Mùi", "Phấy", "Xiêm", "Tá")}),
    "tay": NameStyle((("Hoàng", 4), ("Nông", 4), ("Lục", 2), ("Bế", 2), ("Hà", 2), ("Ma", 1), ("Lương", 1)),
                     MIDDLE, GIVEN),
    "nung": NameStyle((("Hoàng", 3), ("Nông", 3), ("Lục", 2), ("Vi", 2), ("Lăng", 1), ("Mã", 1)), MIDDLE, GIVEN),
    "thai": NameStyle((("Lò", 4), ("Quàng", 3), ("Vi", 3), ("Lường", 2), ("Cầm", 2), ("Hà", 2), ("Lương", 1)),
                      MIDDLE, {"male": ("Pặng", "Inh", "Ún", "Muôn", "Khăm", "Xuân", "Thanh", "Hùng", "Bun"),
                               "female": ("Ươi", "Xiên", "Ón", "Pấng", "Minh", "Hoa", "Lả", "Mai")}),
    "khmer": NameStyle((("Thạch", 5), ("Sơn", 4), ("Kim", 3), ("Danh", 3), ("Lâm", 2), ("Châu", 2)),
                       {"male": ("Văn", "Sô", "Ra"), "female": ("Thị", "Thị", "Sà")},
                       {"male": ("Sóc", "Phanh", "Rươn", "Sa Rinh", "Chanh", "Đa Ra", "Hên"),
                        "female": ("Sa Phên", "Sóc Kha", "Ni", "Sô Phia", "Chanh Thu", "Mươl")}),
    "hoa": NameStyle((("Lâm", 3), ("Quách", 2), ("Tăng", 2), ("Mạc", 2), ("Lý", 2), ("Hứa", 2), ("Trịnh", 2)),
                     {"male": ("Chí", "Gia", "Vĩnh", "Quốc"), "female": ("Mỹ", "Ngọc", "Tú", "Thị")},
                     {"male": ("Minh", "Cường", "Huy", "Phát", "Kiệt", "Hào"),
                      "female": ("Linh", "Lệ", "Phương", "Anh", "Quyên")}),
}


# The two past periodic reviews (Quyết định 24/2021: 1 September – 14 December, for the next year).
ROUNDS = ((2025, "2024-09-16", "Rà soát định kỳ cuối năm 2024 (cho năm 2025)"),
          (2026, "2025-09-15", "Rà soát định kỳ cuối năm 2025 (cho năm 2026)"))
_DURABLE_WATER = ("piped", "drilled_well", "protected_dug_well", "rainwater")
_POOR_WATER = ("unprotected_dug_well", "unprotected_spring", "surface_water")
_GOOD_LATRINE = ("septic", "semi_septic", "pour_flush", "double_vault")
_POOR_LATRINE = ("simple_pit", "over_water", "none", "ventilated_pit")


@dataclass(frozen=True)
class DemoSummary:
    households: int
    villages: int
    classes: dict[str | None, int]
    assessments: int
    support: int


def _pick(rng: random.Random, weighted: tuple[tuple[str, float], ...]) -> str:
    x = rng.random() * sum(w for _, w in weighted)
    for value, w in weighted:
        x -= w
        if x < 0:
            return value
    return weighted[-1][0]


class _Table:
    """A constant weighted table, with cumulative weights computed once (drawn ~10⁶ times per demo)."""

    def __init__(self, weighted: tuple[tuple[str, float], ...]):
        self.values = [v for v, _ in weighted]
        self.cumulative = list(itertools.accumulate(w for _, w in weighted))

    def draw(self, rng: random.Random) -> str:
        i = bisect.bisect_right(self.cumulative, rng.random() * self.cumulative[-1])
        return self.values[min(i, len(self.values) - 1)]


# random.choice/randint/randrange draw through rejection sampling; these are enough for a demo and
# three times faster, which matters at ~3 million draws per 100,000 households.
def _choice(rng: random.Random, seq):
    return seq[int(rng.random() * len(seq))]


def _randint(rng: random.Random, low: int, high: int) -> int:
    return low + int(rng.random() * (high - low + 1))


def _randrange(rng: random.Random, n: int) -> int:
    return int(rng.random() * n)


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator: the same as ``uuid.UUID(int=…, version=4)``, faster."""
    n = rng.getrandbits(128)
    n = (n & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    h = f"{n:032x}"
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def _sigmoid(x: float) -> float:
    return 1 / (1 + math.exp(-x))


@dataclass(frozen=True, slots=True)
class _Chances:
    """What a household's latent welfare ``z`` (standard normal, low = poor) means for each member."""

    z: float
    insured: float
    malnourished: float
    out_of_school: float
    studying: float
    employment: tuple[tuple[str, float], ...]

    @classmethod
    def of(cls, z: float) -> _Chances:
        return cls(z, _sigmoid(3.6 + 0.5 * z), _sigmoid(-3.6 - 0.9 * z), _sigmoid(-4.2 - 1.0 * z), 0.3 + 0.8 * z,
                   (("self_employed", 0.55), ("wage_contract", 0.2 + 0.1 * max(z, 0)),
                    ("wage_no_contract", 0.06 + 0.04 * max(-z, 0)), ("unemployed", 0.015 + 0.03 * max(-z, 0)),
                    ("not_in_labour_force", 0.08)))


class _Generator:
    """Builds household documents; ``z`` is a household's latent welfare (standard normal, low = poor)."""

    def __init__(self, rng: random.Random, profile: Profile):
        self.rng = rng
        self.p = profile
        self.styles = {e: (style, _Table(style.surnames)) for e, style in
                       (*NAME_STYLES.items(), *((e, KINH) for e, _ in profile.ethnicities if e not in NAME_STYLES))}
        self.ethnicities = _Table(profile.ethnicities)
        self.used_ids: set[str] = set()

    def name(self, sex: str, ethnicity: str, surname: str | None = None) -> str:
        rng = self.rng
        style, surnames = self.styles[ethnicity]
        surname = surname or surnames.draw(rng)
        return f"{surname} {_choice(rng, style.middle[sex])} {_choice(rng, style.given[sex])}"

    def citizen_id(self, sex: str, birth: dt.date) -> str:
        century = 0 if birth.year < 2000 else 2
        digit = century + (1 if sex == "female" else 0)
        while True:
            cid = f"{self.p.province_code}{digit}{birth.year % 100:02d}{_randrange(self.rng, 1_000_000):06d}"
            if cid not in self.used_ids:
                self.used_ids.add(cid)
                return cid

    def birth(self, age: int, review: dt.date) -> dt.date:
        """A birthday giving exactly ``age`` completed years at the review date."""
        anniversary = review.replace(year=review.year - age)
        return anniversary - dt.timedelta(days=_randrange(self.rng, 365))

    def education(self, age: int, z: float) -> str:
        rng = self.rng
        if age < 15:
            return "primary"
        # Younger and better-off people studied longer.
        score = z * 0.8 + (0.9 if age < 35 else 0.2 if age < 55 else -0.9) + rng.gauss(0, 0.8)
        if score > 1.6:
            return "college_or_higher"
        if score > 0.9:
            return _choice(rng, ("upper_secondary", "vocational"))
        if score > -0.2:
            return "upper_secondary" if age < 30 and rng.random() < 0.5 else "lower_secondary"
        if score > -1.2:
            return "primary"
        return "none"

    def member(self, relation: str, sex: str, age: int, w: _Chances, ethnicity: str, review: dt.date,
               surname: str | None) -> dict[str, Any]:
        rng = self.rng
        born = self.birth(age, review)
        m: dict[str, Any] = {"member_id": _uuid(rng), "full_name": self.name(sex, ethnicity, surname),
                             "relation": relation, "sex": sex, "birth_date": born.isoformat(), "ethnicity": ethnicity}
        if age >= 14:
            m["citizen_id"] = self.citizen_id(sex, born)
        r = rng.random()
        severe_p = 0.01 + (0.05 if age >= 70 else 0)
        m["disability"] = "severe" if r < severe_p else "mild" if r < severe_p + 0.03 else "none"
        # Children under 6 get free cards; poorer adults more often have none.
        m["has_health_insurance"] = age < 6 or rng.random() < w.insured
        if age <= 15:
            m["malnourished"] = rng.random() < w.malnourished
        if 3 <= age <= 15:
            m["attending_school"] = rng.random() > w.out_of_school
        if 16 <= age <= 30:
            m["in_education"] = age <= 22 and rng.random() < _sigmoid(w.studying - (age - 16) * 0.4)
        if age >= 15:
            able = m["disability"] != "severe" and (age < 75 or rng.random() < 0.3)
            m["able_to_work"] = able
            m["education_level"] = self.education(age, w.z)
            if not able or age >= 65 or m.get("in_education"):
                status = "not_in_labour_force"
            else:
                status = _pick(rng, w.employment)
            m["employment_status"] = status
        return m

    def members(self, z: float, review: dt.date) -> list[dict[str, Any]]:
        rng = self.rng
        w = _Chances.of(z)
        ethnicity = self.ethnicities.draw(rng)
        head_sex = "male" if rng.random() < 0.78 else "female"
        head_age = int(min(90, max(21, rng.triangular(21, 88, 44))))
        surname = self.styles[ethnicity][1].draw(rng)
        out = [self.member("head", head_sex, head_age, w, ethnicity, review, surname)]
        # Children take their father's family name: the head's, or the husband's when a woman heads.
        fathers = surname if head_sex == "male" else None
        alone = head_age > 68 and rng.random() < 0.35
        if not alone and rng.random() < (0.88 if head_age < 70 else 0.55):
            spouse_sex = "female" if head_sex == "male" else "male"
            spouse_age = max(18, head_age + _randint(rng, -6, 3) * (1 if head_sex == "female" else -1))
            spouse = self.member("spouse", spouse_sex, spouse_age, w, ethnicity, review, None)
            out.append(spouse)
            if spouse_sex == "male":
                fathers = spouse["full_name"].split()[0]
        if not alone and 20 <= head_age <= 62:
            # Poorer and minority families are a little larger; children born while the head was 19–45.
            mean = 1.8 + 0.35 * max(-z, 0) + (0.5 if ethnicity not in ("kinh", "hoa") else 0)
            for _ in range(min(6, max(0, round(rng.gauss(mean, 1.0))))):
                age = _randint(rng, max(0, head_age - 45), head_age - 19)
                sex = _choice(rng, ("male", "female"))
                out.append(self.member("child", sex, age, w, ethnicity, review, fathers))
        if not alone and head_age < 55 and rng.random() < 0.16:
            for _ in range(_choice(rng, (1, 1, 2))):
                age = min(98, head_age + _randint(rng, 22, 32))
                out.append(self.member("parent", _choice(rng, ("male", "female")), age, w, ethnicity, review, None))
        if not alone and head_age >= 55 and rng.random() < 0.3:
            for _ in range(_randint(rng, 1, 3)):
                sex = _choice(rng, ("male", "female"))
                out.append(self.member("grandchild", sex, _randint(rng, 0, 12), w, ethnicity, review, fathers))
        return out

    def answers(self, z: float, members: list[dict[str, Any]], village: str, review: dt.date) -> dict[str, Any]:
        rng, p = self.rng, self.p
        n = len(members)
        deprived = _sigmoid(-3.4 - 0.9 * z)  # chance that a living condition falls short

        def durability() -> str:
            return "non_durable" if rng.random() < deprived * 1.4 else "durable"

        per_capita = p.median_income * math.exp(0.62 * z + rng.gauss(0, 0.12))
        annual = int(per_capita * n * 12 / 1000) * 1000
        # Shares of wages, farming, business and other income.
        shares = (0.6, 0.02, 0.3, 0.08) if p.area == "urban" else (0.3, 0.45, 0.15, 0.1)
        jitter = [s * rng.uniform(0.5, 1.5) for s in shares]
        total = sum(jitter)
        parts = [int(annual * s / total / 1000) * 1000 for s in jitter]
        parts[0] += annual - sum(parts)
        head = members[0]
        if p.area == "urban":
            address = f"Số {_randint(rng, 1, 250)}, hẻm {_randint(rng, 1, 90)}, {village}"
        elif p.village_kind == "thon":
            address = f"Xóm {_randint(rng, 1, 9)}, {village}"
        else:
            address = f"Nhà số {_randint(rng, 1, 120)}, {village}"
        devices = [d for d, share in (("tv", 0.9), ("smartphone", 0.8), ("radio", 0.1), ("computer", 0.25),
                                      ("loudspeaker", 0.5), ("basic_phone", 0.3))
                   if rng.random() < share * (1.0 if z > -1 else 0.55)]
        elderly_allowance = sum(1 for m in members if m["birth_date"] < f"{review.year - 80}") * 360_000 * 12
        return {
            "head_name": head["full_name"],
            "address": address,
            "phone": "0" + _choice(rng, ("9", "8", "3", "7")) + f"{_randrange(rng, 10**8):08d}",
            "merit_household": rng.random() < 0.02,
            "income_method": "worksheet",
            "housing_walls": durability(),
            "housing_frame": durability(),
            "housing_roof": durability(),
            "floor_area_m2": float(max(12, round(rng.gauss(22 + 6 * z, 5) * max(1.0, n ** 0.75), 1))),
            "water_source": _choice(rng, _POOR_WATER) if rng.random() < deprived else _choice(rng, _DURABLE_WATER),
            "latrine_type": (_choice(rng, _POOR_LATRINE) if rng.random() < deprived * 1.2
                             else _choice(rng, _GOOD_LATRINE)),
            "waste_disposal": ("collected" if p.area == "urban" or rng.random() < 0.45 else
                               _choice(rng, ("sorted_treated", "burned_buried", "burned_buried", "dumped"))),
            "uses_telecom": rng.random() > deprived * 0.3,
            "information_devices": devices,
            "uses_digital_services": rng.random() < _sigmoid(0.8 + 1.2 * z),
            "income_wages": parts[0],
            "income_agriculture": parts[1],
            "income_business": parts[2],
            "income_other": parts[3],
            "income_social_allowances": elderly_allowance,
        }

    def household(self, village: dict[str, str], review: dt.date) -> tuple[dict[str, Any], float]:
        rng = self.rng
        z = rng.gauss(0, 1)
        members = self.members(z, review)
        doc = {
            "format": FORMAT, "format_version": FORMAT_VERSION, "household_id": _uuid(rng), "record_version": 1,
            "location": {"province": self.p.province, "commune": self.p.commune, "village": village["name"],
                         "village_id": village["id"], "area": self.p.area, "region": self.p.region},
            "review": {"date": review.isoformat(), "kind": "periodic"},
            "answers": self.answers(z, members, village["name"], review),
            "members": members,
        }
        return doc, z

    def earlier(self, doc: dict[str, Any], z: float, review: dt.date) -> dict[str, Any]:
        """The same household a year before: lower incomes, worse housing for some, a shock for a few."""
        rng = self.rng
        # Documents hold only dicts, lists of strings and scalars: a shallow copy per level is a deep copy.
        a = {k: list(v) if isinstance(v, list) else v for k, v in doc["answers"].items()}
        old = {**doc, "location": dict(doc["location"]), "review": {**doc["review"], "date": review.isoformat()},
               "answers": a, "members": [dict(m) for m in doc["members"]]}
        growth = 1.07 * math.exp(rng.gauss(0, 0.1))
        if rng.random() < 0.04:  # a bad or good year (illness, harvest, a job found or lost)
            growth *= _choice(rng, (0.55, 1.6))
        for key in ("income_wages", "income_agriculture", "income_business", "income_other"):
            a[key] = int(a[key] / growth / 1000) * 1000
        if z < -0.8 and rng.random() < 0.25:
            a["housing_walls"] = a["housing_roof"] = "non_durable"
        if rng.random() < 0.1:
            a["latrine_type"] = _choice(rng, _POOR_LATRINE)
        # Children born since were not there yet (the head, 21 or older, always was).
        old["members"] = [m for m in old["members"] if m["birth_date"] <= review.isoformat()]
        for m in old["members"]:
            if "has_health_insurance" in m and rng.random() < 0.05:
                m["has_health_insurance"] = not m["has_health_insurance"]
        return old


def build_demo(store: Store, *, households: int = 1500, seed: int = 1, progress: Progress) -> DemoSummary:
    """Fill an empty database with a demo commune and mark it as demo. One transaction: cancelling (through
    ``progress.cancelled()``) or any error leaves the database as it was."""
    if households < 1:
        raise InvalidChange("Số hộ mẫu phải từ 1 trở lên.")
    if store.household_count():
        raise InvalidChange("Cơ sở dữ liệu đã có hộ; dữ liệu mẫu chỉ tạo trong cơ sở dữ liệu trống "
                            "(dùng --db để chọn tệp khác).")
    rng = random.Random(seed)
    profile = PROFILES[(seed - 1) % len(PROFILES)]
    gen = _Generator(rng, profile)
    registry = default_registry()
    standards = [registry.for_year(year) for year, _, _ in ROUNDS]
    classifiers = [classifier_for(std) for std in standards]
    classes: dict[str | None, int] = {}
    n_assessments = n_support = 0
    progress.update(0, households)
    with store.transaction("tạo dữ liệu mẫu"):
        store.set_meta("is_demo", "1")
        store.set_meta("demo_seed", str(seed))
        province = store.add_unit("province", profile.province, actor=ACTOR, unit_id=_uuid(rng),
                                  kind="thanh_pho" if profile.province.startswith("Thành phố") else "tinh")
        commune = store.add_unit("commune", profile.commune, actor=ACTOR, parent_id=province.id,
                                 kind=profile.commune_kind, area=profile.area, region=profile.region,
                                 unit_id=_uuid(rng))
        n_villages = max(3, min(households // 150 + 1, 2000))
        villages = []
        for i in range(n_villages):
            base = profile.village_names[i % len(profile.village_names)]
            suffix = "" if i < len(profile.village_names) else f" {i // len(profile.village_names) + 1}"
            name = f"{_VILLAGE_PREFIX[profile.village_kind]} {base}{suffix}"
            unit = store.add_unit("village", name, actor=ACTOR, parent_id=commune.id, kind=profile.village_kind,
                                  sort_order=i, unit_id=_uuid(rng))
            villages.append({"id": unit.id, "name": unit.name})
        rounds = [store.create_round(year, "periodic", start, actor=ACTOR, title=title, round_id=_uuid(rng))
                  for year, start, title in ROUNDS]
        starts = [dt.date.fromisoformat(start) for _, start, _ in ROUNDS]
        done = 0
        while done < households:
            size = min(BATCH, households - done)
            docs, register, items, helped = [], {}, [], []
            for _ in range(size):
                village = villages[min(int(rng.random() ** 1.2 * n_villages), n_villages - 1)]
                review2 = starts[1] + dt.timedelta(days=_randrange(rng, 70))
                doc, z = gen.household(village, review2)
                old = gen.earlier(doc, z, starts[0] + dt.timedelta(days=_randrange(rng, 70)))
                # The past round assessed the households on its lists and a sample of the others; only
                # a household at or below the poverty line can be on a list, and for those the
                # classifier decides. The full explained result is built for every assessed household;
                # the register class of every household comes from the classifier (``decide``).
                sampled1 = rng.random() < 0.04
                listed1 = _below_line(standards[0], old) and classifiers[0].decide(old).klass in LISTED
                assessed1 = listed1 or sampled1
                if assessed1:
                    doc["record_version"] = 2
                    items.append((old, rounds[0].id, classifiers[0].classify(old), "approved", _uuid(rng)))
                class2 = classifiers[1].decide(doc).klass
                listed2 = class2 in LISTED
                if listed2:
                    doc["answers"]["poverty_causes"] = _causes(doc)
                if listed1 or listed2 or rng.random() < 0.03:
                    items.append((doc, rounds[1].id, classifiers[1].classify(doc), "approved", _uuid(rng)))
                register[doc["household_id"]] = class2
                classes[class2] = classes.get(class2, 0) + 1
                docs.append(doc)
                if listed2:
                    helped.append((doc, old, review2))
            store.import_households(docs, actor=ACTOR, classes=register, trusted=True)
            n_assessments += store.add_assessments_bulk(items, actor=ACTOR)
            n_support += store.add_support_bulk(
                [r for doc, old, review2 in helped for r in _support(rng, doc, old, review2)], actor=ACTOR)
            done += size
            progress.update(done, households)
            if progress.cancelled():
                raise Cancelled("tạo dữ liệu mẫu")
    return DemoSummary(households, n_villages, classes, n_assessments, n_support)


def _causes(doc: dict[str, Any]) -> list[str]:
    """Causes of poverty a surveyor might record for a listed household, drawn from its own make-up.

    Drawn from a generator seeded by the household's id, so recording them leaves every other draw (and
    so the rest of the demo commune) as it was."""
    rng = random.Random(doc["household_id"])
    members = doc["members"]
    able = sum(1 for m in members if m.get("able_to_work"))
    chances = {
        "lack_capital": 0.45, "lack_skills": 0.3, "lack_land": 0.25 if doc["location"]["area"] == "rural" else 0.02,
        "lack_equipment": 0.15, "no_work": 0.15, "unwilling_to_work": 0.03,
        "illness_accident": 0.7 if any(m.get("disability") == "severe" for m in members) else 0.12,
        "lack_labour": 0.75 if able <= 1 else 0.05,
        "many_dependants": 0.7 if len(members) - able >= 3 else 0.05,
    }
    causes = [cause for cause, chance in chances.items() if rng.random() < chance]
    return causes or ["other"]


def _below_line(standard: Standard, doc: dict[str, Any]) -> bool:
    """Counted income at or below the standard's poverty line (domain §3: above it a household is never
    poor or near-poor), read from the standard's own parameters."""
    counted = sum(doc["answers"].get(q) or 0 for q in standard.worksheet_counted.value)
    return counted <= standard.income[doc["location"]["area"]].poverty_line.value * len(doc["members"]) * 12


def _support(rng: random.Random, doc: dict[str, Any], old: dict[str, Any],
             review: dt.date) -> list[dict[str, Any]]:
    """Support a poor or near-poor household plausibly received after the review."""
    hid = doc["household_id"]
    after = (review + dt.timedelta(days=_randint(rng, 20, 120))).isoformat()
    records = [("health_insurance_card", after, None, "Bảo hiểm xã hội", "Cấp thẻ BHYT cho thành viên hộ")]
    if rng.random() < 0.4:
        records.append(("loan", after, _randint(rng, 30, 100) * 1_000_000, "Ngân hàng Chính sách xã hội",
                        "Vay vốn hộ nghèo, cận nghèo"))
    housing_better = (old["answers"]["housing_walls"], doc["answers"]["housing_walls"]) == ("non_durable", "durable")
    if housing_better:
        before = (review - dt.timedelta(days=_randint(rng, 60, 240))).isoformat()
        records.append(("housing", before, _choice(rng, (40, 50, 60)) * 1_000_000, "UBND xã",
                        "Hỗ trợ xây mới, sửa chữa nhà ở"))
    if rng.random() < 0.15:
        records.append(("job_info", after, None, "Trung tâm dịch vụ việc làm", "Tư vấn, giới thiệu việc làm"))
    if rng.random() < 0.08:
        records.append(("vocational_training", after, None, "Trung tâm giáo dục nghề nghiệp", "Học nghề ngắn hạn"))
    if rng.random() < 0.01:
        records.append(("labour_abroad", after, None, "Doanh nghiệp dịch vụ", "Đi làm việc ở nước ngoài theo hợp đồng"))
    return [{"id": _uuid(rng), "household_id": hid, "kind": kind, "date": date, "amount": amount,
             "provider": provider, "note": note} for kind, date, amount, provider, note in records]
