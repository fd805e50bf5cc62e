#!/usr/bin/env bash
# Times the Co-Renew dashboard with 10,000 journeys over 8 stages on SQLite and on a throwaway PostgreSQL
# (started here like ./test.sh does, stopped whatever happens). Not part of ./test.sh.
# Usage: bench/journey-dashboard.sh [journeys] [iterations] [sqlite|postgres|both]
set -euo pipefail
cd "$(dirname "$0")/.."
journeys=${1:-10000}; iterations=${2:-30}; which=${3:-both}

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
work=$(mktemp -d /tmp/cocreo-bench.XXXXXX)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; fi
cleanup() {
  status=$?
  if [ -f "$work/pg/postmaster.pid" ]; then as_pg "$pgbin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT INT TERM

if [ "$which" != "sqlite" ]; then
  [ -n "$pgbin" ] || { echo "journey-dashboard.sh: install postgresql first (./test.sh does)" >&2; exit 1; }
  port=$(( 55000 + RANDOM % 1000 ))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  as_pg "$pgbin/initdb" -D "$work/pg" -U cocreo -A trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  # Durable settings as in production, unlike the test server: this measures reading, but seeding stays honest.
  as_pg "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -t 60 -o "-h 127.0.0.1 -p $port -k $work -c shared_buffers=256MB" start >/dev/null
  export COCREO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=cocreo;Database=postgres"
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build bench/Cocreo.Web.Bench -c Release -nologo -v quiet >/dev/null
dotnet bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll "$journeys" "$iterations" "$which"
