#!/usr/bin/env bash
# Time to count and publish the results of 100,000 ballots (and to close the vote, which opens every sealed ballot and rewrites them all).
# Each run is a new process, so the first publication includes the JIT warm-up.
# Usage: bench/budgeting/publish.sh sqlite|postgres [BALLOTS=100000] [PROJECTS=30] [RUNS=3]
set -euo pipefail
source "$(dirname "$0")/common.sh"
work=$(mktemp -d /tmp/cocreo-publish.XXXXXX)
trap 'cleanup_database; rm -rf "$work"' EXIT
build
database "$1" "$work"
for _ in $(seq 1 "${4:-3}"); do
  dotnet "$bench_dll" publish "$provider_name" "$connection" "${2:-100000}" "${3:-30}"
done
