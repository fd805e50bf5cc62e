#!/usr/bin/env bash
# A run-sheet change reaching the room (issue 18: 500 connected devices in <= 1 s p95): DEVICES SignalR clients over
# WebSockets on loopback watch a meeting's run sheet; the lead facilitator starts a block and extends it through the
# live page's forms; each device's delay to hearing of it and to showing it (fetching the projector's part, as
# runsheets.js does) is recorded. "two" splits the devices over two instances sharing the database and a Redis
# backplane (COCREO_BENCH_REDIS=host:port, e.g. a throwaway `redis-server --port 56380 --save ''`); "postgres" needs
# COCREO_TEST_POSTGRES. Not part of ./test.sh.
# Usage: bench/runsheet.sh [devices] [changes] [one|two] [sqlite|postgres] [now|grid] ("grid": the devices show an Open Space grid)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll runsheet "${1:-500}" "${2:-20}" "${3:-one}" "${4:-sqlite}" "${5:-now}"
