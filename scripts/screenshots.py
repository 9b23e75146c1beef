"""Screenshots of the desktop app on a demo commune, for review and documentation.

    .venv/bin/python scripts/screenshots.py OUT_DIR

Writes main-window.png, main-window-search.png, household-editor.png, wizard-midway.png,
result-panel.png and main-window-en.png into OUT_DIR. Runs offscreen in a temporary NGHEO_HOME, so
it never touches the user's database or settings.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="ngheo-shots-") as home:
        os.environ["NGHEO_HOME"] = home
        return _shoot(out)


def _shoot(out: Path) -> int:
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    from ngheo_desktop.services import register
    from ngheo_desktop.ui.app import make_app
    from ngheo_desktop.ui.first_start import DEMO_HOUSEHOLDS
    from ngheo_desktop.ui.i18n import install_language
    from ngheo_desktop.ui.main_window import MainWindow
    from ngheo_desktop.ui.session import Session
    from ngheo_desktop.ui.settings import Settings

    app = make_app()
    install_language(app, "vi")
    settings = Settings(surveyor_name="Nguyễn Thị Mai", commune="Xã Quỳnh Thắng")
    register.first_start(settings.database_file(), households=DEMO_HOUSEHOLDS).close()

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def save(widget, name: str) -> None:
        settle()
        path = out / name
        widget.grab().save(str(path))
        print(path)

    window = MainWindow(Session(register.open_register(settings.database_file()), settings))
    window.resize(1280, 800)
    window.show()
    window.select_household(window.model.id_at(2))
    save(window, "main-window.png")

    window.search_box.setText("nguyen van")
    window.apply_filter()
    save(window, "main-window-search.png")
    window.search_box.clear()
    window.apply_filter()

    # A poor household makes the editor and the result panel worth looking at.
    poor = window.session.household_ids(sort="class")[0]
    editor = window.open_household(poor)
    editor.resize(1100, 760)
    editor.tabs.setCurrentIndex(1)
    save(editor, "household-editor.png")
    editor.close()

    wizard = window.assess_household(poor)
    wizard.resize(1360, 860)
    save(wizard.result_panel, "result-panel.png")
    wizard.close()

    # Mid-way: a household entered by hand, two members in, housing half answered.
    draft = window.session.new_household(window.villages.current_village())
    answers = {"head_name": "Hà Văn Thắng", "address": "Xóm 4", "merit_household": False}
    for qid, value in answers.items():
        draft.set_answer(qid, value)
    for name, relation, sex, birth in (("Hà Văn Thắng", "head", "male", "1979-05-02"),
                                       ("Lò Thị Én", "spouse", "female", "1982-08-19")):
        mid = draft.add_member()
        for qid, value in (("full_name", name), ("relation", relation), ("sex", sex), ("birth_date", birth),
                           ("ethnicity", "thai"), ("disability", "none"), ("has_health_insurance", True)):
            draft.set_answer(qid, value, mid)
    draft.set_answer("housing_walls", "non_durable")
    window.session.save_household(draft)
    wizard = window.assess_household(draft.doc["household_id"])
    wizard.resize(1360, 860)
    wizard.nav.setCurrentRow(2)
    wizard.forms["housing"].fields["housing_roof"].setFocus()
    save(wizard, "wizard-midway.png")
    wizard.close()
    window.close()

    install_language(app, "en")
    english = MainWindow(Session(register.open_register(settings.database_file()), settings))
    english.resize(1280, 800)
    english.show()
    save(english, "main-window-en.png")
    english.close()
    QApplication.processEvents()
    # Background reads (the table's ids, the key file) may still hold files in the temporary home.
    QThreadPool.globalInstance().waitForDone()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
