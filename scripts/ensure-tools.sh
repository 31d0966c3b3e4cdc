#!/usr/bin/env bash
# What building and testing need besides Rust itself: a C compiler for the bundled SQLite, the
# PostgreSQL client for the scripts, LibreOffice Calc, which the XLSX tests open the exported
# workbooks with, pdftotext (poppler-utils), which reads back the proposals' PDFs, and a private D-Bus session with a recording notification server for the
# desktop notification tests. Installed from Debian's packages when missing.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v cargo >/dev/null 2>&1; then
  echo "cargo is missing: install Rust (https://rustup.rs) and run this again" >&2
  exit 1
fi
missing=()
command -v cc >/dev/null 2>&1 || missing+=(build-essential)
command -v psql >/dev/null 2>&1 || missing+=(postgresql-client)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
command -v soffice >/dev/null 2>&1 || command -v libreoffice >/dev/null 2>&1 ||
  missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
command -v dbus-run-session >/dev/null 2>&1 || missing+=(dbus-daemon)
# Debian's own python3 (a pyenv python earlier on PATH does not see Debian's modules).
/usr/bin/python3 -c 'import dbusmock' >/dev/null 2>&1 || missing+=(python3-dbusmock)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true
