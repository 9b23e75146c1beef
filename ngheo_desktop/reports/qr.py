"""A QR code drawn straight onto a reportlab canvas from reportlab's own encoder.

``QrCodeWidget`` builds one graphics object per dark module and costs about half the time of a whole
sheet (shared/PLATFORM-NOTES.md); here each run of dark modules in a row becomes one rectangle of a
single path, drawn with one fill.
"""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

QUIET_ZONE = 4  # modules of white margin the QR standard asks for around the symbol
# reportlab tries all eight data masks and scores each (about 80% of the encoding time); every mask
# gives a valid symbol that any reader decodes, so one fixed mask is used. The tests decode sheets
# with zbar to keep that honest.
MASK_PATTERN = 2


def qr_matrix(payload: str) -> list[list[bool]]:
    """The module matrix (True = dark) at error-correction level M, smallest version that fits."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    try:
        code.addData(qrencoder.QRAlphaNum(payload))
    except ValueError:  # characters outside QR's alphanumeric set: fall back to bytes
        code.addData(qrencoder.QR8bitByte(payload))
    code.version = code.calculate_version()
    code.makeImpl(False, MASK_PATTERN)
    return [list(row) for row in code.modules]


def draw_qr(canv: Canvas, payload: str, x: float, y: float, size: float) -> None:
    """Draw the symbol with its quiet zone inside the square (x, y, size) — y is the bottom edge."""
    matrix = qr_matrix(payload)
    n = len(matrix)
    module = size / (n + 2 * QUIET_ZONE)
    left = x + QUIET_ZONE * module
    top = y + size - QUIET_ZONE * module
    path = canv.beginPath()
    for r, row in enumerate(matrix):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(left + start * module, top - (r + 1) * module, (c - start) * module, module)
            else:
                c += 1
    canv.saveState()
    canv.setFillColorRGB(0, 0, 0)
    canv.drawPath(path, stroke=0, fill=1)
    canv.restoreState()
