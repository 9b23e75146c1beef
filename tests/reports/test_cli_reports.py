"""``ngheo sheet / sheets / report / sheet verify`` over a real database file."""

import copy
import csv
import io
import uuid

import pytest
from pdf_readback import pdf_text, qr_codes, render_png

from ngheo_desktop.cli import main
from ngheo_desktop.criteria import classify, load_household_json
from ngheo_desktop.paths import forms_dir
from ngheo_desktop.store import Store

ACTOR = "test"


@pytest.fixture
def db(tmp_path):
    """A commune with one village, two rounds and three households assessed in the latest round."""
    path = tmp_path / "ngheo.sqlite"
    example = load_household_json((forms_dir() / "examples" / "household-poor.json").read_bytes())
    with Store.open(path) as store:
        province = store.add_unit("province", "Tỉnh Nghệ An", actor=ACTOR)
        commune = store.add_unit("commune", "Xã Quỳnh Thắng", actor=ACTOR, parent_id=province.id, kind="xa")
        village = store.add_unit("village", "Thôn Đồng Tâm", actor=ACTOR, parent_id=commune.id, kind="thon")
        store.create_round(2026, "periodic", "2025-09-15", actor=ACTOR)
        rnd = store.create_round(2027, "periodic", "2026-09-15", actor=ACTOR)
        ids = []
        for i, name in enumerate(["Nguyễn Văn Hùng", "Lê Thị Hoa", "Đỗ Văn Lực"]):
            doc = copy.deepcopy(example)
            doc["household_id"] = str(uuid.uuid4())
            doc["answers"]["head_name"] = doc["members"][0]["full_name"] = name
            for m in doc["members"]:
                m["member_id"] = str(uuid.uuid4())
                m.pop("citizen_id", None)
            doc["location"]["village_id"] = village.id
            doc["answers"]["income_wages"] += i * 10_000_000
            saved = store.save_household(doc, actor=ACTOR)
            store.save_assessment(saved["household_id"], rnd.id, classify(saved), actor=ACTOR, status="completed")
            ids.append(saved["household_id"])
    return path, ids, village.id


def test_sheet_then_verify_match_then_outdated(db, tmp_path, capsys):
    path, ids, _ = db
    pdf = tmp_path / "sheet.pdf"
    assert main(["sheet", ids[0], "-o", str(pdf), "--db", str(path)]) == 0
    assert "Nguyễn Văn Hùng" in pdf_text(pdf)
    payload = qr_codes(render_png(pdf, tmp_path / "p", dpi=110, first=1, last=1)[0])[0]
    code = payload.split(":")[-1]
    capsys.readouterr()

    assert main(["sheet", "verify", code, "--db", str(path)]) == 0
    assert "Khớp" in capsys.readouterr().out
    assert main(["sheet", "verify", payload, "--db", str(path)]) == 0  # the scanned QR works as well

    with Store.open(path) as store:
        doc = store.get_household(ids[0])
        doc["answers"]["floor_area_m2"] = 80
        store.save_household(doc, actor=ACTOR)
    capsys.readouterr()
    assert main(["sheet", "verify", code, "--db", str(path)]) == 1
    out = capsys.readouterr().out
    assert "Đã cũ" in out and "phiên bản 1" in out and "phiên bản 2" in out

    # A sheet printed now matches again, and says the assessment predates the edit.
    reprint = tmp_path / "again.pdf"
    assert main(["sheet", ids[0], "-o", str(reprint), "--db", str(path)]) == 0
    text = " ".join(pdf_text(reprint).split())
    assert "cần đánh giá lại" in text
    new_code = qr_codes(render_png(reprint, tmp_path / "q", dpi=110, first=1, last=1)[0])[0].split(":")[-1]
    assert new_code != code and main(["sheet", "verify", new_code, "--db", str(path)]) == 0


def test_verify_unknown_and_mistyped(db, capsys):
    path, _, _ = db
    assert main(["sheet", "verify", "7WE2-N7JV-1-XX8RWT2", "--db", str(path)]) == 1
    assert "Không xác định" in capsys.readouterr().out
    assert main(["sheet", "verify", "7WE2-N7JV-1-XX8RWT3", "--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sai ký tự kiểm tra" in err


def test_village_sheets_in_register_order(db, tmp_path, capsys):
    path, _, _ = db
    pdf = tmp_path / "village.pdf"
    assert main(["sheets", "--village", "Đồng Tâm", "-o", str(pdf), "--db", str(path)]) == 0
    text = pdf_text(pdf)
    names = ["Nguyễn Văn Hùng", "Lê Thị Hoa", "Đỗ Văn Lực"]
    assert [text.index(n) for n in names] == sorted(text.index(n) for n in names)


def test_reports_from_the_database(db, tmp_path):
    path, _, _ = db
    for kind, fmt in [("summary", "pdf"), ("posting", "csv"), ("af", "xlsx"), ("trend", "pdf"), ("movement", "csv")]:
        out = tmp_path / f"{kind}.{fmt}"
        assert main(["report", kind, "--format", fmt, "-o", str(out), "--db", str(path)]) == 0
        assert out.stat().st_size > 200
    posting = (tmp_path / "posting.csv").read_text("utf-8-sig")
    assert "Lê Thị Hoa" in posting and "Thôn Đồng Tâm" in posting
    summary = " ".join(pdf_text(tmp_path / "summary.pdf").split())
    assert "UBND XÃ QUỲNH THẮNG" in summary and "Toàn xã" in summary


def test_ethnicity_causes_and_children_reports_from_the_database(db, tmp_path):
    path, ids, _ = db
    with Store.open(path) as store:
        doc = store.get_household(ids[0])
        doc["answers"]["poverty_causes"] = ["lack_land", "many_dependants"]
        store.save_household(doc, actor=ACTOR)
    lines = {}
    for kind in ("ethnicity", "causes", "children"):
        out = tmp_path / f"{kind}.csv"
        assert main(["report", kind, "--format", "csv", "-o", str(out), "--db", str(path)]) == 0
        lines[kind] = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))

    def row(kind, first):
        return next(line for line in lines[kind] if line and line[0] == first)

    # The example household three times: Kinh, poor, two children under 16 (born 2011 and 2019) on the review day.
    assert row("ethnicity", "Kinh")[:4] == ["Kinh", "3", "3", "100.0"]
    assert row("causes", "Thiếu đất canh tác")[:3] == ["Thiếu đất canh tác", "1", "33.33"]
    assert row("causes", "Chưa ghi nguyên nhân")[:3] == ["Chưa ghi nguyên nhân", "2", "66.67"]
    # households, with children, rate, children; then a malnourished child in each
    assert row("children", "Toàn xã")[1:5] == ["3", "3", "100.0", "6"]
    assert row("children", "Dinh dưỡng")[1:3] == ["3", "100.0"]


