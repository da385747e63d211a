#!/usr/bin/env bash
# Install Debian's chromium for the browser tests (idempotent; never `playwright install`,
# which downloads its own browser and fails on machines with a closed network).
set -euo pipefail
CHROMIUM=${ARGMAP_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
"$CHROMIUM" --version
