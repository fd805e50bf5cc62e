#!/bin/bash
# Times two builds of bench/Cocreo.OpinionMap.Bench alternately in one run (docs/benchmarks.md, "Opinion maps").
# Usage: bench/opinion-before-after.sh <before-dir> <after-dir> [polis-data-folder]
# Build each with: git checkout <commit> && dotnet build -c Release bench/Cocreo.OpinionMap.Bench -o <dir>
set -u
before=$1; after=$2; data=${3:-../shared/data/polis}
load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine: $(nproc) cores,$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2), $(free -g | awk '/Mem:/{print $2}') GiB; $(date -u)"
for round in 1 2 3; do
  for v in before after; do
    dir=${!v}
    echo "=== $v full round $round $(date -u +%H:%M:%S) load $(load)"
    /usr/bin/time -v dotnet "$dir/Cocreo.OpinionMap.Bench.dll" full 100000 10000 50 3 2>&1 \
      | grep -E "full computation:|in conversation|Maximum resident|Percent of CPU"
  done
done
for round in 1 2; do
  for v in before after; do
    dir=${!v}
    echo "=== $v incremental round $round $(date -u +%H:%M:%S) load $(load)"
    dotnet "$dir/Cocreo.OpinionMap.Bench.dll" incremental 100000 10000 50 10 1000 2>&1 | tail -1
  done
done
for v in before after; do
  dir=${!v}
  echo "=== $v fixtures $(date -u +%H:%M:%S) load $(load)"
  dotnet "$dir/Cocreo.OpinionMap.Bench.dll" fixtures "$data" 20 2>&1
done
echo "=== after starts-fixtures $(date -u +%H:%M:%S) load $(load)"
dotnet "$after/Cocreo.OpinionMap.Bench.dll" starts-fixtures "$data" 40 2>&1
echo "=== after starts $(date -u +%H:%M:%S) load $(load)"
dotnet "$after/Cocreo.OpinionMap.Bench.dll" starts 100000 10000 50 10 2>&1 | tail -2
echo "=== end $(date -u +%H:%M:%S) load $(load)"
