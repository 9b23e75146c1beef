#!/usr/bin/env bash
# Rebuilds the interface translation from the sources in the repository. Vietnamese is the source
# language (the strings in ngheo_desktop/ui); resources/translations/ngheo_en.ts holds the English and
# is edited by hand or in Qt Linguist. lupdate refreshes the .ts from the code, keeping translations;
# lrelease compiles it into the ngheo_en.qm the app loads (a test checks the .qm matches the .ts).
# resources/translations/qt_vi.ts is Vietnamese for Qt's own texts (standard buttons, text-field menus,
# the file dialog), which Qt does not ship; it is edited by hand and only compiled here.
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/pyside6-lupdate ngheo_desktop/ui/*.py -source-language vi_VN -target-language en_GB \
  -no-obsolete -locations none -ts resources/translations/ngheo_en.ts
.venv/bin/pyside6-lrelease -silent resources/translations/ngheo_en.ts -qm resources/translations/ngheo_en.qm
.venv/bin/pyside6-lrelease -silent resources/translations/qt_vi.ts -qm resources/translations/qt_vi.qm
