"""Hostile files, no database needed: every damaged, spliced, misaddressed or oversized file is refused
with a ``FileRejected`` (never another exception), and a compressed bomb costs bounded time and memory."""

from __future__ import annotations

import random
import struct
import time
import tracemalloc
import zlib

import pytest
from sync_builders import household, make_bundle, record

from ngheo_desktop.sync import container, payloads
from ngheo_desktop.sync.errors import FileRejected
from ngheo_desktop.sync.strictjson import canonical


def _fully_open(data, office, lookup, limits=container.DEFAULT_LIMITS):
    v = container.verify(data, "bundle", lookup, limits)
    return payloads.parse_bundle(container.open_payload(v, office, limits), v.header.counts)


def _assert_rejected(data, office, lookup):
    with pytest.raises(FileRejected):
        _fully_open(data, office, lookup)


def test_the_sample_opens(sample_bundle, office, lookup):
    assert len(_fully_open(sample_bundle, office, lookup)) == 2


def test_thousands_of_random_single_byte_changes_are_all_refused(sample_bundle, office, lookup):
    rng = random.Random(6)
    # Every position once, then random positions, each with a random non-identical value.
    positions = list(range(len(sample_bundle))) + [rng.randrange(len(sample_bundle)) for _ in range(2000)]
    for pos in positions:
        mutated = bytearray(sample_bundle)
        mutated[pos] ^= rng.randrange(1, 256)
        _assert_rejected(bytes(mutated), office, lookup)
    assert len(positions) >= 3000


def test_truncation_at_every_offset_and_appended_bytes(sample_bundle, office, lookup):
    for cut in range(len(sample_bundle)):
        _assert_rejected(sample_bundle[:cut], office, lookup)
    _assert_rejected(sample_bundle + b"\x00", office, lookup)
    _assert_rejected(sample_bundle + sample_bundle, office, lookup)


def _parts(data):
    h_len = struct.unpack_from(">I", data, 32)[0]
    start = container.PREAMBLE_SIZE + h_len
    return {"preamble": data[:container.PREAMBLE_SIZE], "header": data[container.PREAMBLE_SIZE:start],
            "crypto": data[start:-64], "signature": data[-64:]}


def _join(p):
    return p["preamble"] + p["header"] + p["crypto"] + p["signature"]


def test_parts_swapped_between_two_valid_bundles(field, field2, office, lookup):
    a = make_bundle(field, office, [record(household())], sequence=1)
    b = make_bundle(field, office, [record(household("Phạm Văn Bình", "040084009876"))], sequence=2)
    c = make_bundle(field2, office, [record(household())], sequence=1)
    for other in (b, c):
        pa, pb = _parts(a), _parts(other)
        for name in ("header", "crypto", "signature"):
            spliced = dict(pa, **{name: pb[name]})
            if name == "crypto":
                # Keep the declared ciphertext length consistent so the splice reaches the crypto checks.
                pre = bytearray(spliced["preamble"])
                struct.pack_into(">Q", pre, 36, len(pb["crypto"]) - 44)
                spliced["preamble"] = bytes(pre)
            if name == "header":
                pre = bytearray(spliced["preamble"])
                struct.pack_into(">I", pre, 32, len(pb["header"]))
                spliced["preamble"] = bytes(pre)
            _assert_rejected(_join(spliced), office, lookup)


def test_spliced_ciphertext_is_refused_even_if_re_signed_by_a_trusted_device(field, office, lookup):
    """A trusted insider re-signing another bundle's ciphertext under a new header: the AAD binds them."""
    a = make_bundle(field, office, [record(household())], sequence=1)
    b = make_bundle(field, office, [record(household())], sequence=2)
    unsigned = _parts(a)["preamble"] + _parts(a)["header"] + _parts(b)["crypto"]
    pre = bytearray(unsigned[:container.PREAMBLE_SIZE])
    struct.pack_into(">Q", pre, 36, len(_parts(b)["crypto"]) - 44)
    unsigned = bytes(pre) + unsigned[container.PREAMBLE_SIZE:]
    with pytest.raises(FileRejected) as exc:
        _fully_open(unsigned + field.sign(unsigned), office, lookup)
    assert exc.value.code == "decrypt_failed"


def test_bundle_for_another_office(field, office, other_office, lookup):
    data = make_bundle(field, other_office, [record(household())])
    with pytest.raises(FileRejected) as exc:
        _fully_open(data, office, lookup)
    assert exc.value.code == "wrong_recipient"
    # Re-addressing it to us in the fixed part breaks the signature.
    pre = bytearray(data)
    pre[22:32] = office.public.device_id_raw
    with pytest.raises(FileRejected) as exc:
        _fully_open(bytes(pre), office, lookup)
    assert exc.value.code == "bad_signature"


