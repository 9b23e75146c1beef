"""Signed sync between field laptops and the commune office: keys, trust, and the files that travel.

- ``keys``: this installation's Ed25519 + X25519 keys, sealed under a passphrase; public key files.
- ``fingerprint``: fingerprints and device ids people compare by eye and type without silent typos.
- ``trust``: the enrolled keys and revocations (the office, or the laptops).
- ``container``: the one signed, encrypted file format (bundle, receipt, assignment) and its strict reader.
- ``payloads``: what travels inside — household records, receipts, assignments — built and checked.

No Qt and no SQL here (a test checks the first; the database side lives in ``store``, the use cases in
``services.sync``).
"""

from ngheo_desktop.sync import container, fingerprint, keys, payloads, trust

__all__ = ["container", "fingerprint", "keys", "payloads", "trust"]
