#!/usr/bin/env bash
# `make bundle`: the Debian package and the RPM of the desktop app, made by the Tauri CLI from
# the release build with the bundled UI, with the command line `voronka-cli` installed beside
# `voronka` (the admin's backups, imports, lead rotation). The version is the workspace's in
# Cargo.toml. Prints where the packages are; scripts/bundle-test.sh then installs the .deb.
# Expects the UI built (`make ui`).
set -euo pipefail
cd "$(dirname "$0")/.."
tauri=$(scripts/ensure-tauri-cli.sh)
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')

# The CLI goes in as an external binary: the bundler wants it named for the target triple.
cargo build --release --locked -p voronka-cli
triple=$(rustc -vV | sed -n 's/^host: //p')
mkdir -p src-tauri/binaries
cp "$target_dir/release/voronka-cli" "src-tauri/binaries/voronka-cli-$triple"

# installers.conf.json adds the CLI; the UI was built by make, not by the hook.
"$tauri" build --ci --bundles deb,rpm --features custom-protocol --config src-tauri/installers.conf.json

ls -l "$target_dir"/release/bundle/deb/*.deb "$target_dir"/release/bundle/rpm/*.rpm