@pytest.mark.parametrize(("offset", "fmt", "value"), [
    (32, ">I", 2**32 - 1), (32, ">I", 4097), (36, ">Q", 2**64 - 1), (36, ">Q", 2**40), (36, ">Q", 0),
])
def test_oversize_or_impossible_declared_lengths(sample_bundle, office, lookup, offset, fmt, value):
    data = bytearray(sample_bundle)
    struct.pack_into(fmt, data, offset, value)
    with pytest.raises(FileRejected) as exc:
        _fully_open(bytes(data), office, lookup)
    assert exc.value.code in {"oversize", "bad_length"}


def test_a_file_larger_than_the_limit_is_refused_before_anything_else(office, lookup):
    limits = container.Limits(header=4096, ciphertext=1024, plaintext=4096)
    with pytest.raises(FileRejected) as exc:
        container.verify(b"\x00" * (limits.file + 1), "bundle", lookup, limits)
    assert exc.value.code == "oversize"


def _signed_raw(field, office, compressed: bytes, counts=None) -> bytes:
    header = container.Header("bundle", field.device_id, office.device_id, 1, container.now_utc(),
                              counts or {"households": 0, "members": 0, "assessments": 0, "support": 0})
    return container._seal_bytes("bundle", canonical(header.as_json()), compressed, field, office.public)


@pytest.fixture(scope="module")
def bomb(field, office) -> bytes:
    """A signed bundle whose payload inflates to 160 MiB of zeros from under 1 MB."""
    z = zlib.compressobj(1)
    chunk = b"\x00" * (1 << 20)
    return _signed_raw(field, office, b"".join([*(z.compress(chunk) for _ in range(160)), z.flush()]))


def test_decompression_bomb_is_stopped_at_the_limit_with_bounded_memory(bomb, office, lookup):
    limits = container.Limits(plaintext=16 * 1024 * 1024)
    data = bomb
    tracemalloc.start()
    started = time.perf_counter()
    with pytest.raises(FileRejected) as exc:
        _fully_open(data, office, lookup, limits)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert exc.value.code == "decompressed_oversize"
    assert elapsed < 2 and peak < 3 * limits.plaintext


def test_decompression_bomb_with_default_limits_is_bounded_in_time(bomb, office, lookup):
    assert len(bomb) < 1 << 20
    started = time.perf_counter()
    with pytest.raises(FileRejected) as exc:
        _fully_open(bomb, office, lookup)
    assert exc.value.code == "decompressed_oversize"
    assert time.perf_counter() - started < 5


def _deep_record(depth: int) -> bytes:
    record = {"type": "household", "id": "3f1c2a9e-5b7d-4e8a-9c41-0d2b6f8e7a15", "version": 1, "base_version": 0,
              "hash": "0" * 64, "changed_at": "2026-10-12T10:00:00Z", "changed_by": "x", "data": "DEEP"}
    text = canonical({"format": "ngheo.bundle", "format_version": 1, "records": [record]})
    return zlib.compress(text.replace(b'"DEEP"', b'{"a":' * depth + b"1" + b"}" * depth))


@pytest.mark.parametrize("plain", [
    _deep_record(900), _deep_record(990), _deep_record(5000),
    b"not zlib at all", zlib.compress(b"[1, 2") , zlib.compress(b'{"format": "ngheo.bundle"}') + b"trailing",
    zlib.compress(b'{"a": 1, "a": 2}'), zlib.compress(b"[" * 100_000), zlib.compress(b"\xff\xfe"),
    zlib.compress(b'{"format": "ngheo.bundle", "format_version": 1, "records": [NaN]}'),
])
def test_garbage_payload_signed_by_a_trusted_device_is_refused(field, office, lookup, plain):
    _assert_rejected(_signed_raw(field, office, plain), office, lookup)


@pytest.mark.parametrize("header", [
    b"{}", b"not json", b'{"kind":"bundle"}', b"\xff" * 10,
    canonical({"kind": "bundle", "format_version": 1, "sender": "X", "recipient": "Y", "sequence": 1,
               "created": "2026-01-01T00:00:00Z", "counts": {}, "refs": []}),
    canonical({"kind": "bundle", "format_version": 1, "sender": "X", "recipient": "Y", "sequence": 0,
               "created": "2026-01-01T00:00:00Z", "counts": {}, "refs": []}),
    canonical({"kind": "bundle", "format_version": 1, "sender": "X", "recipient": "Y", "sequence": 1,
               "created": "2026-01-01T00:00:00Z", "counts": {}, "refs": [], "names": ["Nguyễn"]}),
])
def test_bad_headers_signed_by_a_trusted_device_are_refused(field, office, lookup, header):
    data = container._seal_bytes("bundle", header, zlib.compress(b"{}"), field, office.public)
    with pytest.raises(FileRejected) as exc:
        _fully_open(data, office, lookup)
    assert exc.value.code == "bad_header"
