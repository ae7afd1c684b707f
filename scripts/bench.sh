#!/usr/bin/env bash
# Write benchmark of the embedded default (issue "Foundation", point 8): starts the real jar as a separate process
# on a fresh folder, creates N members and edits each once over HTTP with 8 clients, measures disk use, then the
# floor (CommandGateway in-process). Prints a summary and writes it to app/target/bench-N.txt.
#   scripts/bench.sh [N=20000] [extra maven args, e.g. -Dbench.clients=16]
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
shift || true
exec ./mvnw -B -Pbench -pl app -am verify -Dit.test=WriteThroughputBenchmark -Dbench.members="$N" "$@"
