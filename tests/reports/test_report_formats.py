"""The same report as PDF, XLSX and CSV: Vietnamese text, real numbers, BOM, nothing private in the posting."""

import csv
import io

import pytest
from openpyxl import load_workbook
from pdf_readback import pdf_text
from report_fixture import CITIZEN_ID, CONTEXT, commune

from ngheo_desktop.reports.compute import ROW_REPORTS, posting_report, summary_report
from ngheo_desktop.reports.errors import OutputError
from ngheo_desktop.reports.export import write_report


@pytest.fixture(scope="module")
def rows():
    return commune()


def test_summary_pdf_text_and_chart(rows, tmp_path):
    pdf = tmp_path / "summary.pdf"
    write_report(summary_report(rows), CONTEXT, "pdf", pdf)
    flat = " ".join(pdf_text(pdf).split())
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "UBND XÃ QUỲNH THẮNG",
                     "TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO", "Thôn Đồng Tâm", "Thôn Bản Mồ", "Toàn xã",
                     "40,0%", "30,0%", "43,8%", "Tỷ lệ hộ thiếu hụt theo chỉ số", "Bảo hiểm y tế",
                     "TM. ỦY BAN NHÂN DÂN", "Trang 1/"]:
        assert expected in flat, expected


def test_xlsx_has_number_cells_and_vietnamese_headers(rows, tmp_path):
    path = tmp_path / "summary.xlsx"
    write_report(summary_report(rows), CONTEXT, "xlsx", path)
    wb = load_workbook(path)
    ws = wb["1. Theo số hộ"]
    header = [c.value for c in ws[5]]
    assert header[:4] == ["Thôn", "Tổng số hộ", "Số hộ nghèo", "Tỷ lệ nghèo"]
    total = next(row for row in ws.iter_rows() if row[0].value == "Toàn xã")
    values = [c.value for c in total]
    assert values[:4] == ["Toàn xã", 10, 3, 0.3]
    assert isinstance(values[1], int) and isinstance(values[3], float)
    assert total[3].number_format == "0.0%"


def test_csv_is_utf8_with_bom(rows, tmp_path):
    path = tmp_path / "summary.csv"
    write_report(summary_report(rows), CONTEXT, "csv", path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert lines[0] == ["TỔNG HỢP KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO, HỘ CÓ MỨC SỐNG TRUNG BÌNH"]
    total = next(line for line in lines if line and line[0] == "Toàn xã")
    assert total[:5] == ["Toàn xã", "10", "3", "30.0", "3"]


@pytest.mark.parametrize("kind", sorted(ROW_REPORTS))
@pytest.mark.parametrize("fmt", ["pdf", "xlsx", "csv"])
def test_every_report_in_every_format(rows, tmp_path, kind, fmt):
    path = tmp_path / f"{kind}.{fmt}"
    write_report(ROW_REPORTS[kind](rows), CONTEXT, fmt, path)
    assert path.stat().st_size > 200


def test_posting_list_files_hold_no_private_field(rows, tmp_path):
    report = posting_report(rows)
    texts = []
    for fmt in ("pdf", "csv", "xlsx"):
        path = tmp_path / f"posting.{fmt}"
        write_report(report, CONTEXT, fmt, path)
        if fmt == "pdf":
            texts.append(pdf_text(path))
        elif fmt == "csv":
            texts.append(path.read_text("utf-8-sig"))
        else:
            ws = load_workbook(path).active
            texts.append(" ".join(str(c.value) for row in ws.iter_rows() for c in row if c.value is not None))
    for text in texts:
        assert "Lò Văn Phóng" in text and "Hộ cận nghèo" in text
        assert CITIZEN_ID not in text and "12.345.678" not in text and "12345678" not in text
        assert "Xóm" not in text  # not even the address
        assert not any(word in text.lower() for word in ("bảo hiểm", "thu nhập", "khuyết tật", "dinh dưỡng"))


def test_unknown_format_is_refused(rows, tmp_path):
    with pytest.raises(OutputError, match="Định dạng 'docx'"):
        write_report(summary_report(rows), CONTEXT, "docx", tmp_path / "x.docx")


def test_unwritable_place_is_one_vietnamese_reason(rows, tmp_path):
    with pytest.raises(OutputError, match="thư mục không tồn tại"):
        write_report(summary_report(rows), CONTEXT, "pdf", tmp_path / "missing" / "x.pdf")
