"""Reading generated PDFs back in tests: text with pdftotext, QR codes with pdftoppm + zbarimg."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is missing: scripts/setup.sh installs poppler-utils and zbar-tools"
    return path


def pdf_text(pdf: Path) -> str:
    out = subprocess.run([_tool("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, check=True)
    return unicodedata.normalize("NFC", out.stdout.decode("utf-8"))


def render_png(pdf: Path, prefix: Path, dpi: int = 110, first: int | None = None,
               last: int | None = None) -> list[Path]:
    args = [_tool("pdftoppm"), "-png", "-r", str(dpi)]
    if first:
        args += ["-f", str(first)]
    if last:
        args += ["-l", str(last)]
    subprocess.run([*args, str(pdf), str(prefix)], check=True, capture_output=True)
    return sorted(prefix.parent.glob(prefix.name + "*.png"))


def qr_codes(png: Path) -> list[str]:
    out = subprocess.run([_tool("zbarimg"), "-q", "--raw", str(png)], capture_output=True)
    return [line for line in out.stdout.decode().splitlines() if line]
