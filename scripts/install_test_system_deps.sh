#!/usr/bin/env bash
# Installs what the browser tests need beyond PyPI: Debian's Chromium (the tests drive it with
# Playwright; Playwright's own browser download is not used) and axe-core from the npm registry; and what
# the translated pages need: gettext (compilemessages) and the Noto fonts that cover Arabic (page and PDF);
# the fonts that print the names people write (fonts-noto-core: Arabic, Cyrillic, Greek, Hebrew, Indic
# scripts…; fonts-droid-fallback, 7 MB: Chinese, Japanese, Korean, instead of fonts-noto-cjk's 91 MB);
# Debian's redis-server, which the shared-cache tests start on a free port (skipped without it); and
# poppler-utils, whose pdftotext reads the PDFs page by page in the tests (as a reader's tool would).
set -euo pipefail
if ! command -v msgfmt >/dev/null 2>&1 || [ ! -f /usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf ] \
  || [ ! -f /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf ] || ! command -v redis-server >/dev/null 2>&1 \
  || ! command -v pdftotext >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing gettext, the Noto and Droid fallback fonts, redis-server and poppler-utils…"
    apt-get update -qq >/dev/null
    # redis-server's package would start a system-wide server: the tests start their own.
    own_policy=""
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && own_policy=1
    fi
    status=0
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext fonts-noto-core fonts-droid-fallback redis-server poppler-utils \
      >/dev/null || status=$?
    if [ -n "$own_policy" ]; then rm -f /usr/sbin/policy-rc.d; fi
    [ "$status" = 0 ] || exit "$status"
  else
    echo "Translations, names in the PDF and the shared-cache tests need: sudo apt-get install -y gettext" \
      "fonts-noto-core fonts-droid-fallback redis-server poppler-utils." >&2
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
