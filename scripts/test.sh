#!/usr/bin/env bash
# Set everything up and run the whole test suite: lint, unit, database, app and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install-system.sh
# A throwaway PostgreSQL on 127.0.0.1 for the class-verdict tests, stopped however we exit.
pgdir=$(mktemp -d)
chmod 755 "$pgdir"
trap 'bash scripts/postgres.sh stop "$pgdir/pg" >/dev/null 2>&1 || true; rm -rf "$pgdir"' EXIT
ARGMAP_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start "$pgdir/pg")
export ARGMAP_TEST_POSTGRES_URL
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache  # the folders are the layers (pyproject.toml)
.venv/bin/mypy  # the package ships py.typed: its types hold (pyproject.toml [tool.mypy])
.venv/bin/python -m pytest "$@"
