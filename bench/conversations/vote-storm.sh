#!/usr/bin/env bash
# Votes per second and latency in a conversation, with wrk on loopback against the Release build: link participants
# (no account) vote through the API, each a new participant voting on every statement. Not part of ./test.sh.
# Usage: bench/conversations/vote-storm.sh sqlite|postgres [SECONDS=60] [CONNECTIONS=32] [THREADS=2] [STATEMENTS=50] [WARMUP=20]
# WARMUP seconds of votes by other participants come first and are not counted: a server just started spends its
# first half minute or more compiling (tiered JIT), which is not the sustained rate.
# PostgreSQL: COCREO_BENCH_POSTGRES=Host=...;Port=...;Username=... (a fresh database is created and dropped).
set -euo pipefail
source "$(dirname "$0")/../budgeting/common.sh"
seconds=${2:-60}
connections=${3:-32}
threads=${4:-2}
statements=${5:-50}
warmup=${6:-20}
work=$(mktemp -d /tmp/cocreo-votes.XXXXXX)
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  cleanup_database
  rm -rf "$work"
}
trap cleanup EXIT
build
database "$1" "$work"
read -r conversation first count < <(dotnet "$bench_dll" conversation-prepare "$provider_name" "$connection" "$statements")
port=$(free_port)
start_server "$port"
# One antiforgery cookie and token for every request: a visitor's tokens are tied to the cookie, not to a person.
page=$(curl -sf -D "$work/headers" "http://127.0.0.1:$port/conversations/$conversation")
token=$(printf '%s' "$page" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
# Read from the header itself: curl keeps no Secure cookie that came over plain HTTP.
cookie=$(grep -i '^set-cookie: cocreo\.af=' "$work/headers" | head -1 | sed 's/^[^:]*: //; s/;.*//' | tr -d '\r')
[ -n "$token" ] && [ -n "$cookie" ] || { echo "no antiforgery token on the conversation page" >&2; exit 1; }
if [ "$warmup" -gt 0 ]; then
  echo "warm-up: $(wrk -t"$threads" -c"$connections" -d"${warmup}s" -s "$repo/bench/conversations/votes.lua" "http://127.0.0.1:$port" -- \
    "$conversation" "$first" "$count" "$threads" "$cookie" "$token" warm- | tail -1)"
fi
echo "conversation $conversation on $1 ($count statements); wrk -t$threads -c$connections -d${seconds}s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$repo/bench/conversations/votes.lua" "http://127.0.0.1:$port" -- \
  "$conversation" "$first" "$count" "$threads" "$cookie" "$token"
dotnet "$bench_dll" conversation-count "$provider_name" "$connection" "$conversation"
