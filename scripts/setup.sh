#!/usr/bin/env bash
# Sets up the app in ./.venv (Python 3.11) and installs the map's JS/CSS into static/vendor.
#   bash scripts/setup.sh         the app
#   bash scripts/setup.sh --dev   the app and everything the tests need: test packages, and
#                                 (as root, when missing) Debian's chromium, postgresql and
#                                 poppler-utils (pdftotext/pdftoppm check the PDFs)
# Both install Debian's fonts-noto-core (as root, when missing): the Infoblatt PDF needs Noto
# Sans and Noto Sans/Naskh Arabic, or Arabic and Farsi print as empty boxes.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3

missing=()
fc-list 2>/dev/null | grep -q "Noto Sans Arabic" || missing+=(fonts-noto-core)
# WeasyPrint (the PDFs) draws text with Pango
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
if [ "${1:-}" = "--dev" ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
fi
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Bitte als root installieren: apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
if [ "${1:-}" = "--dev" ]; then
  .venv/bin/python -m pip install -q -r tests/requirements.txt
else
  .venv/bin/python -m pip install -q -r requirements.txt
fi
.venv/bin/python scripts/install_assets.py
