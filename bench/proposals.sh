#!/usr/bin/env bash
# Times the proposal list of a process with 10,000 proposals on SQLite and on PostgreSQL: the first page of the API
# list and the HTML page in every order and with filters, under 50 concurrent readers (target p95 <= 150 ms).
# PostgreSQL: a throwaway database on the server that COCREO_BENCH_POSTGRES names (e.g.
# "Host=127.0.0.1;Port=55433;Username=cocreo"). Run on a quiet machine; not part of ./test.sh.
# Usage: bench/proposals.sh [proposals] [readers] [requestsPerReader] [sqlite|postgres|both]
# A smoke run: bench/proposals.sh 300 4 3 sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
proposals=${1:-10000}; readers=${2:-50}; requests=${3:-20}; which=${4:-both}
if [ "$which" != "sqlite" ]; then
  : "${COCREO_BENCH_POSTGRES:?set COCREO_BENCH_POSTGRES to a PostgreSQL server the bench may create a database on}"
  export COCREO_TEST_POSTGRES="$COCREO_BENCH_POSTGRES;Database=postgres"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll proposals "$proposals" "$readers" "$requests" "$which"
