#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (/usr/bin/chromium): no browser download, ever.
# Installs it with apt when missing and we may (root, apt present); otherwise says how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at $browser: run 'sudo apt-get install -y chromium', or set CHROMIUM_PATH." >&2
exit 1
