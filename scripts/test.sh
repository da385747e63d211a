#!/usr/bin/env bash
# Set everything up and run the whole test suite (lint, unit, app and browser tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
if [ -f scripts/install-browser.sh ]; then
  bash scripts/install-browser.sh
fi
.venv/bin/ruff check .
.venv/bin/python -m pytest "$@"
