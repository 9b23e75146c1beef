"""The village meeting minutes: two copies, pre-filled households, the 50% rule applied to the votes."""

from pdf_readback import pdf_text

from ngheo_desktop.reports.minutes import MinutesInput, MinutesItem, render_minutes


def test_minutes_two_copies_with_votes_and_blanks(tmp_path):
    minutes = MinutesInput(
        province="Tỉnh Nghệ An", commune="Xã Quỳnh Thắng", village="Thôn Đồng Tâm",
        round_title="Rà soát định kỳ cuối năm 2026 (cho năm 2027)", min_share=0.5, held_on="2026-11-20",
        attendance=40, chair="Hồ Văn Tư", secretary="Lê Thị Mai",
        items=(MinutesItem("Nguyễn Văn Hùng", "Hộ nghèo", 31, 31 / 40),
               MinutesItem("Trần Thị Thủy", "Hộ cận nghèo", 12, 12 / 40),
               MinutesItem("Đỗ Văn Lực", "Hộ cận nghèo")))
    pdf = tmp_path / "minutes.pdf"
    assert render_minutes(pdf, minutes) == 2
    text = " ".join(pdf_text(pdf).split())
    assert text.count("BIÊN BẢN HỌP DÂN") == 2
    assert "Bản số 1/2" in text and "Bản số 2/2" in text
    for expected in ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "20/11/2026", "Số người tham dự: 40", "Hồ Văn Tư",
                     "Nguyễn Văn Hùng", "77,5%", "Thống nhất", "30,0%", "Rà soát lại", "Đỗ Văn Lực", "từ 50%"]:
        assert expected in text, expected


def test_a_ward_s_residential_group_is_chaired_by_its_group_leader(tmp_path):
    minutes = MinutesInput(
        province="Tỉnh Nghệ An", commune="Phường Quỳnh Thắng", village="Tổ dân phố Đồng Tâm",
        round_title="Rà soát định kỳ cuối năm 2026 (cho năm 2027)", min_share=0.5, held_on="2026-11-20",
        attendance=40, chair="Hồ Văn Tư", secretary="Lê Thị Mai", items=())
    pdf = tmp_path / "minutes.pdf"
    render_minutes(pdf, minutes)
    text = " ".join(pdf_text(pdf).split())
    assert "Hồ Văn Tư (tổ trưởng tổ dân phố)" in text
    assert "CHỦ TRÌ (TỔ TRƯỞNG TỔ" in text  # the signature's title wraps in its column
    assert "trưởng thôn" not in text.lower()
