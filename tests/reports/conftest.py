"""Helpers of the report tests (hand-made commune, PDF read-back) sit beside this file."""

import sys
from pathlib import Path

# tests/ alone is on the path (pyproject), not tests/reports/.
sys.path.insert(0, str(Path(__file__).parent))
