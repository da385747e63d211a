#!/usr/bin/env bash
# Set up argmap in a virtual environment (.venv): `setup.sh app` installs what the app needs,
# `setup.sh` (or `setup.sh test`) that and the test tools too.
# Idempotent and quick: pip runs again only when pyproject.toml changed since the last install
# of that kind (a stamp in .venv records its hash).
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
kind=${1:-test}
case "$kind" in
  app) target="." ;;
  test) target=".[test]" ;;
  *) echo "setup.sh: say app or test, not '$kind'" >&2; exit 2 ;;
esac
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
  .venv/bin/python -m pip install --quiet --upgrade pip
fi
hash=$(.venv/bin/python -c 'import hashlib,sys; print(hashlib.sha256(open("pyproject.toml","rb").read()).hexdigest())')
stamp=.venv/.argmap-$kind-installed
# A test install holds the app's too: either stamp will do for the app.
if [ "$(cat "$stamp" 2>/dev/null)" = "$hash" ] || { [ "$kind" = app ] && [ "$(cat .venv/.argmap-test-installed 2>/dev/null)" = "$hash" ]; }; then
  exit 0
fi
.venv/bin/python -m pip install --quiet -e "$target"
echo "$hash" > "$stamp"
