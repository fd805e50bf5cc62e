#!/usr/bin/env bash
# Kills the server with SIGKILL in the middle of a ballot storm, then checks that every ballot the server
# acknowledged (every receipt wrk got with a 201) is stored, that ballots and voters' markers still match one to one,
# and that the database is intact; then restarts the server on the same database and casts one more ballot.
# Usage: bench/budgeting/kill-during-storm.sh sqlite|postgres [ROUNDS=3]
set -euo pipefail
source "$(dirname "$0")/common.sh"
rounds=${2:-3}
work=$(mktemp -d /tmp/cocreo-kill.XXXXXX)
cleanup() {
  if [ -n "${server:-}" ]; then kill -9 "$server" 2>/dev/null || true; fi
  cleanup_database
  rm -rf "$work"
}
trap cleanup EXIT
build
database "$1" "$work"
budget=$(dotnet "$bench_dll" prepare "$provider_name" "$connection" $((rounds * 40000 + 1)) 30 "$work/codes.txt")
status=0
for round in $(seq 1 "$rounds"); do
  port=$(free_port)
  start_server "$port"
  # Each round uses its own part of the codes.
  sed -n "$(( (round - 1) * 40000 + 1 )),$(( round * 40000 ))p" "$work/codes.txt" > "$work/codes-$round.txt"
  wrk -t2 -c32 -d12s -s "$repo/bench/budgeting/ballots.lua" "http://127.0.0.1:$port" -- "$work/codes-$round.txt" "$budget" 30 2 "$work/receipts-$round" > "$work/wrk-$round.txt" 2>&1 &
  load=$!
  sleep $((3 + RANDOM % 5))
  kill -9 "$server"
  wait "$server" 2>/dev/null || true
  echo "round $round: SIGKILL sent to the server (pid $server) during the storm"
  server=
  wait "$load" || true
  cat "$work"/receipts-"$round"-*.txt > "$work/acknowledged-$round.txt" 2>/dev/null || : > "$work/acknowledged-$round.txt"
  cat "$work"/acknowledged-*.txt > "$work/acknowledged.txt"
  if ! dotnet "$bench_dll" verify "$provider_name" "$connection" "$budget" "$work/acknowledged.txt"; then
    status=1
  fi
done
# The database opens again (SQLite replays its write-ahead log) and takes new ballots.
port=$(free_port)
start_server "$port"
code=$(sed -n '$p' "$work/codes.txt")
answer=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "{\"code\":\"$code\",\"projects\":[1]}" "http://127.0.0.1:$port/api/v1/budgets/$budget/ballots")
echo "after the crashes, a new ballot: HTTP $answer"
[ "$answer" = 201 ] || status=1
kill "$server"; wait "$server" 2>/dev/null || true; server=
[ $status -eq 0 ] && echo "PASS: no acknowledged ballot lost, nothing corrupted" || echo "FAIL"
exit $status
