#!/usr/bin/env bash
# Times a debate of 10,000 comments on SQLite and on PostgreSQL: the first page of every sort under 50 concurrent
# readers (target p95 <= 150 ms) and posting a comment (target p99 <= 100 ms). PostgreSQL: a throwaway database on the
# server that COCREO_BENCH_POSTGRES names (e.g. "Host=127.0.0.1;Port=55433;Username=cocreo"). Run on a quiet machine;
# not part of ./test.sh. Usage: bench/debate.sh [comments] [readers] [requestsPerReader] [posts] [sqlite|postgres|both]
# A smoke run: bench/debate.sh 300 4 3 10 sqlite
set -euo pipefail
cd "$(dirname "$0")/.."
comments=${1:-10000}; readers=${2:-50}; requests=${3:-20}; posts=${4:-300}; which=${5:-both}
if [ "$which" != "sqlite" ]; then
  : "${COCREO_BENCH_POSTGRES:?set COCREO_BENCH_POSTGRES to a PostgreSQL server the bench may create a database on}"
  export COCREO_TEST_POSTGRES="$COCREO_BENCH_POSTGRES;Database=postgres"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll debate "$comments" "$readers" "$requests" "$posts" "$which"
