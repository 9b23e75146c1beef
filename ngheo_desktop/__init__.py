"""ngheo_desktop — offline household register and poverty review for Vietnamese communes.

Layers (see README): ``criteria`` (pure rules), ``store`` (SQLite), ``sync`` (bundles), ``reports``
(PDF/XLSX/CSV), ``services`` (use cases), ``cli`` and ``ui`` (Qt only).
"""

__version__ = "0.1.0"
APP_NAME = "ngheo_desktop"
