#!/usr/bin/env bash
# Ballot submissions per second and latency, with wrk on loopback against the Release build.
# Usage: bench/budgeting/ballot-storm.sh sqlite|postgres [SECONDS=60] [CONNECTIONS=32] [THREADS=2]
# PostgreSQL: COCREO_BENCH_POSTGRES=Host=...;Port=...;Username=... (a fresh database is created and dropped).
set -euo pipefail
source "$(dirname "$0")/common.sh"
seconds=${2:-60}
connections=${3:-32}
threads=${4:-2}
work=$(mktemp -d /tmp/cocreo-storm.XXXXXX)
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  cleanup_database
  rm -rf "$work"
}
trap cleanup EXIT
build
database "$1" "$work"
# Enough codes for 4,000 ballots a second: each request uses a fresh one.
budget=$(dotnet "$bench_dll" prepare "$provider_name" "$connection" $((seconds * 4000)) 30 "$work/codes.txt")
port=$(free_port)
start_server "$port"
echo "budget $budget on $1; wrk -t$threads -c$connections -d${seconds}s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$repo/bench/budgeting/ballots.lua" "http://127.0.0.1:$port" -- "$work/codes.txt" "$budget" 30 "$threads"
