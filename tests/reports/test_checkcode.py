"""The printed check code: round trip, typing errors caught, match / outdated / unknown."""

import copy
import json

import pytest

from ngheo_desktop.paths import forms_dir
from ngheo_desktop.reports.checkcode import (
    ALPHABET,
    MATCH,
    OUTDATED,
    UNKNOWN,
    InvalidCheckCode,
    parse_code,
    stamp_for,
    verify,
)


@pytest.fixture
def household():
    return json.loads((forms_dir() / "examples" / "household-poor.json").read_text("utf-8"))


RESULT = {"class": "poor", "notes": []}


def test_code_shape_and_round_trip(household):
    stamp = stamp_for(household, RESULT)
    code = stamp.code
    parts = code.split("-")
    assert [len(p) for p in parts] == [4, 4, 1, 7] and parts[2] == "1"
    parsed = parse_code(code)
    assert parsed.record_version == 1 and parsed.matches(household["household_id"])
    # Lower case, spaces, a missing middle dash and O/I/L typed for 0/1 are forgiven.
    sloppy = code.lower().replace("0", "o").replace("1", "l").replace("-", " - ", 1)
    assert parse_code(sloppy.replace(" ", "")) == parsed
    assert parse_code(code[:4] + code[5:]) == parsed


def test_every_single_character_mistake_is_caught(household):
    code = stamp_for(household, RESULT).code
    for i, ch in enumerate(code):
        if ch == "-":
            continue
        for other in ALPHABET:
            if other == ch:
                continue
            with pytest.raises(InvalidCheckCode):
                parse_code(code[:i] + other + code[i + 1:])


def test_adjacent_swaps_are_mostly_caught(household):
    code = stamp_for(household, RESULT).code.replace("-", "")
    caught = total = 0
    for i in range(len(code) - 1):
        if code[i] == code[i + 1]:
            continue
        swapped = code[:i] + code[i + 1] + code[i] + code[i + 2:]
        total += 1
        try:
            parse_code(f"{swapped[:4]}-{swapped[4:8]}-{swapped[8]}-{swapped[9:]}")
        except InvalidCheckCode:
            caught += 1
    assert caught / total > 0.8


def test_qr_payload_carries_id_version_hash_and_code(household):
    stamp = stamp_for(household, RESULT)
    prefix, hid, version, digest, code = stamp.qr_payload.split(":")
    assert (prefix, hid.lower(), version, code) == ("NGHEO1", household["household_id"], "1", stamp.code)
    assert digest == stamp.hash_hex[:32].upper()
    assert parse_code(stamp.qr_payload).household_id == household["household_id"]


def test_verify_match_outdated_unknown(household):
    parsed = parse_code(stamp_for(household, RESULT).code)
    assert verify(parsed, [(household, RESULT)]).status == MATCH

    changed = copy.deepcopy(household)
    changed["answers"]["floor_area_m2"] = 60
    changed["record_version"] = 2
    outdated = verify(parsed, [(changed, RESULT)])
    assert outdated.status == OUTDATED
    assert (outdated.printed_version, outdated.current_version) == (1, 2)
    assert "phiên bản 1" in outdated.message_vi

    # The result alone changing (a reclassification) also makes the paper outdated.
    assert verify(parsed, [(household, {**RESULT, "class": "near_poor"})]).status == OUTDATED

    other = copy.deepcopy(household)
    other["household_id"] = "00000000-0000-4000-8000-000000000000"
    assert verify(parsed, [(other, RESULT)]).status == UNKNOWN
    assert verify(parsed, []).status == UNKNOWN


def test_garbage_is_refused_in_vietnamese():
    with pytest.raises(InvalidCheckCode, match="không hợp lệ"):
        parse_code("hello")
    with pytest.raises(InvalidCheckCode, match="mã QR"):
        parse_code("NGHEO1:abc")
