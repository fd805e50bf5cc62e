#!/usr/bin/env bash
# Peak resident memory of `cocreo-pb` (the `cocreo pb` commands compiled ahead of time) against the size of the file it
# reads: issue 3's target is at most 10× the file. Every command on every file of ../shared/data/pabulib of at least
# MIN_BYTES (city-wide elections; below that the native runtime's own ~7 MB is already more than 10× the file).
# Usage: bench/pb-peak-memory.sh [RUNS=3] [MIN_BYTES=1000000]
# Prints a Markdown table: the range of "Maximum resident set size" (/usr/bin/time) over RUNS runs, and the largest
# of them divided by the file size (both in bytes).
set -euo pipefail
runs=${1:-3}
min_bytes=${2:-1000000}
repo=$(cd "$(dirname "$0")/.." && pwd)
data="$repo/../shared/data/pabulib"
binary=/tmp/cocreo-pb-bench/cocreo-pb
command -v /usr/bin/time >/dev/null || apt-get install -y -qq time >/dev/null
dotnet publish "$repo/src/Cocreo.Pb" -c Release -r linux-x64 -o "$(dirname "$binary")" -v quiet -nologo >/dev/null

echo "| command | file size | peak RSS (MiB, $runs runs) | × file size |"
echo "| --- | ---: | ---: | ---: |"
help=()
for _ in $(seq "$runs"); do help+=("$(/usr/bin/time -f %M "$binary" --help 2>&1 >/dev/null | tail -1)"); done
printf '| `--help` (the runtime alone) | – | %s | – |\n' "$(printf '%s\n' "${help[@]}" | sort -n | awk 'NR==1{a=$1} {b=$1} END{printf "%.1f–%.1f", a/1024, b/1024}')"
for file in "$data"/*.pb; do
  bytes=$(stat -c %s "$file")
  [ "$bytes" -ge "$min_bytes" ] || continue
  name=$(basename "$file")
  for arguments in "check" "compare" "run --rule greedy" "run --rule mes" "run --rule mes --completion add1" "run --rule mes --completion add1 --format json" "run --rule phragmen"; do
    set -- $arguments
    peaks=()
    for _ in $(seq "$runs"); do
      # compare exits 1 on a file whose META rule Cocreo does not compute, and 3 when the outcome differs: still measured.
      peaks+=("$( (/usr/bin/time -f %M "$binary" "$1" "$file" "${@:2}" 2>&1 >/dev/null || true) | tail -1)")
    done
    printf '| `%s %s %s` | %.2f MB | %s | %s |\n' "$1" "$name" "${*:2}" "$(echo "$bytes / 1000000" | bc -l)" \
      "$(printf '%s\n' "${peaks[@]}" | sort -n | awk 'NR==1{a=$1} {b=$1} END{printf "%.1f–%.1f", a/1024, b/1024}')" \
      "$(printf '%s\n' "${peaks[@]}" | sort -n | tail -1 | awk -v bytes="$bytes" '{printf "%.1f", $1 * 1024 / bytes}')"
  done
done
