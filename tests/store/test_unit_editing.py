"""The office corrects an administrative unit: the households under it follow, and whom to re-assess is named."""

from __future__ import annotations

import pytest
from factories import household

from ngheo_desktop.criteria import classify
from ngheo_desktop.errors import NgheoError
from ngheo_desktop.services import Cancelled, units
from ngheo_desktop.store import INHERIT_AREA, Store


class CancelPressed:
    """The progress handle after the user pressed Cancel."""

    def update(self, done, total):
        return None

    def cancelled(self):
        return True


@pytest.fixture
def commune(tmp_path):
    """A rural commune with two villages; one household earns between the rural and the urban poverty line."""
    with Store.open(tmp_path / "reg.sqlite") as store:
        province = store.add_unit("province", "Tỉnh Nghệ An", actor="t")
        xa = store.add_unit("commune", "Xã Quỳnh Thắng", actor="t", parent_id=province.id)
        dong_tam = store.add_unit("village", "Thôn Đồng Tâm", actor="t", parent_id=xa.id)
        tan_lap = store.add_unit("village", "Thôn Tân Lập", actor="t", parent_id=xa.id)
        docs = {}
        # 1.8 million đồng a person a month: above the rural poverty line (1.5 M), below the urban one (2 M).
        for name, village, income in (("between", dong_tam, 1_800_000), ("well_off", dong_tam, 9_000_000),
                                      ("elsewhere", tan_lap, 1_800_000)):
            doc = household(monthly_income_per_person=income)
            doc["location"].update(village=village.name, village_id=village.id)
            klass = classify(doc)["class"]
            docs[name] = store.save_household(doc, actor="t", klass=klass)
        yield store, xa, dong_tam, tan_lap, docs


def test_a_commune_made_a_ward_moves_its_households_to_the_urban_line(commune):
    store, xa, _dong_tam, _tan_lap, docs = commune
    between = docs["between"]["household_id"]
    recorded = store.household_rows([between])[between].klass
    assert recorded == "average_living"

    change = units.update_unit(store, xa.id, actor="Văn thư xã", name="Phường Quỳnh Thắng", kind="phuong")

    assert (change.unit.kind, change.unit.area, change.unit.name) == ("phuong", "urban", "Phường Quỳnh Thắng")
    assert set(change.households_updated) == {d["household_id"] for d in docs.values()}
    for doc in docs.values():
        stored = store.get_household(doc["household_id"])
        assert stored["location"]["area"] == "urban"
        assert stored["location"]["commune"] == "Phường Quỳnh Thắng"
        assert stored["record_version"] == doc["record_version"] + 1
        assert any(e.field == "location.area" and e.actor == "Văn thư xã"
                   for e in store.audit_for(doc["household_id"]))
    # The two households between the lines now fall under the urban poverty line; their recorded class
    # stays (only an assessment records a class) and they are named for re-assessment.
    assert set(change.results_differ) == {between, docs["elsewhere"]["household_id"]}
    assert classify(store.get_household(between))["class"] == "near_poor"
    assert store.household_rows([between])[between].klass == recorded


def test_renaming_a_village_reaches_its_households_and_the_search(commune):
    store, _xa, dong_tam, _tan_lap, docs = commune
    change = units.update_unit(store, dong_tam.id, actor="t", name="Thôn Đồng Tâm Mới")
    assert set(change.households_updated) == {docs["between"]["household_id"], docs["well_off"]["household_id"]}
    assert change.results_differ == ()
    assert {r.village for r in store.household_rows(change.households_updated).values()} == {"Thôn Đồng Tâm Mới"}
    assert store.get_household(docs["elsewhere"]["household_id"])["location"]["village"] == "Thôn Tân Lập"
    assert {r.household_id for r in store.search("dong tam moi")} == set(change.households_updated)


def test_a_village_can_have_its_own_area_under_a_rural_commune(commune):
    store, _xa, _dong_tam, tan_lap, docs = commune
    change = units.update_unit(store, tan_lap.id, actor="t", area="urban")
    assert change.households_updated == change.results_differ == (docs["elsewhere"]["household_id"],)
    tree = {row.unit.id: row for row in units.unit_tree(store)}
    assert (tree[tan_lap.id].area, tree[tan_lap.id].area_inherited) == ("urban", False)
    assert tree[_dong_tam.id].area_inherited and tree[_dong_tam.id].area == "rural"
    assert tree[_xa.id].households == 3 and tree[tan_lap.id].households == 1


def test_a_special_zone_keeps_the_area_the_office_sets(commune):
    store, xa, *_ = commune
    change = units.update_unit(store, xa.id, actor="t", kind="dac_khu")
    # Its area stays as set; its name follows its kind, and so do its households' copies of it.
    assert (change.unit.kind, change.unit.area, change.unit.name) == ("dac_khu", "rural", "Đặc khu Quỳnh Thắng")
    assert {store.get_household(h)["location"]["commune"] for h in change.households_updated} == {
        "Đặc khu Quỳnh Thắng"} and len(change.households_updated) == 3
    assert change.results_differ == ()


