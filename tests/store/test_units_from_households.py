"""A register learns villages from the households it receives (bundles and files carry no unit records)."""

from __future__ import annotations

import uuid

from factories import household

from ngheo_desktop.store import Store


def _in_village(village_id: str, village: str, area: str = "rural") -> dict:
    h = household(area=area)
    h["location"].update(village_id=village_id, village=village, commune="Xã Quỳnh Thắng", province="Tỉnh Nghệ An")
    return h


def test_an_empty_register_learns_village_commune_and_province_once(tmp_path):
    village_id = str(uuid.uuid4())
    with Store.open(tmp_path / "office.sqlite") as store:
        store.import_households([_in_village(village_id, "Thôn Đồng Tâm"), _in_village(village_id, "Thôn Đồng Tâm")],
                                actor="văn thư")
        [village] = store.units(level="village")
        assert (village.id, village.name, village.kind) == (village_id, "Thôn Đồng Tâm", "thon")
        commune = store.unit(village.parent_id)
        assert (commune.name, commune.kind, commune.area) == ("Xã Quỳnh Thắng", "xa", "rural")
        assert store.unit(commune.parent_id).name == "Tỉnh Nghệ An"
        assert store.household_count(village_id) == 2
        # A second village of the same commune joins it; nothing is duplicated.
        other = str(uuid.uuid4())
        store.save_household(_in_village(other, "Thôn Tân Lập"), actor="văn thư")
        assert sorted(u.name for u in store.units(level="village")) == ["Thôn Tân Lập", "Thôn Đồng Tâm"]
        assert len(store.units(level="commune")) == 1 and len(store.units(level="province")) == 1


def test_a_known_village_is_never_renamed_by_a_household(tmp_path):
    village_id = str(uuid.uuid4())
    with Store.open(tmp_path / "x.sqlite") as store:
        store.save_household(_in_village(village_id, "Thôn Đồng Tâm"), actor="a")
        store.save_household(_in_village(village_id, "Thôn Đổi Tên"), actor="a")
        assert [u.name for u in store.units(level="village")] == ["Thôn Đồng Tâm"]
