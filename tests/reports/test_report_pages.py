"""How a PDF report's tables fall on pages: a long table starts under its title on the first page, a title
never ends a page alone, a short table is not split."""

import pytest
from pdf_readback import pdf_text
from report_fixture import CONTEXT, make_row

from ngheo_desktop.reports.compute import housing_report, posting_report
from ngheo_desktop.reports.export import write_report
from ngheo_desktop.reports.model import INT, TEXT, Column, Report, Table


def _pages(pdf) -> list[list[str]]:
    """Each page's non-empty text lines, without the footer line (pdftotext separates pages by form feeds)."""
    pages = [[line.strip() for line in page.splitlines() if line.strip()] for page in pdf_text(pdf).split("\f")]
    return [page[:-1] for page in pages if page]


@pytest.mark.parametrize("build", [posting_report, housing_report])
def test_a_long_report_starts_its_table_on_the_first_page(tmp_path, build):
    rows = [make_row(f"Chủ Hộ Số {i}", "Thôn Đồng Tâm", "poor", ["housing_quality"],
                     non_durable=["housing_walls", "housing_roof"]) for i in range(1, 301)]
    pdf = tmp_path / "long.pdf"
    write_report(build(rows), CONTEXT, "pdf", pdf)
    pages = _pages(pdf)
    assert len(pages) > 3
    first = " ".join(pages[0])
    assert "Chủ Hộ Số 1 " in first and "Chủ Hộ Số 10 " in first
    # Every later page of the table repeats its header row above the rows.
    for page in pages[1:]:
        if any("Chủ Hộ Số" in line for line in page):
            assert any("Họ và tên chủ hộ" in line for line in page[:3])


def _report(first_rows: int, second_rows: int) -> Report:
    columns = [Column("STT", INT, 0.5), Column("Tên", TEXT, 3)]
    first = Table("Bảng thứ nhất", columns, [[i, f"Dòng A{i}"] for i in range(1, first_rows + 1)])
    second = Table("Bảng thứ hai", columns, [[i, f"Dòng B{i}"] for i in range(1, second_rows + 1)])
    return Report("posting", "BÁO CÁO THỬ", [first, second])


@pytest.mark.parametrize("second_rows", [4, 120])
@pytest.mark.parametrize("first_rows", range(36, 56, 2))
def test_a_title_never_ends_a_page_alone(tmp_path, first_rows, second_rows):
    """The first table's length moves the second title down page 1, past its foot, and onto page 2."""
    pdf = tmp_path / "r.pdf"
    write_report(_report(first_rows, second_rows), CONTEXT, "pdf", pdf)
    pages = _pages(pdf)
    where = next(i for i, page in enumerate(pages) if "Bảng thứ hai" in page)
    below = pages[where][pages[where].index("Bảng thứ hai") + 1:]
    assert below and below[0].startswith("STT")
    assert "1 Dòng B1" in below and "3 Dòng B3" in below
    if second_rows == 4:  # a short table stays in one piece
        assert "4 Dòng B4" in below
    for page in pages:
        assert page[-1] not in ("Bảng thứ nhất", "Bảng thứ hai")
