"""The command line speaks Vietnamese in argparse's own texts too: help headings, the help option and the
errors for a wrong choice, a wrong number, a missing or an unknown argument (exit 2, one line)."""

from __future__ import annotations

import re

import pytest

from ngheo_desktop.cli import main

ENGLISH = ("usage:", "positional arguments", "options:", "show this help message", "show program's version",
           "invalid choice", "choose from", "invalid int value", "the following arguments are required",
           "unrecognized arguments", "expected one argument", "argument ", "error:")


def _run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("argv", [[], ["db"], ["db", "backup"], ["round", "create"], ["household", "import"],
                                  ["search"]])
def test_help_is_in_vietnamese(capsys, argv):
    code, out, _ = _run(capsys, *argv, "--help")
    assert code == 0
    assert out.startswith("cách dùng: ngheo")
    assert "\ntùy chọn:\n" in out and re.search(r"-h, --help +in hướng dẫn này rồi thoát", out)
    assert not [word for word in ENGLISH if word in out]


def test_help_names_positional_arguments_in_vietnamese(capsys):
    _, out, _ = _run(capsys, "round", "create", "--help")
    assert "\ntham số:\n  NĂM " in out and "--version" not in out
    _, out, _ = _run(capsys, "--help")
    assert re.search(r"--version +in số phiên bản rồi thoát", out)


@pytest.mark.parametrize("argv, expected", [
    (["round", "create", "2027", "--kind", "monthly"],
     "tham số --kind: không có lựa chọn 'monthly' (chọn một trong: "),
    (["round", "create", "hai-nghìn"], "tham số NĂM: 'hai-nghìn' không phải số nguyên"),
    (["round", "create"], "thiếu tham số bắt buộc: NĂM"),
    (["search", "an", "--limit"], "tham số --limit: cần một giá trị"),
    (["search", "an", "--fast"], "tham số không dùng được ở đây: --fast"),
    (["rounds"], "tham số LỆNH: không có lựa chọn 'rounds' (chọn một trong: "),
])
def test_argument_errors_are_one_vietnamese_line(capsys, argv, expected):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert err.startswith("ngheo: lỗi tham số: ") and err.count("\n") == 1
    assert expected in err
    assert not [word for word in ENGLISH if word in err]
