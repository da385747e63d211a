#!/usr/bin/env bash
# Set up (what the app needs, once) and open argmap on the cybercrime-treaty map (offline;
# stop with Ctrl-C). ARGMAP_PORT=8600 for another port; ARGMAP_HEADLESS=true opens no browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
port=${ARGMAP_PORT:-8501}
if ! .venv/bin/python - "$port" <<'PY'
import socket, sys
with socket.socket() as s:
    try:
        s.bind(("127.0.0.1", int(sys.argv[1])))
    except OSError:
        sys.exit(1)
PY
then
  echo "argmap: port $port is taken (another argmap, or another program, is using it)." >&2
  echo "        Open the one that runs at http://127.0.0.1:$port/, or start another on a free port:" >&2
  echo "        ARGMAP_PORT=$((port + 1)) bash scripts/app.sh" >&2
  exit 1
fi
# The class database's tables ($ARGMAP_DATABASE_URL, else SQLite in maps/), made once before
# serving rather than by the first visitors at once.
.venv/bin/argmap db upgrade
echo "argmap: http://127.0.0.1:$port/?map=cybercrime-treaties"
exec .venv/bin/streamlit run app.py \
  --server.address 127.0.0.1 --server.port "$port" \
  --browser.gatherUsageStats false --server.headless "${ARGMAP_HEADLESS:-false}"
