"""Use cases of the administrative units: the office renames a unit or sets its kind and rural/urban area.

The area decides the income line a household is measured against, so it is a property of the unit,
editable by the office (domain notes §8). Each household document carries a copy of its location (names,
area, region) because the document is what travels to and from the field laptops and what a printed
sheet shows. Editing a unit therefore rewrites the location of every household under it, in the same
transaction: each becomes a new record version, audited, which reaches the laptops with the village's
next assignment file (``services.sync.import_assignment`` then follows the office's names and area).

Stored results are not changed here: a class is recorded through an assessment. The change reports the
households whose recorded class the rules now give differently, so the office knows whom to re-assess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ngheo_desktop import criteria
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import Cancelled, NoProgress, Progress
from ngheo_desktop.store import AREA_OF_KIND, INHERIT_AREA, UNIT_KINDS, Store, Unit
from ngheo_desktop.text import fold, nfc


@dataclass(frozen=True)
class UnitRow:
    """A unit as the units screen and ``ngheo units list`` show it."""

    unit: Unit
    depth: int
    area: str | None         # the area in force: the unit's own, else inherited from above
    area_inherited: bool
    households: int


@dataclass(frozen=True)
class UnitChange:
    """What editing a unit changed."""

    unit: Unit
    households_updated: tuple[str, ...]
    # Households with a recorded class that the rules now give differently (the area moved their line).
    results_differ: tuple[str, ...]


def unit_tree(store: Store) -> list[UnitRow]:
    """Every unit, province → commune → village, in display order, with its area in force and its
    number of households."""
    counts = store.household_counts()
    children: dict[str | None, list[Unit]] = {}
    for unit in store.units():
        children.setdefault(unit.parent_id, []).append(unit)
    rows: list[UnitRow] = []

    def households_in(unit: Unit) -> int:
        return counts.get(unit.id, 0) + sum(households_in(child) for child in children.get(unit.id, []))

    def walk(parent_id: str | None, depth: int, inherited: str | None) -> None:
        for unit in children.get(parent_id, []):
            area = unit.area or inherited
            rows.append(UnitRow(unit, depth, area, unit.area is None and area is not None, households_in(unit)))
            walk(unit.id, depth + 1, area)

    walk(None, 0, None)
    return rows


def find_unit(store: Store, ref: str, level: str | None = None) -> Unit:
    """A unit by id, or by the name a clerk types: case, diacritics and Unicode form ignored as in a search,
    with or without the kind (``Đồng Tâm`` for ``Thôn Đồng Tâm``). A name two units share is refused."""
    unit = store.unit(ref.strip())
    if unit is not None and level in (None, unit.level):
        return unit
    wanted = _folded(ref)
    named = [u for u in store.units(level=level) if wanted and wanted in _names(u)]
    if len(named) == 1:
        return named[0]
    if named:
        raise NgheoError(f"Có {len(named)} đơn vị tên '{ref}'; hãy dùng mã đơn vị (ngheo units list).")
    raise NgheoError(f"Không có đơn vị hành chính '{ref}' (xem danh sách: ngheo units list).")


def _folded(text: str) -> str:
    return " ".join(fold(text).split())


def _names(unit: Unit) -> set[str]:
    """The folded names a unit answers to: its name, and its name without its kind (``thon dong tam``,
    ``dong tam``)."""
    name = _folded(unit.name)
    names = {name}
    for label in UNIT_KINDS[unit.level].values():
        prefix = _folded(label) + " "
        if name.startswith(prefix):
            names.add(name[len(prefix):])
    return names


def update_unit(store: Store, unit_id: str, *, actor: str, name: str | None = None, kind: str | None = None,
                area: str | None = None, progress: Progress | None = None) -> UnitChange:
    """Rename a unit or change its kind or area, and carry the change into its households' documents.

    Changing a commune to ``xa`` or ``phuong`` without an explicit area sets the area that kind implies,
    and a name starting with the old kind's word takes the new one. All in one transaction: cancelling
    (through ``progress``) or a refusal leaves the unit and its households as they were."""
    progress = progress or NoProgress()
    with store.transaction("sửa đơn vị hành chính"):
        before = store.unit(unit_id)
        if before is None:
            raise NgheoError(f"Không có đơn vị hành chính có mã {unit_id}.")
        if kind is not None and kind not in UNIT_KINDS[before.level]:
            allowed = ", ".join(UNIT_KINDS[before.level])
            raise NgheoError(f"Loại '{kind}' không dùng cho cấp này (chọn một trong: {allowed}).")
        if area is not None and before.level == "province":
            raise NgheoError("Khu vực nông thôn/thành thị đặt cho xã, phường hoặc thôn, không đặt cho tỉnh.")
        if area == INHERIT_AREA and before.level != "village":
            raise NgheoError("Chỉ thôn, tổ dân phố mới lấy khu vực theo cấp trên; xã, phường cần khu vực riêng.")
        if kind is not None and kind != before.kind:
            if area is None and before.level == "commune":
                area = AREA_OF_KIND.get(kind)
            if name is None:
                name = _renamed_for_kind(before, kind)
        if name is not None:
            _check_name(store, before, name)
        unit = store.update_unit(unit_id, actor=actor, name=name, kind=kind, area=area)
        if unit == before:
            return UnitChange(unit, (), ())
        villages = _villages_at_or_under(store, unit)
        for village in villages:
            if store.area_of(village.id) is None:
                raise NgheoError(f"{village.name} sẽ không có khu vực nông thôn hay thành thị (đơn vị cấp trên cũng "
                                 "chưa có); hãy đặt khu vực cho thôn hoặc cho xã trước.")
        updated, differ = _relocate(store, [(v, store.household_ids(village_id=v.id)) for v in villages], actor,
                                    progress)
    return UnitChange(unit, tuple(updated), tuple(differ))


def follow_units(store: Store, household_ids: list[str], *, actor: str) -> list[str]:
    """Carry the register's names and area into these households where their copy differs (a laptop's own
    households once the office's names have arrived; a laptop's copy the office approves). Returns the
    households changed, each a new version."""
    by_village: dict[str, list[str]] = {}
    for hid, row in store.household_rows(household_ids).items():
        if row.village_id:
            by_village.setdefault(row.village_id, []).append(hid)
    villages = [(store.unit(vid), ids) for vid, ids in by_village.items()]
    return _relocate(store, [(v, ids) for v, ids in villages if v is not None and v.level == "village"], actor,
                     NoProgress())[0]


def _relocate(store: Store, villages: list[tuple[Unit, list[str]]], actor: str, progress: Progress
              ) -> tuple[list[str], list[str]]:
    """Each village's location from the units into its households' documents: (households changed, those
    among them with a recorded class whose class the rules give differently under the new area)."""
    recorded = store.household_classes()
    total, done = sum(len(ids) for _, ids in villages), 0
    updated, differ = [], []
    for village, household_ids in villages:
        location = _location_of(store, village)
        for hid in household_ids:
            if progress.cancelled():
                raise Cancelled("sửa đơn vị hành chính")
            done += 1
            if done % 100 == 0:
                progress.update(done, total)
            doc = store.get_household(hid)
            new_location = {**doc["location"], **location}
            if new_location == doc["location"]:
                continue
            saved = store.save_household({**doc, "location": new_location}, actor=actor)
            updated.append(hid)
            if recorded.get(hid) is not None and new_location.get("area") != doc["location"].get("area"):
                before, after = _class_of(doc), _class_of(saved)
                if before is not None and after is not None and before != after:
                    differ.append(hid)
    progress.update(total, total)
    return updated, differ


def _renamed_for_kind(unit: Unit, kind: str) -> str | None:
    """A name that starts with the unit's kind takes the new kind's word (``Xã Quỳnh Thắng`` made a ward
    becomes ``Phường Quỳnh Thắng``); any other name is left as the office wrote it."""
    old_word, new_word = UNIT_KINDS[unit.level][unit.kind], UNIT_KINDS[unit.level][kind]
    if unit.name.startswith(old_word + " "):
        return new_word + unit.name[len(old_word):]
    return None


def _check_name(store: Store, unit: Unit, name: str) -> None:
    """A unit needs a name, different from its siblings' (ignoring case and diacritics, as a search does):
    two villages of one name in a commune would be told apart by nobody reading a list."""
    if not nfc(name).strip():
        raise NgheoError("Tên đơn vị hành chính không được để trống.")
    taken = [u for u in store.units(level=unit.level, parent_id=unit.parent_id)
             if u.id != unit.id and _folded(u.name) == _folded(name)]
    if taken:
        raise NgheoError(f"Đã có đơn vị '{taken[0].name}' cùng cấp; hãy chọn tên khác.")


def location_problem(store: Store, doc: dict[str, Any]) -> tuple[str, str] | None:
    """(location field, reason) when a household document contradicts the register's units, else None.

    A document for a known village must carry that village's names and area as the register has them
    (the area chooses the income line); one for a new village must name a commune the register has, when
    it has any, so a mistyped commune does not quietly become a second commune."""
    location = doc["location"]
    expected = location_of(store, location.get("village_id"))
    if expected:
        for field, want in expected.items():
            if location.get(field) != want:
                return field, (f"là '{location.get(field)}' nhưng sổ hộ ghi '{want}' cho {expected['village']}; "
                               "sửa theo đơn vị hành chính (ngheo units list)")
        return None
    # Compared as written (NFC), not folded: "Quỳnh Thăng" and "Quỳnh Thắng" are two names.
    communes = store.units(level="commune")
    if communes and nfc(location.get("commune") or "").strip() not in {c.name for c in communes}:
        names = ", ".join(c.name for c in communes)
        return "commune", f"'{location.get('commune')}' không có trong sổ hộ (các xã, phường: {names})"
    return None


def _villages_at_or_under(store: Store, unit: Unit) -> list[Unit]:
    if unit.level == "village":
        return [unit]
    found: list[Unit] = []
    for child in store.units(parent_id=unit.id):
        found.extend(_villages_at_or_under(store, child))
    return found


def location_of(store: Store, village_id: str | None) -> dict[str, Any]:
    """The location fields the register's units give a household of that village (empty when the village is
    not in the register)."""
    village = store.unit(village_id) if village_id else None
    return _location_of(store, village) if village is not None and village.level == "village" else {}


def _location_of(store: Store, village: Unit) -> dict[str, Any]:
    """The location fields a household document copies from its village and the units above it."""
    chain = [village]
    while chain[-1].parent_id:
        parent = store.unit(chain[-1].parent_id)
        if parent is None:
            break
        chain.append(parent)
    location: dict[str, Any] = {"village": village.name}
    for unit in chain[1:]:
        location.setdefault(unit.level, unit.name)
    area = next((u.area for u in chain if u.area), None)
    if area:
        location["area"] = area
    region = next((u.region for u in chain if u.region), None)
    if region:
        location["region"] = region
    return location


def _class_of(doc: dict[str, Any]) -> str | None:
    """The class the rules give the document, or None when no standard can classify it (a review date no
    standard covers): such a household is not named, and does not stop the unit's edit."""
    try:
        return criteria.classifier_for(criteria.standard_for(doc)).decide(doc).klass
    except NgheoError:
        return None


def follow_office_locations(store: Store, docs: list[dict[str, Any]], *, actor: str) -> set[str]:
    """On a laptop: take the office's village names and areas from the households it assigned.

    The laptop learns its units from household documents (``Store._ensure_units`` never renames one), so
    an assignment carrying a renamed village or a changed area updates the village and its commune here
    (the caller passes the newest assignment's households only). Returns the villages changed."""
    changed: set[str] = set()
    for village_id, location in {d["location"].get("village_id"): d["location"] for d in docs}.items():
        village = store.unit(village_id) if village_id else None
        if village is None:
            continue
        area = location.get("area") if location.get("area") != store.area_of(village.id) else None
        if village.name != location.get("village", village.name) or area is not None:
            store.update_unit(village.id, actor=actor, name=location.get("village"), area=area)
            changed.add(village.id)
        commune = store.unit(village.parent_id) if village.parent_id else None
        if commune is not None and location.get("commune") and commune.name != location["commune"]:
            store.update_unit(commune.id, actor=actor, name=location["commune"])
            changed.update(v.id for v in store.units(level="village", parent_id=commune.id))
    return changed
