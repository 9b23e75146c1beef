"""The printed assessment sheet: Vietnamese text, numbers, the class, and a QR code that scans."""

import copy
import datetime as dt
import uuid

import pytest
from pdf_readback import pdf_text, qr_codes, render_png

from ngheo_desktop.criteria import classify, load_household_json
from ngheo_desktop.paths import forms_dir
from ngheo_desktop.reports.checkcode import parse_code, stamp_for
from ngheo_desktop.reports.progress import Cancelled
from ngheo_desktop.reports.sheet import SheetInput, render_sheet, render_sheets


@pytest.fixture(scope="module")
def example():
    household = load_household_json((forms_dir() / "examples" / "household-poor.json").read_bytes())
    return household, classify(household)


def _copy(household, result, name, n):
    h = copy.deepcopy(household)
    h["household_id"] = str(uuid.UUID(int=n, version=4))
    h["answers"]["head_name"] = name
    h["members"][0]["full_name"] = name
    return SheetInput(h, {**result, "household_id": h["household_id"]})


def test_sheet_text(example, tmp_path):
    household, result = example
    pdf = tmp_path / "sheet.pdf"
    pages = render_sheet(pdf, SheetInput(household, result, surveyor="Lê Thị Mai"), printed_on=dt.date(2026, 11, 2))
    text = pdf_text(pdf)
    flat = " ".join(text.split())
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "UBND XÃ QUỲNH THẮNG",
                     "THÔN ĐỒNG TÂM", "PHIẾU KẾT QUẢ RÀ SOÁT HỘ NGHÈO, HỘ CẬN NGHÈO",
                     "Rà soát định kỳ năm 2026", "Nghị định 351/2025/NĐ-CP", "Nguyễn Văn Hùng", "Trần Thị Thủy",
                     "Nguyễn Thị Ngọc Ánh", "66.000.000 đ", "1.375.000 đ", "2.200.000 đ", "Chất lượng nhà ở",
                     "Giếng đào", "KẾT QUẢ PHÂN LOẠI: HỘ NGHÈO", "CHỦ HỘ", "RÀ SOÁT VIÊN",
                     "TRƯỞNG THÔN", "Lê Thị Mai", "In ngày 02/11/2026", f"Trang 1/{pages}", f"Trang {pages}/{pages}",
                     "tham số chưa được xác minh", stamp_for(household, result).code]:
        assert expected in flat, expected
    # Deprived on 9 of 13 indicators; the whole citizen ID never appears, only its last four digits.
    assert "9/13" in flat
    assert "040084001234" not in flat and "1234" in flat


def test_sheet_qr_scans_back_to_the_record(example, tmp_path):
    household, result = example
    pdf = tmp_path / "sheet.pdf"
    render_sheet(pdf, SheetInput(household, result))
    png = render_png(pdf, tmp_path / "page", dpi=110, first=1, last=1)
    codes = qr_codes(png[0])
    stamp = stamp_for(household, result)
    assert codes == [stamp.qr_payload]
    assert parse_code(codes[0]).household_id == household["household_id"]


class Recorder:
    def __init__(self, cancel_after=None):
        self.updates, self.cancel_after = [], cancel_after

    def update(self, done, total):
        self.updates.append((done, total))

    def cancelled(self):
        return self.cancel_after is not None and len(self.updates) > self.cancel_after


def test_village_batch_in_order_with_progress_and_scannable_codes(example, tmp_path):
    household, result = example
    names = ["Đặng Văn Bảy", "Hà Thị Ước", "Lục Văn Ổn"]
    items = [_copy(household, result, name, i + 1) for i, name in enumerate(names)]
    pdf = tmp_path / "village.pdf"
    progress = Recorder()
    pages = render_sheets(pdf, iter(items), len(items), progress)
    assert progress.updates == [(0, 3), (1, 3), (2, 3), (3, 3)]
    text = pdf_text(pdf)
    positions = [text.index(name) for name in names]
    assert positions == sorted(positions)
    # Each household's sheet is numbered on its own.
    per_sheet = pages // 3
    assert text.count(f"Trang 1/{per_sheet}") == 3
    scanned = []
    for png in render_png(pdf, tmp_path / "p", dpi=90):
        scanned += qr_codes(png)
    assert scanned == [stamp_for(i.household, i.result).qr_payload for i in items]


