#!/usr/bin/env bash
# Builds the one-folder desktop app with PyInstaller (build.spec) and smoke-tests the result:
# the frozen app starts offscreen on a fresh demo database, opens a household, prints a sheet and exits.
# Prints the build time, the folder size and the frozen app's start-to-smoke-test time.
#
#     bash scripts/build.sh            → dist/ngheo_desktop/ (ngheo-desktop and ngheo side by side)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/python -m pip install -q -e ".[build]"

now() { date +%s.%N; }
secs() { .venv/bin/python -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$1" "$2"; }

start=$(now)
.venv/bin/pyinstaller --noconfirm --clean --log-level WARN build.spec
end=$(now)
dist=dist/ngheo_desktop
echo "build: $(secs "$start" "$end") s, folder $(du -sh "$dist" | cut -f1)"

home=$(mktemp -d)
out=$(mktemp -d)
trap 'rm -rf "$home" "$out"' EXIT
export NGHEO_HOME="$home" QT_QPA_PLATFORM=offscreen
"$dist/ngheo" standards list
t0=$(now)
"$dist/ngheo-desktop" --smoke-test "$out"
echo "frozen app: first start (builds the demo commune), household, sheet, exit in $(secs "$t0" "$(now)") s"
# A second start on the existing database: the time a surveyor waits every morning.
t0=$(now)
"$dist/ngheo-desktop" --smoke-test "$out"
echo "frozen app: second start (existing database), household, sheet, exit in $(secs "$t0" "$(now)") s"
