#!/usr/bin/env bash
# Set everything up and open argmap on the cybercrime-treaty map (offline; stop with Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
port=${ARGMAP_PORT:-8501}
# The class database's tables ($ARGMAP_DATABASE_URL, else SQLite in maps/), made once before
# serving rather than by the first visitors at once.
.venv/bin/argmap db upgrade
echo "argmap: http://127.0.0.1:$port/?map=cybercrime-treaties"
exec .venv/bin/streamlit run app.py \
  --server.address 127.0.0.1 --server.port "$port" \
  --browser.gatherUsageStats false --server.headless "${ARGMAP_HEADLESS:-false}"
