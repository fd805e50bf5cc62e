#!/usr/bin/env bash
# Times search over 1,000,000 indexed items on SQLite and on PostgreSQL (a throwaway database on the server that
# COCREO_BENCH_POSTGRES names, e.g. the durable bench server "Host=127.0.0.1;Port=55433;Username=cocreo"). Not part
# of ./test.sh. Usage: bench/search.sh [items] [iterations] [sqlite|postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
items=${1:-1000000}; iterations=${2:-30}; which=${3:-both}
if [ "$which" != "sqlite" ]; then
  : "${COCREO_BENCH_POSTGRES:?set COCREO_BENCH_POSTGRES to a PostgreSQL server the bench may create a database on}"
  export COCREO_TEST_POSTGRES="$COCREO_BENCH_POSTGRES;Database=postgres"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll search "$items" "$iterations" "$which"
