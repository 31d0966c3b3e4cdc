#!/usr/bin/env bash
# The Tauri CLI that makes the installers: npm's prebuilt binary of @tauri-apps/cli, pinned
# here, installed into target/tools when it is missing. Its minor version goes with the `tauri`
# crate's in Cargo.lock; this refuses to go on when they drift apart. Prints the path of the
# `tauri` command. Runs the same on Linux, macOS and Windows (Git Bash), for CI's installers.
set -euo pipefail
cd "$(dirname "$0")/.."
TAURI_CLI_VERSION=2.12.5

crate=$(awk '$0 == "name = \"tauri\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "${crate%.*}" != "${TAURI_CLI_VERSION%.*}" ]; then
  echo "the tauri crate is $crate in Cargo.lock, the pinned CLI $TAURI_CLI_VERSION: change TAURI_CLI_VERSION in $0" >&2
  exit 1
fi
dir=target/tools/tauri-cli-$TAURI_CLI_VERSION
tauri=$dir/node_modules/.bin/tauri
if ! "$tauri" --version >/dev/null 2>&1; then
  echo "installing @tauri-apps/cli@$TAURI_CLI_VERSION into $dir" >&2
  mkdir -p "$dir"
  npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error \
    "@tauri-apps/cli@$TAURI_CLI_VERSION" >&2
fi
echo "$PWD/$tauri"
