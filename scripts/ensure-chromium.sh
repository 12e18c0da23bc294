#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (/usr/bin/chromium): no browser download, ever.
# Installs it with apt when missing and we may (root, apt present), with a CJK font so that Chinese
# names in the samples show as glyphs in the screenshots, not boxes; otherwise says how.
set -euo pipefail
# Elsewhere (GitHub Actions) Playwright's own browser may be installed instead: nothing to do here.
if [ -n "${PLAYWRIGHT_BUNDLED_CHROMIUM:-}" ]; then exit 0; fi
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[ -x "$browser" ] || missing+=(chromium)
command -v fc-list >/dev/null 2>&1 && fc-list :lang=zh family | grep -q . || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} for the end-to-end tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
if [ -x "$browser" ]; then
  echo "No CJK font: Chinese text shows as boxes in the screenshots ('sudo apt-get install -y fonts-noto-cjk' fixes it)." >&2
  exit 0
fi
echo "The end-to-end tests need Chromium at $browser: run 'sudo apt-get install -y chromium fonts-noto-cjk', or set CHROMIUM_PATH." >&2
exit 1