def test_cancelled_batch_writes_nothing(example, tmp_path):
    household, result = example
    items = [_copy(household, result, f"Hộ {i}", i + 1) for i in range(5)]
    pdf = tmp_path / "village.pdf"
    with pytest.raises(Cancelled, match="Đã hủy sau 2/5"):
        render_sheets(pdf, items, 5, Recorder(cancel_after=2))
    assert not pdf.exists()


def test_decomposed_input_prints_composed(example, tmp_path):
    import unicodedata
    household, result = example
    h = copy.deepcopy(household)
    h["answers"]["head_name"] = unicodedata.normalize("NFD", "Nguyễn Thị Ước")
    pdf = tmp_path / "nfd.pdf"
    render_sheet(pdf, SheetInput(h, result))
    assert "Nguyễn Thị Ước" in pdf_text(pdf)


@pytest.mark.parametrize("standard_id", ["vn-2022-2025", "vn-2027-2030"])
def test_every_standard_prints(example, tmp_path, standard_id):
    household, _ = example
    result = classify(household, standard_id)
    pdf = tmp_path / f"{standard_id}.pdf"
    render_sheet(pdf, SheetInput(household, result))
    flat = " ".join(pdf_text(pdf).split())
    assert result["standard"]["title_vi"] in flat
    for ind in result["indicators"]:
        assert ind["name_vi"].split()[0] in flat


@pytest.mark.parametrize("standard_id", ["vn-2022-2025", "vn-2027-2030"])
def test_unverified_parameters_are_named_in_vietnamese(example, tmp_path, standard_id):
    """The household signs the sheet: no internal parameter id (adult_education.bands …) is printed."""
    household, _ = example
    result = classify(household, standard_id)
    assert result["unverified_parameters"]
    pdf = tmp_path / "sheet.pdf"
    render_sheet(pdf, SheetInput(household, result))
    flat = " ".join(pdf_text(pdf).split())
    for p in result["unverified_parameters"]:
        assert p["key"].split(".")[0] not in flat and p["key"].split(".")[-1] not in flat, p["key"]
    assert "Danh sách tham số chưa xác minh: (*) Điều kiện của chỉ số dựa trên tham số chưa được xác minh" in flat
    # The 2027-2030 income worksheet is kept from Circular 07/2021 until a new circular: unverified.
    others = "Tham số khác chưa được xác minh với văn bản gốc: các khoản thu nhập được tính trong bảng kê."
    assert (others in flat) is (standard_id == "vn-2027-2030")


def test_unknown_answers_are_shown_as_unknown(example, tmp_path):
    household, _ = example
    h = copy.deepcopy(household)
    for key in ("water_source", "latrine_type", "housing_walls"):
        h["answers"].pop(key)
    for m in h["members"]:
        m.pop("has_health_insurance", None)
    result = classify(h, "vn-2022-2025")
    pdf = tmp_path / "unknown.pdf"
    render_sheet(pdf, SheetInput(h, result))
    flat = " ".join(pdf_text(pdf).split())
    assert "Chỉ số chưa rõ do thiếu câu trả lời" in flat
    assert "Nguồn nước sinh hoạt" in flat


def test_unwritable_sheet_file_is_a_clear_error(example, tmp_path):
    from ngheo_desktop.reports.errors import OutputError

    household, result = example
    with pytest.raises(OutputError, match="thư mục không tồn tại"):
        render_sheets(tmp_path / "missing" / "x.pdf", [SheetInput(household, result)], 1)
