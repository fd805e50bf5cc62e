#!/usr/bin/env bash
# Table plans (issue 18 item 4): 200 participants, 20 tables, 4 rounds, 3 diversity attributes, 20 hosts; target ≤ 5 s
# with zero repeated pairs. Also the 64-person room (8 tables, 4 rounds) where the affine plane shows zero is feasible.
# Usage: bench/table-plans.sh [runs]   (run from the repository root; prints the load average before and after)
set -euo pipefail
runs="${1:-5}"
dotnet build -c Release bench/Cocreo.Meetings.Bench -v quiet >/dev/null
B=bench/Cocreo.Meetings.Bench/bin/Release/net10.0/Cocreo.Meetings.Bench.dll
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores"
echo "load before: $(uptime | sed 's/.*load average: //')"
dotnet "$B" plan 200 20 4 20 "$runs" 1
dotnet "$B" affine default 3
echo "load after: $(uptime | sed 's/.*load average: //')"
