# The README's commands: `make run` starts the app, `make test` runs every test, `make bench`
# the benchmarks. Each installs what it needs first.

export VORONKA_TEST_PG ?= postgres://postgres:postgres@127.0.0.1:5432/postgres
BENCH_SCALE ?= 300000
BENCH_DIR ?= target/bench
CORE_CRATES := -p voronka-core -p voronka-store -p voronka-demo -p voronka-cli -p voronka-testdb

.PHONY: run app ui ui-deps app-deps test deps postgres fmt clippy unit ui-check app-test bindings bench

# --- the app ---------------------------------------------------------------------------------

run: app
	cargo run --release -p voronka --features custom-protocol

app: app-deps ui
	cargo build --release -p voronka --features custom-protocol

app-deps:
	@scripts/ensure-app-deps.sh

ui-deps: app-deps
	cd ui && npm ci --no-audit --no-fund

ui: ui-deps
	cd ui && npm run build

# Regenerates ui/src/bindings.ts from the Rust commands (a test fails while it is stale).
bindings: app-deps
	VORONKA_WRITE_BINDINGS=1 cargo test -p voronka bindings

# --- tests -----------------------------------------------------------------------------------

test: deps postgres fmt clippy unit ui-check app-test

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
