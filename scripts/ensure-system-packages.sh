#!/usr/bin/env bash
# Installs what the browser tests need from Debian when it is missing: Chromium (never a
# downloaded browser build), nginx (the tests serve the site the way a firm would),
# poppler-utils (pdftotext, to read back the PDFs the tests print) and LibreOffice Writer
# (soffice, the word processor that reads back the Word documents the handbook writes).
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/sbin/nginx ] || missing+=(nginx)
[ -x /usr/bin/pdftotext ] || missing+=(poppler-utils)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Missing: ${missing[*]}. Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian…"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
