#!/usr/bin/env bash
# Live updates to many open pages: how long after a publish each of N pages (SignalR over WebSockets, real sockets)
# receives it, on one instance, or on two instances sharing a Redis backplane (COCREO_BENCH_REDIS=host:port, e.g. a
# throwaway `redis-server --port 56380 --save ''`). Not part of ./test.sh.
# Usage: bench/live.sh [pages] [updates] [one|two]
set -euo pipefail
cd "$(dirname "$0")/.."
pages=${1:-1000}; updates=${2:-20}; which=${3:-one}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll live "$pages" "$updates" "$which"
