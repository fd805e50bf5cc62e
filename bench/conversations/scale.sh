#!/usr/bin/env bash
# The large conversation (issue 16): STATEMENTS statements, PARTICIPANTS participants who voted on VOTES_EACH each,
# against the Release build: the first map, next-statement latency, and how soon a live page hears of a map that
# includes a burst of 1,000 new votes; then the server's peak memory (VmHWM). Not part of ./test.sh.
# Usage: bench/conversations/scale.sh sqlite|postgres [STATEMENTS=10000] [PARTICIPANTS=100000] [VOTES_EACH=50]
# PostgreSQL: COCREO_BENCH_POSTGRES=Host=...;Port=...;Username=... (a fresh database is created and dropped).
set -euo pipefail
source "$(dirname "$0")/../budgeting/common.sh"
statements=${2:-10000}
participants=${3:-100000}
votes_each=${4:-50}
work=$(mktemp -d /tmp/cocreo-scale.XXXXXX)
cleanup() {
  if [ -n "${server:-}" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  cleanup_database
  rm -rf "$work"
}
trap cleanup EXIT
build
database "$1" "$work"
started=$(date +%s)
read -r conversation first count < <(dotnet "$bench_dll" conversation-prepare "$provider_name" "$connection" "$statements" "$participants" "$votes_each" 2>/dev/null)
echo "prepared conversation $conversation on $1: $count statements, $participants participants x $votes_each votes in $(( $(date +%s) - started )) s"
port=$(free_port)
# Each map computation's phases (read, compute, store) in the server log, printed at the end.
server_args="--Logging:LogLevel:Cocreo.Web.Features.Conversations.ConversationMaps=Debug"
start_server "$port"
dotnet "$bench_dll" conversation-scale "http://127.0.0.1:$port" "$conversation" "$participants"
echo "server peak memory: $(grep VmHWM /proc/$server/status | awk '{print $2/1024 " MB"}')"
echo "map computations (last 5):"
grep -o "Map of conversation.*" "$work/server.log" | tail -5
