#!/usr/bin/env bash
# Installs what `make bench` uses beyond PyPI: Debian's wrk, the HTTP load generator of the API
# throughput benchmark (bench/bench_api.py falls back to a bounded Python load generator without it).
set -euo pipefail
if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian's wrk for the API benchmark…"
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
  else
    echo "The API benchmark uses wrk (sudo apt-get install -y wrk); without it, a Python load generator." >&2
  fi
fi