def test_errors_are_one_vietnamese_line(db, tmp_path, capsys):
    path, _, _ = db
    assert main(["sheet", str(uuid.uuid4()), "-o", str(tmp_path / "x.pdf"), "--db", str(path)]) == 2
    assert main(["sheets", "--village", "Thôn Không Có", "-o", str(tmp_path / "x.pdf"), "--db", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and all(line.startswith("ngheo: ") for line in err)
    assert "Thôn Không Có" in err[1]


def test_meeting_minutes_from_a_recorded_meeting(db, tmp_path):
    from ngheo_desktop.services.sync import record_village_meeting

    path, ids, village_id = db
    with Store.open(path) as store:
        rnd = store.rounds()[-1]
        record_village_meeting(store, rnd.id, village_id, "Thôn Đồng Tâm", "2026-11-20", 40, "Hồ Văn Tư",
                               "Lê Thị Mai", {ids[0]: 31, ids[1]: 12}, ACTOR)
    out = tmp_path / "bien-ban.pdf"
    assert main(["minutes", "--round", rnd.id, "-o", str(out), "--db", str(path)]) == 0
    text = " ".join(pdf_text(out).split())
    assert text.count("BIÊN BẢN HỌP DÂN") == 2 and "Bản số 2/2" in text
    for expected in ["Nguyễn Văn Hùng", "Lê Thị Hoa", "Hộ nghèo", "77,5%", "Thống nhất", "30,0%", "Rà soát lại",
                     "Hồ Văn Tư", "20/11/2026", "Số người tham dự: 40"]:
        assert expected in text, expected


def test_sheet_shows_b1_and_b2_when_the_score_method_was_used(tmp_path):
    from ngheo_desktop.reports.sheet import SheetInput, render_sheet

    household = load_household_json((forms_dir() / "examples" / "household-poor.json").read_bytes())
    result = copy.deepcopy(classify(household))
    result["income"].update(method="score", annual_total=None, per_capita_monthly=None,
                            reason="B1 = 120 điểm ≤ 140 điểm")
    result["score"] = {"table_id": "thu-nghiem", "table_sha256": "0" * 64, "table_verified": False,
                       "column": "rural_bac_trung_bo", "b1": 120, "b1_cutoff": 140, "b2": 90,
                       "b2_poor_threshold": 30}
    pdf = tmp_path / "score.pdf"
    render_sheet(pdf, SheetInput(household, result))
    text = " ".join(pdf_text(pdf).split())
    assert "Chấm điểm B1 (Phiếu B)" in text
    assert "Điểm B1: 120 (ngưỡng 140); điểm B2: 90 (hộ nghèo khi B2 ≥ 30)" in text


def test_report_format_follows_the_file_name(db, tmp_path):
    path, _, _ = db
    for name in ("r.xlsx", "r.csv", "r.pdf", "R.XLSX"):
        out = tmp_path / name
        assert main(["report", "summary", "-o", str(out), "--db", str(path)]) == 0
        data = out.read_bytes()
        ext = name.lower().rsplit(".", 1)[1]
        assert {"pdf": data.startswith(b"%PDF"), "xlsx": data.startswith(b"PK"),
                "csv": data.startswith(b"\xef\xbb\xbf")}[ext], name
    # --format may repeat the extension
    assert main(["report", "summary", "--format", "csv", "-o", str(tmp_path / "again.csv"), "--db", str(path)]) == 0


@pytest.mark.parametrize("args", [
    ["report", "summary", "--format", "pdf", "-o", "r.xlsx"],
    ["report", "summary", "-o", "r.docx"],
    ["report", "summary", "--format", "csv", "-o", "r"],
    ["sheets", "--village", "Đồng Tâm", "-o", "thon.xlsx"],
    ["minutes", "--round", "x", "-o", "bien-ban.csv"],
    ["sheet", "HOUSEHOLD", "-o", "phieu.xlsx"],
])
def test_a_file_name_that_contradicts_the_format_is_refused(db, tmp_path, capsys, args):
    path, ids, _ = db
    out = tmp_path / "out"
    out.mkdir()
    args = [*args[:-1], str(out / args[-1])]
    assert main([ids[0] if a == "HOUSEHOLD" else a for a in args] + ["--db", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("ngheo: ") and "đuôi" in err
    assert list(out.iterdir()) == []
