#!/usr/bin/env bash
# The install test of `make bundle`, on this machine (as root; it replaces an installed
# Voronka package):
# - the RPM is read back: its version, and the app, the CLI and the desktop entry in it;
# - the .deb is installed with apt (which brings what it depends on), `voronka --version` and
#   `voronka-cli --version` print the version, every library the app links is there;
# - with a fresh HOME and XDG folders, under Xvfb and a D-Bus session, the desktop entry's Exec
#   starts the app to the first-start screen (its log file says so), then the same binary
#   through WebDriver loads the demo from that screen and About names the data folder and the
#   log file (tests/e2e/installed);
# - the package is removed: the programs are gone, the user's data folder stays;
# - the start-up with 100,000 deals is measured on the installed release build (the e2e
#   scenario 09-startup-100k; its database is made once by the release CLI, minutes).
# Prints the installed size, the packages' sizes and the start-up times.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
fail() { echo "bundle test: $*" >&2; exit 1; }

scripts/ensure-app-deps.sh --bundle
(cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
target_dir=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')
version=$(cargo metadata --format-version 1 --no-deps |
  python3 -c 'import json, sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "voronka"))')
deb=$(ls "$target_dir"/release/bundle/deb/Voronka_"$version"_*.deb 2>/dev/null | head -1 || true)
rpm=$(ls "$target_dir"/release/bundle/rpm/Voronka-"$version"-*.rpm 2>/dev/null | head -1 || true)
[ -f "$deb" ] || fail "no .deb of $version in $target_dir/release/bundle/deb: run make bundle"
[ -f "$rpm" ] || fail "no .rpm of $version in $target_dir/release/bundle/rpm: run make bundle"

# The RPM, read back.
[ "$(rpm -qp --queryformat '%{VERSION}' "$rpm" 2>/dev/null)" = "$version" ] || fail "the RPM is not version $version"
rpm_files=$(rpm -qlp "$rpm" 2>/dev/null)
for f in /usr/bin/voronka /usr/bin/voronka-cli /usr/share/applications/Voronka.desktop; do
  grep -qx "$f" <<<"$rpm_files" || fail "the RPM has no $f"
done
echo "rpm: $(basename "$rpm"): $(rpm -qp --queryformat '%{SUMMARY}' "$rpm" 2>/dev/null)"

# The .deb's fields.
package=$(dpkg-deb -f "$deb" Package)
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb is not version $version"
dpkg-deb -f "$deb" Description | grep -q . || fail "the .deb has no description"
echo "deb: $(basename "$deb"): $package $(dpkg-deb -f "$deb" Version), section $(dpkg-deb -f "$deb" Section)"
depends=$(dpkg-deb -f "$deb" Depends)
twice=$(tr ',' '\n' <<<"$depends" | sed 's/^ *//' | sort | uniq -d)
[ -z "$twice" ] || fail "the .deb depends twice on $twice"
echo "     depends on $depends"

# Installed with its dependencies.
DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --allow-downgrades --reinstall "$(realpath "$deb")" >/dev/null
[ "$(voronka --version)" = "voronka $version" ] || fail "voronka --version says $(voronka --version)"
voronka-cli --version | grep -qw "$version" || fail "voronka-cli --version says $(voronka-cli --version)"
missing=$(ldd "$(command -v voronka)" | grep 'not found' || true)
[ -z "$missing" ] || fail "the app links libraries that are not installed: $missing"
desktop=$(dpkg -L "$package" | grep '^/usr/share/applications/.*\.desktop$' | head -1)
[ -n "$desktop" ] || fail "the package installs no desktop entry"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -1 | sed -E 's/ ?%[fFuUick]//g')
icon=$(sed -n 's/^Icon=//p' "$desktop" | head -1)
categories=$(sed -n 's/^Categories=//p' "$desktop" | head -1)
ls /usr/share/icons/hicolor/*/apps/"$icon".png >/dev/null 2>&1 || fail "the entry's icon $icon is not installed"
[ -n "$categories" ] || fail "the desktop entry names no category"
installed_kb=$(dpkg-query -W -f '${Installed-Size}' "$package")
echo "installed: $desktop: Exec=$exec_line Icon=$icon Categories=$categories"

# A fresh person on this machine: their own HOME and XDG folders, nothing of the developer's.
person=$(mktemp -d /tmp/voronka-installed-XXXXXX)
tauri_driver=$(command -v tauri-driver || echo "$HOME/.cargo/bin/tauri-driver")
(
  export HOME=$person XDG_DATA_HOME=$person/.local/share XDG_CONFIG_HOME=$person/.config \
    XDG_CACHE_HOME=$person/.cache TAURI_DRIVER=$tauri_driver \
    VORONKA_INSTALLED_EXEC=$exec_line VORONKA_VERSION=$version \
    WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 LIBGL_ALWAYS_SOFTWARE=1
  unset VORONKA_DB VORONKA_CONFIG_DIR
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  xvfb-run -a -s '-screen 0 1920x1080x24 -nolisten tcp' dbus-run-session -- \
    node --test --test-reporter=spec tests/e2e/installed/installed.test.mjs 2>&1 |
    grep -v -E 'dbus-daemon|xdg-desktop-portal|pw\.conf|SpiRegistry'
  exit "${PIPESTATUS[0]}"
) || fail "the installed app did not pass (screens in target/e2e)"

# The start-up with 100,000 deals, on the installed release build.
startup=0
VORONKA_E2E_APP=$(command -v voronka) node tests/e2e/run.mjs 09-startup | tee "$person/startup.txt" || startup=1

# Removed: the programs go, the person's data stays.
DEBIAN_FRONTEND=noninteractive as_root apt-get remove -y -qq "$package" >/dev/null
! command -v voronka >/dev/null || fail "voronka is still installed after the removal"
! command -v voronka-cli >/dev/null || fail "voronka-cli is still installed after the removal"
[ -s "$person/.local/share/Voronka/voronka.db" ] || fail "the removal took the user's database"
ls "$person"/.local/share/Voronka/logs/voronka.*.log >/dev/null || fail "the removal took the user's logs"
echo "removed $package; the user's data folder stays: $(ls "$person/.local/share/Voronka" | tr '\n' ' ')"

echo "--- numbers"
echo "installed size: $installed_kb KiB ($(dpkg-deb -f "$deb" Installed-Size) KiB by the .deb)"
echo ".deb: $(stat -c %s "$deb") bytes; .rpm: $(stat -c %s "$rpm") bytes"
grep -E 'start|first|Today|scroll|frame' "$person/startup.txt" | grep -v -E '^\$|^#' | sed 's/^/start-up: /' || true
rm -rf "$person"
[ "$startup" = 0 ] || fail "the start-up measurement failed"
echo "1 passed, 0 failed"
