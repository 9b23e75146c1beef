#!/usr/bin/env bash
# Sets everything up, then opens the app. With no database yet it starts on a demo commune.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/ngheo-desktop "$@"
