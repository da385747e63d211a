#!/usr/bin/env bash
# Install the Debian packages the tests drive: chromium (browser tests; never `playwright install`,
# which downloads its own browser and fails on a closed network), graphviz (SVG export) and
# LibreOffice Writer (a test opens the Word brief in it, as a debater's Word would).
# Idempotent: installs only what is missing.
set -euo pipefail
CHROMIUM=${ARGMAP_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ] && command -v dot >/dev/null && command -v soffice >/dev/null; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ]; then SUDO=(); else SUDO=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -q
"${SUDO[@]}" apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core graphviz \
  libreoffice-writer-nogui
"$CHROMIUM" --version
dot -V
