"""The local database: one SQLite file holding the household register, review rounds, assessments,
support received, an append-only audit log and the change log that sync bundles read.

No Qt here (a test checks it); this package is the only place that writes SQL.

Public API (everything a caller needs is importable from ``ngheo_desktop.store``)
-------------------------------------------------------------------------------

Opening::

    with Store.open(path=None) as store:       # path: --db / NGHEO_DB / data_home()/"ngheo.sqlite"
        ...
    Store.open(path, read_only=True)           # a reader connection for another thread

``open`` creates a new file or applies pending named migrations (``store.migrations.MIGRATIONS``; a
backup is taken first), sets ``application_id``/``user_version``, WAL, ``synchronous=FULL`` and foreign
keys. It refuses, changing nothing: a file that is not ours (``NotOurFile``), one from a newer version
(``NewerVersion``), a damaged one (``DamagedFile``, the message names the latest backup). A file whose
folder or itself cannot be written (a write-protected USB stick) is opened for reading: ``unwritable``
says why, and every write — ``ensure_writable(action)`` asks first — raises ``ReadOnlyDatabase``.
Every error is a ``StorageError`` (an ``NgheoError`` with a Vietnamese message). One ``Store`` per
thread. The writer's ``quick_check`` reads the whole file (~0.7 s at 100,000 households): show the
first screen from a reader (~3 ms) while the writer opens on a worker.

Every write below is one transaction; ``actor`` (who did it) goes into the audit log.

File: ``backup(dest, overwrite=False)`` (an existing file is kept: ``BackupExists``),
``backup_rotating(reason)`` (into ``backups/`` beside the file, newest ``KEEP_BACKUPS`` kept),
``check()`` (full integrity check, list of problems), ``restore_file(src, path)`` (verifies the copy
first), ``list_backups(path)``, ``latest_backup(path)``, ``default_db_path()``; ``is_demo`` /
``set_demo(flag)``, ``get_meta``/``set_meta``; ``transaction(action)`` groups several writes into one.

Units: ``add_unit(level, name, actor=, parent_id=, kind=, area=, region=)`` with levels
province → commune → village (kinds in ``UNIT_KINDS``), ``units(level=, parent_id=)``, ``unit(id)``,
``update_unit(id, actor=, name=, area=, kind=, region=)``, ``set_unit_area(id, area, actor=)``,
``area_of(unit_id)`` (inherited rural/urban).

Households (documents in format ngheo.household v1):
``save_household(doc, actor=, klass=)`` → stored doc (validated, NFC, version bumped on change,
``StaleRecord`` if edited elsewhere); ``import_household(doc, actor=)`` / ``import_households(docs, …)``
(keep the document's version; all-or-nothing; an older differing copy raises ``ConflictingCopy``);
``check_import(docs)`` raises that refusal before anything is written;
``get_household(id)``; ``has_household(id)``;
``household_ids(village_id=None, sort=, descending=)`` (register order by default);
``household_page(offset, limit, sort=, descending=, village_id=)`` and ``household_rows(ids)`` →
``HouseholdRow`` (id, register number, head name, village, address, members, class, assessment status,
``unsent``); ``household_count(village_id=None)``; ``iter_households()``; ``household_classes()``;
``set_household_classes(mapping)``; ``search(query, limit)`` → ranked ``HouseholdRow`` list.
Sort keys: ``SORT_KEYS``.

Review rounds and assessments: ``create_round(year, kind, start_date, actor=)`` (checks the fields'
form, ``round_start(kind, start_date)``; the review calendar is checked by ``services.register``), ``rounds()``,
``round(id)``, ``previous_round(id)``; ``save_assessment(household_id, round_id, result, actor=,
status=, comment=, snapshot=)`` → ``Assessment`` (answers snapshot + ngheo.result with standard id and
sha256); ``set_assessment_status(assessment_id, status, actor=, comment=)`` following
``STATUS_TRANSITIONS`` (returned needs a comment); ``get_assessment(household_id, round_id)``;
``assessments_for(household_id)``; ``add_assessments_bulk(items, actor=)``;
``round_results(round_id, previous_round_id=None)`` → ``RoundResult`` with the previous class.

Support received: ``add_support(household_id, kind, date, actor=, amount=, provider=, note=)`` (kinds in
``SUPPORT_KINDS``), ``add_support_bulk(records, actor=)``, ``support_for(household_id)``,
``remove_support(id, actor=)``.

Reclassification preview: ``save_projections(standard_id, sha256, rows)``, ``projections(standard_id)``.

Logs: ``audit_for(record_id)`` → ``AuditEntry`` list (field path, old → new);
``changes_since(seq, limit=None)`` → ``Change`` list (entity, record id, record version, op) in commit
order; ``last_change_seq()``; ``mark_sent(household_ids, through_seq)`` clears the ``unsent`` flag.

Adding tables from another package: append a named migration to ``store.migrations.MIGRATIONS`` (see
that module's docstring) and the read/write methods here.
"""

from ngheo_desktop.store.errors import (
    BackupExists,
    ConflictingCopy,
    DamagedFile,
    DatabaseBusy,
    DiskFull,
    InvalidChange,
    NewerVersion,
    NotFound,
    NotOurFile,
    ReadOnlyDatabase,
    StaleRecord,
    StorageError,
)
from ngheo_desktop.store.files import KEEP_BACKUPS, default_db_path, latest_backup, list_backups
from ngheo_desktop.store.models import (
    AREA_OF_KIND,
    ASSESSMENT_STATUSES,
    INHERIT_AREA,
    SORT_KEYS,
    STATUS_TRANSITIONS,
    STATUS_VI,
    SUPPORT_KINDS,
    UNIT_KINDS,
    Assessment,
    AuditEntry,
    Change,
    HouseholdRow,
    Round,
    RoundResult,
    Support,
    Unit,
)
from ngheo_desktop.store.restore import restore_file
from ngheo_desktop.store.store import Store, canonical_json

__all__ = [
    "AREA_OF_KIND",
    "ASSESSMENT_STATUSES",
    "INHERIT_AREA",
    "KEEP_BACKUPS",
    "SORT_KEYS",
    "STATUS_TRANSITIONS",
    "STATUS_VI",
    "SUPPORT_KINDS",
    "UNIT_KINDS",
    "Assessment",
    "AuditEntry",
    "BackupExists",
    "Change",
    "ConflictingCopy",
    "DamagedFile",
    "DatabaseBusy",
    "DiskFull",
    "HouseholdRow",
    "InvalidChange",
    "NewerVersion",
    "NotFound",
    "NotOurFile",
    "ReadOnlyDatabase",
    "Round",
    "RoundResult",
    "StaleRecord",
    "StorageError",
    "Store",
    "Support",
    "Unit",
    "canonical_json",
    "default_db_path",
    "latest_backup",
    "list_backups",
    "restore_file",
]
