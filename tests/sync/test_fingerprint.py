"""Fingerprints and device ids: every single mistyped character and every swap of neighbours is caught."""

from __future__ import annotations

import os

import pytest

from ngheo_desktop.sync import fingerprint as fp
from ngheo_desktop.sync.errors import FingerprintError

KEYS = [(os.urandom(32), os.urandom(32)) for _ in range(5)]


@pytest.mark.parametrize(("sig", "enc"), KEYS)
def test_every_single_character_typo_is_detected(sig, enc):
    text = fp.fingerprint(sig, enc)
    assert fp.normalise_fingerprint(text) == text
    checked = 0
    for i, ch in enumerate(text):
        if ch == "-":
            continue
        for other in fp.ALPHABET:
            if other == ch:
                continue
            typo = text[:i] + other + text[i + 1:]
            with pytest.raises(FingerprintError):
                fp.normalise_fingerprint(typo)
            checked += 1
    assert checked == 30 * 31


@pytest.mark.parametrize(("sig", "enc"), KEYS)
def test_every_swap_of_neighbours_within_a_group_is_detected(sig, enc):
    text = fp.fingerprint(sig, enc)
    for i in range(len(text) - 1):
        a, b = text[i], text[i + 1]
        if "-" in (a, b) or a == b:
            continue
        with pytest.raises(FingerprintError):
            fp.normalise_fingerprint(text[:i] + b + a + text[i + 2:])


def test_case_spacing_and_look_alikes_are_forgiven():
    sig, enc = KEYS[0]
    text = fp.fingerprint(sig, enc)
    sloppy = " ".join(text.replace("-", "").lower()[i:i + 3] for i in range(0, 30, 3))
    assert fp.normalise_fingerprint(sloppy) == text
    assert fp.normalise_fingerprint(text.replace("0", "O").replace("1", "l")) == text


def test_wrong_length_and_foreign_letters_are_refused_with_a_reason():
    text = fp.fingerprint(*KEYS[0])
    with pytest.raises(FingerprintError, match="30 ký tự"):
        fp.normalise_fingerprint(text[:-1])
    with pytest.raises(FingerprintError, match="Ký tự 'U'"):
        fp.normalise_fingerprint("U" + text[1:])


def test_device_id_is_the_start_of_the_fingerprint_and_has_its_own_check():
    sig, enc = KEYS[1]
    device = fp.device_id_text(fp.device_id_bytes(sig, enc))
    assert fp.fingerprint(sig, enc).startswith(device + "-")
    assert fp.normalise_device_id(device.lower()) == device
    i = 2
    typo = device[:i] + ("A" if device[i] != "A" else "B") + device[i + 1:]
    with pytest.raises(FingerprintError, match="Nhóm thứ 1"):
        fp.normalise_device_id(typo)
