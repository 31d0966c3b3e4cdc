# The two commands of the README: `make test` runs every test; `make bench` the benchmarks.
# Both install what they need first.

export VORONKA_TEST_PG ?= postgres://postgres:postgres@127.0.0.1:5432/postgres
BENCH_SCALE ?= 300000
BENCH_DIR ?= target/bench

.PHONY: test deps postgres fmt clippy unit bench

test: deps postgres fmt clippy unit

deps:
	@scripts/ensure-tools.sh

postgres:
	@scripts/ensure-postgres.sh

fmt:
	cargo fmt --all --check

clippy:
	cargo clippy --workspace --all-targets -- -D warnings

unit:
	cargo test --workspace

# Demo databases of $(BENCH_SCALE) deals on both backends (made once, then reused), then the
# latency benchmark on each.
bench: deps postgres
	@scripts/bench.sh $(BENCH_SCALE) $(BENCH_DIR)
