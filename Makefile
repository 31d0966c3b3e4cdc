# The README's commands: `make run` starts the app, `make test` runs every test, `make bench`
# the benchmarks. Each installs what it needs first.

export VORONKA_TEST_PG ?= postgres://postgres:postgres@127.0.0.1:5432/postgres
BENCH_SCALE ?= 300000
BENCH_DIR ?= target/bench
CORE_CRATES := -p voronka-core -p voronka-store -p voronka-demo -p voronka-cli -p voronka-testdb -p voronka-xlsx -p voronka-notifier -p voronka-proposal -p voronka-import

.PHONY: run app ui ui-deps app-deps test deps postgres fmt clippy unit ui-check app-test bindings bench e2e e2e-app e2e-startup bundle bundle-test

# --- the app ---------------------------------------------------------------------------------

run: app
	cargo run --release -p voronka --features custom-protocol

app: app-deps ui
	cargo build --release -p voronka --features custom-protocol

app-deps:
	@scripts/ensure-app-deps.sh

# The Debian package and the RPM (the Tauri CLI, pinned, installed when missing), then their
# install test. Not part of `make test`: the release build and the 100,000-deal database of its
# start-up measurement take too long for CI's limit on a cold machine.
bundle: app-deps ui
	@scripts/bundle.sh
	@scripts/bundle-test.sh

# The install test alone, on the packages `make bundle` made.
bundle-test: app-deps
	@scripts/bundle-test.sh

ui-deps: app-deps ui/node_modules/.installed

# Installed again only when the lock file changes.
ui/node_modules/.installed: ui/package-lock.json
	cd ui && npm ci --no-audit --no-fund
	touch $@

ui: ui-deps
	cd ui && npm run build

# Regenerates ui/src/bindings.ts from the Rust commands (a test fails while it is stale).
bindings: app-deps
	VORONKA_WRITE_BINDINGS=1 cargo test -p voronka bindings

# --- tests -----------------------------------------------------------------------------------

test: deps postgres fmt clippy unit ui-check app-test e2e

deps:
	@scripts/ensure-tools.sh

postgres:
	@scripts/ensure-postgres.sh

fmt:
	cargo fmt --all --check

clippy: app-deps ui
	cargo clippy --workspace --all-targets -- -D warnings

unit:
	cargo test $(CORE_CRATES)

ui-check: ui-deps
	cd ui && npm run typecheck && npm run lint && npm test

app-test: app-deps
	cargo test -p voronka

# --- benchmarks ------------------------------------------------------------------------------

# Demo databases of $(BENCH_SCALE) deals on both backends (made once, then reused), then the
# latency benchmark on each.
bench: deps postgres
	@scripts/bench.sh $(BENCH_SCALE) $(BENCH_DIR)

# --- end-to-end ------------------------------------------------------------------------------

# The real app under Xvfb through tauri-driver (tests/e2e). The binary is copied right after its
# build: a plain `cargo build` elsewhere would replace target/debug/voronka with a dev-server
# build mid-run. The CLI makes the 100,000-deal database of the start-up measurement (once), and
# the debug CLI the team databases of the sign-in scenario.
# `make e2e` runs the scenarios; `make e2e-startup` also measures the start-up with 100,000
# deals, whose database takes minutes to make (once).
TARGET_DIR := $(or $(CARGO_TARGET_DIR),$(CURDIR)/target)
E2E_APP := $(CURDIR)/target/e2e/bin/voronka

e2e-app: ui
	@scripts/ensure-app-deps.sh --e2e
	cargo build -p voronka --features custom-protocol
	@mkdir -p $(dir $(E2E_APP)) && cp $(TARGET_DIR)/debug/voronka $(E2E_APP)
	cargo build -p voronka-cli
	cd tests/e2e && npm ci --no-audit --no-fund

e2e: e2e-app
	VORONKA_E2E_APP=$(E2E_APP) node tests/e2e/run.mjs --no-scale

e2e-startup: e2e-app
	cargo build --release -p voronka-cli
	VORONKA_E2E_APP=$(E2E_APP) node tests/e2e/run.mjs
