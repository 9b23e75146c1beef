"""Builders for sync tests: household documents, records and bundles (imported by the test modules)."""

from __future__ import annotations

import copy
import json
import uuid

from ngheo_desktop.paths import forms_dir
from ngheo_desktop.sync import container, keys, payloads


def household(name: str = "Nguyễn Văn Hùng", citizen_id: str = "040084001234", version: int = 1,
              household_id: str | None = None) -> dict:
    """The example poor household with a fresh id (or the given one) and the given head."""
    doc = json.loads((forms_dir() / "examples" / "household-poor.json").read_text("utf-8"))
    doc = copy.deepcopy(doc)
    doc["household_id"] = household_id or str(uuid.uuid4())
    doc["record_version"] = version
    doc["answers"]["head_name"] = name
    doc["members"][0]["full_name"] = name
    doc["members"][0]["citizen_id"] = citizen_id
    for m in doc["members"][1:]:
        if m.get("citizen_id"):
            m["citizen_id"] = f"{uuid.uuid4().int % 10**12:012d}"
    for m in doc["members"]:
        m["member_id"] = str(uuid.uuid4())
    return doc


def record(doc: dict, base_version: int = 0, changed_by: str = "Lê Thị Mai") -> payloads.Record:
    return payloads.Record("household", doc["household_id"], doc["record_version"], base_version,
                           "2026-10-12T10:00:00Z", changed_by, doc)


def make_bundle(sender: keys.Identity, recipient: keys.Identity, records: list[payloads.Record],
                sequence: int = 1) -> bytes:
    return container.seal("bundle", payloads.bundle_payload(records), sender, recipient.public, sequence,
                          payloads.bundle_counts(records))