def test_cancelled_or_refused_changes_leave_everything_as_it_was(commune):
    store, xa, dong_tam, _tan_lap, docs = commune
    with pytest.raises(Cancelled):
        units.update_unit(store, xa.id, actor="t", area="urban", progress=CancelPressed())
    with pytest.raises(NgheoError, match="không dùng cho cấp này"):
        units.update_unit(store, dong_tam.id, actor="t", kind="phuong")
    assert store.unit(xa.id).area == "rural" and store.unit(dong_tam.id).kind == "thon"
    assert all(store.get_household(d["household_id"]) == d for d in docs.values())


def test_find_unit_by_id_or_unique_name(commune):
    store, xa, dong_tam, *_ = commune
    assert units.find_unit(store, dong_tam.id) == dong_tam
    assert units.find_unit(store, "thôn đồng tâm") == dong_tam
    with pytest.raises(NgheoError, match="Không có đơn vị"):
        units.find_unit(store, "Thôn Không Có")
    store.add_unit("village", "Thôn Đồng Tâm", actor="t", parent_id=xa.id)
    with pytest.raises(NgheoError, match="Có 2 đơn vị"):
        units.find_unit(store, "Thôn Đồng Tâm")


def test_a_village_can_take_its_commune_s_area_again(commune):
    store, _xa, _dong_tam, tan_lap, docs = commune
    units.update_unit(store, tan_lap.id, actor="t", area="urban")
    change = units.update_unit(store, tan_lap.id, actor="t", area=INHERIT_AREA)
    assert change.unit.area is None and store.area_of(tan_lap.id) == "rural"
    assert store.get_household(docs["elsewhere"]["household_id"])["location"]["area"] == "rural"


def test_names_must_be_given_and_distinct_and_provinces_have_no_area(commune):
    store, xa, dong_tam, tan_lap, _docs = commune
    for blank in ("", "   "):
        with pytest.raises(NgheoError, match="không được để trống"):
            units.update_unit(store, tan_lap.id, actor="t", name=blank)
    with pytest.raises(NgheoError, match="Đã có đơn vị 'Thôn Đồng Tâm'"):
        units.update_unit(store, tan_lap.id, actor="t", name="thon dong tam")   # as a search would match it
    with pytest.raises(NgheoError, match="không đặt cho tỉnh"):
        units.update_unit(store, xa.parent_id, actor="t", area="urban")
    with pytest.raises(NgheoError, match="Chỉ thôn"):
        units.update_unit(store, xa.id, actor="t", area=INHERIT_AREA)
    assert store.unit(tan_lap.id).name == "Thôn Tân Lập" and store.unit(dong_tam.id) == dong_tam


def test_a_unit_is_found_by_the_name_a_clerk_types(commune):
    import unicodedata

    from ngheo_desktop.services.reports import find_village

    store, xa, dong_tam, tan_lap, _docs = commune
    for typed in ("Thôn Đồng Tâm", "đồng tâm", "Dong Tam", " thon  dong tam ",
                  unicodedata.normalize("NFD", "Thôn Đồng Tâm")):  # decomposed, as some keyboards type it
        assert units.find_unit(store, typed) == dong_tam and find_village(store, typed) == dong_tam.id
    for loose in ("Tâm", "Lập", "Thôn"):  # part of a name is not a name
        with pytest.raises(NgheoError):
            units.find_unit(store, loose)
    assert units.find_unit(store, "quynh thang", level="commune") == xa
    assert units.find_unit(store, tan_lap.id) == tan_lap


def test_only_a_change_of_area_names_households_and_no_household_blocks_the_edit(commune):
    store, xa, dong_tam, tan_lap, docs = commune
    # An answer corrected since the household was assessed: its class now differs, but not by the rename.
    between = store.get_household(docs["between"]["household_id"])
    store.save_household({**between, "answers": {**between["answers"], "income_wages": 1}}, actor="t")
    assert units.update_unit(store, dong_tam.id, actor="t", name="Thôn Đồng Tâm Mới").results_differ == ()
    # A household no standard can classify (reviewed in 2019) does not stop the commune becoming urban.
    old = household(review_date="2019-10-01")
    old["location"].update(village=tan_lap.name, village_id=tan_lap.id)
    store.save_household(old, actor="t", klass="poor")
    change = units.update_unit(store, xa.id, actor="t", area="urban")
    assert old["household_id"] in change.households_updated
    assert old["household_id"] not in change.results_differ


def test_a_name_taken_by_following_the_kind_and_a_village_left_without_area_are_refused(commune):
    store, xa, *_ = commune
    store.add_unit("commune", "Phường Quỳnh Thắng", actor="t", parent_id=xa.parent_id, kind="phuong")
    with pytest.raises(NgheoError, match="Đã có đơn vị 'Phường Quỳnh Thắng'"):
        units.update_unit(store, xa.id, actor="t", kind="phuong")
    zone = store.add_unit("commune", "Đặc khu Cồn Cỏ", actor="t", parent_id=xa.parent_id, kind="dac_khu")
    island = store.add_unit("village", "Thôn Đảo", actor="t", parent_id=zone.id, area="urban")
    with pytest.raises(NgheoError, match="không có khu vực"):
        units.update_unit(store, island.id, actor="t", area=INHERIT_AREA)
    assert store.unit(xa.id).kind == "xa" and store.unit(island.id).area == "urban"
