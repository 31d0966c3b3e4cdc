#!/usr/bin/env bash
# What the desktop app needs to build and run on Debian/Ubuntu: WebKitGTK and friends for
# Tauri, Node.js and npm for the UI. Installed from Debian's packages when missing.
# With `--e2e` also the WebDriver pieces: WebKitWebDriver, Xvfb, a D-Bus session, tauri-driver,
# and pdftotext to read back a proposal the app made. `--bundle` (the install test of the
# packages) needs those too, and `rpm` to read the RPM back.
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(libwebkit2gtk-4.1-dev libsoup-3.0-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev libssl-dev libdbus-1-dev build-essential pkg-config)
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "${1:-}" = "--e2e" ] || [ "${1:-}" = "--bundle" ]; then
  packages+=(webkit2gtk-driver xvfb dbus-x11 x11-apps imagemagick poppler-utils)
fi
if [ "${1:-}" = "--bundle" ]; then
  packages+=(rpm)
fi
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ -n "${1:-}" ] && ! command -v tauri-driver >/dev/null 2>&1; then
  cargo install tauri-driver --locked --quiet
fi
