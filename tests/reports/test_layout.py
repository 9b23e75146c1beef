"""The page layout pieces the sheets rely on: grids split between rows, repeat their header, never end a
page on a group heading; pagination keeps headings with what follows."""

import io

import pytest
from hypothesis import given
from hypothesis import strategies as st
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ngheo_desktop.reports.checkcode import ALPHABET, InvalidCheckCode, SheetStamp, parse_code
from ngheo_desktop.reports.fonts import BOLD, register_fonts
from ngheo_desktop.reports.layout import Grid, GridRow, NationalHeading, TextBlock, paginate


def _grid():
    register_fonts()
    rows = [GridRow(["STT", "Chỉ số"])]
    for group in range(3):
        rows.append(GridRow([f"Nhóm {group}"], span=True))
        rows += [GridRow([str(i), f"Chỉ số {group}.{i}"]) for i in range(3)]
    return Grid([30, 200], rows)


def test_grid_splits_between_rows_repeating_the_header():
    grid = _grid()
    row_h = grid._heights[1]
    first, rest = grid.split(230, row_h * 6.5)  # room for header + 5 rows, the 5th being "Nhóm 1"
    assert [r.cells[0] for r in first.rows] == ["STT", "Nhóm 0", "0", "1", "2"]
    assert rest.rows[0].cells[0] == "STT" and rest.rows[1].cells[0] == "Nhóm 1"
    assert len(first.rows) + len(rest.rows) - 1 == len(grid.rows)


def test_grid_that_cannot_split_usefully_moves_whole():
    grid = _grid()
    assert grid.split(230, grid._heights[0] + grid._heights[1] * 1.5) == []


class _Recorder(Canvas):
    """A canvas that remembers the centred strings and the lines drawn on it."""

    def __init__(self):
        super().__init__(io.BytesIO())
        self.texts, self.lines = [], []

    def drawCentredString(self, x, y, text, *args, **kwargs):
        self.texts.append((x, y, text))
        super().drawCentredString(x, y, text, *args, **kwargs)

    def line(self, x1, y1, x2, y2):
        self.lines.append((x1, y1, x2, y2))
        super().line(x1, y1, x2, y2)


def _rule_under(canv: _Recorder, text: str) -> tuple[float, float, float]:
    """(width, rule length, rule centre − text centre) of the rule drawn just below a line of text."""
    x, y, _ = next(t for t in canv.texts if t[2] == text)
    x1, _, x2, _ = min((line for line in canv.lines if line[1] < y),
                       key=lambda line: (abs((line[0] + line[2]) / 2 - x), -line[1]))
    return stringWidth(text, BOLD, NationalHeading.SIZE), x2 - x1, (x1 + x2) / 2 - x


@pytest.mark.parametrize("left", [["UBND Xã Quỳnh Thắng"], ["UBND Xã Quỳnh Thắng", "Thôn Đồng Tâm"]])
def test_national_heading_rules_follow_decree_30(left):
    """Decree 30/2020/NĐ-CP: the motto's rule is as long as the motto; the issuing body's is 1/3 to 1/2 of
    its name; each centred under its line."""
    register_fonts()
    canv = _Recorder()
    NationalHeading(left).drawOn(canv, 0, 0)
    width, rule, offset = _rule_under(canv, "Độc lập - Tự do - Hạnh phúc")
    assert rule == pytest.approx(width, abs=0.5) and offset == pytest.approx(0, abs=0.1)
    width, rule, offset = _rule_under(canv, left[-1].upper())
    assert width / 3 <= rule <= width / 2 and offset == pytest.approx(0, abs=0.1)


def test_paginate_flows_onto_new_pages():
    register_fonts()
    blocks = [TextBlock(f"Dòng {i} " * 40) for i in range(30)]
    pages = paginate(blocks, height=300)
    assert len(pages) > 1
    assert sum(len(p) for p in pages) == 30
    for page in pages:
        assert all(y >= -0.01 for _, _, y in page)


@given(st.uuids(version=4), st.integers(1, 999_999), st.binary(min_size=32, max_size=32))
def test_check_code_round_trip_and_typo_detection(hid, version, digest):
    stamp = SheetStamp(str(hid), version, digest.hex())
    parsed = parse_code(stamp.code)
    assert parsed.matches(str(hid)) and parsed.record_version == version
    assert parsed.hash_part == stamp.digest
    # Change one character of the household part or of the hash: always refused.
    code = stamp.code
    for i in (0, len(code) - 3):
        wrong = ALPHABET[(ALPHABET.index(code[i]) + 7) % 32]
        try:
            parse_code(code[:i] + wrong + code[i + 1:])
        except InvalidCheckCode:
            continue
        raise AssertionError(f"typo at {i} not caught in {code}")
