#!/usr/bin/env bash
# Set everything up and open argmap on the cybercrime-treaty map.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/argmap show maps/cybercrime-treaties.yaml
