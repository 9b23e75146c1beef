"""The live result beside the questions: class, income against the line, every indicator with its reason.

It shows an ``ngheo.result`` dict from the classifier as it is — the wording of reasons comes from the
rules core, so the screen, the CLI and the printed sheet say the same thing. A warning stands out when
the result rests on unverified parameters or on unanswered questions.
"""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ngheo_desktop.text import format_vnd

MARKS = {True: ("✘", "deprived"), False: ("✔", "met"), None: ("?", "unknown")}
CLASS_STYLE = {"poor": "poor", "near_poor": "near_poor", None: "unknown"}


class ResultPanel(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        # Every text in the panel wraps: a sideways scroll bar would only hide the right edge.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setObjectName("resultPanel")
        self.setMinimumWidth(330)
        # The class names of criteria.CLASS_VI, declared here so the English catalogue has them.
        self._class_names = {
            "poor": self.tr("Hộ nghèo"), "near_poor": self.tr("Hộ cận nghèo"),
            "average_living": self.tr("Hộ có mức sống trung bình"),
            "above_average_living": self.tr("Hộ trên mức sống trung bình"),
            "above_poverty_line": self.tr("Hộ trên chuẩn nghèo"), None: self.tr("Chưa xác định"),
        }
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(12, 12, 12, 12)
        caption = QLabel(self.tr("Kết quả tạm tính"))
        caption.setObjectName("caption")
        layout.addWidget(caption)
        self.klass = QLabel()
        self.klass.setObjectName("classBadge")
        self.klass.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(self.klass)
        self.income = QLabel()
        self.income.setWordWrap(True)
        layout.addWidget(self.income)
        self.standard = QLabel()
        self.standard.setWordWrap(True)
        self.standard.setObjectName("help")
        layout.addWidget(self.standard)
        self.warning = QLabel()
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        layout.addWidget(self.warning)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        self.indicators = QLabel()
        self.indicators.setWordWrap(True)
        self.indicators.setTextFormat(Qt.TextFormat.RichText)
        self.indicators.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.indicators)
        layout.addStretch(1)
        self.setWidget(body)
        self.show_result(None)

    def show_result(self, result: dict[str, Any] | None) -> None:
        self.result = result
        if result is None:
            self.klass.setText(self.tr("Chưa có chuẩn áp dụng"))
            self.klass.setProperty("kind", "unknown")
            for w in (self.income, self.standard, self.warning, self.indicators):
                w.clear()
            self.warning.hide()
            return
        klass = result["class"]
        name = self._class_names.get(klass, result["class_vi"])
        self.klass.setText(name if result["class_certain"] or klass is None
                           else self.tr("{0} (chưa chắc chắn)").format(name))
        self.klass.setProperty("kind", CLASS_STYLE.get(klass, "above"))
        self.klass.style().unpolish(self.klass)
        self.klass.style().polish(self.klass)

        income = result["income"]
        # The classifier's reason already sets the income against the line ("… ≤ chuẩn nghèo …").
        caption = self.tr("Thu nhập:")
        text = f"<b>{escape(caption)}</b> {escape(income['reason'])}"
        if income.get("per_capita_monthly") is None:
            text += "<br>" + escape(self.tr("Chuẩn nghèo {0}: {1}/người/tháng").format(
                income["area_vi"], format_vnd(income["poverty_line"])))
        self.income.setText(text)

        std = result["standard"]
        dep = result["deprivation"]
        self.standard.setText(self.tr("Chuẩn áp dụng: {0} (năm rà soát {1}). Thiếu hụt {2} chỉ số, chưa rõ {3}; "
                                      "hộ nghèo khi từ {4} chỉ số.").format(
            std["title_vi"], result["review"]["year"], dep["count"], dep["unknown"], dep["cutoff"]))

        # The classifier's notes already name unverified parameters and undecidable income.
        warnings = list(result["notes"])
        if dep["unknown"]:
            warnings.insert(0, self.tr("Còn câu trả lời chưa có: {0} chỉ số chưa xác định được.").format(
                dep["unknown"]))
        self.warning.setText("⚠ " + "<br>⚠ ".join(escape(w) for w in warnings) if warnings else "")
        self.warning.setVisible(bool(warnings))

        rows = []
        for ind in result["indicators"]:
            mark, kind = MARKS[ind["deprived"]]
            rows.append(
                f"<tr><td class='{kind}' style='padding-right:6px'><b>{mark}</b></td>"
                f"<td><b>{escape(ind['name_vi'])}</b>"
                f"{' <sup>†</sup>' if ind['rests_on_unverified'] else ''}<br>"
                f"<span style='color:#444'>{escape(ind['reason'])}</span></td></tr>")
        legend = self.tr("✔ đạt · ✘ thiếu hụt · ? chưa rõ · † dựa trên tham số chưa xác minh")
        self.indicators.setText(
            "<style>td.deprived{color:#b3261e} td.met{color:#1b7f3b} td.unknown{color:#8a6d00}</style>"
            f"<table cellspacing='0' cellpadding='3'>{''.join(rows)}</table>"
            f"<p style='color:#666'>{escape(legend)}</p>")
