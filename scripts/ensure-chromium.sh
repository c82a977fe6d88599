#!/usr/bin/env bash
# Playwright cannot download its own browser here; the e2e tests use Debian's Chromium.
# Installs it when missing (root with apt), otherwise says what to do.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "[setup] installing Debian's chromium for the end-to-end tests"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "[setup] Chromium not found at $browser. Install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
