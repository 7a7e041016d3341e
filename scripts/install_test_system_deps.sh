#!/usr/bin/env bash
# Installs what the browser tests need beyond PyPI: Debian's Chromium (the tests drive it with
# Playwright; Playwright's own browser download is not used) and axe-core from the npm registry; and what
# the translated pages need: gettext (compilemessages) and the Noto fonts that cover Arabic (page and PDF).
set -euo pipefail
if ! command -v msgfmt >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing gettext and the Noto fonts (Arabic) for the translated pages and PDF…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext fonts-noto-core >/dev/null
  else
    echo "Translations need gettext and fonts-noto-core: sudo apt-get install -y gettext fonts-noto-core." >&2
  fi
fi
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's chromium for the browser tests…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Browser tests need Chromium: sudo apt-get install -y chromium (they are skipped without it)." >&2
  fi
fi
if command -v npm >/dev/null 2>&1; then
  if [ ! -f node_modules/axe-core/axe.min.js ] || [ package-lock.json -nt node_modules/axe-core/axe.min.js ]; then
    npm ci --no-audit --no-fund --silent
    touch node_modules/axe-core/axe.min.js
  fi
else
  echo "Accessibility checks need npm (sudo apt-get install -y npm): axe-core cannot be installed." >&2
fi
