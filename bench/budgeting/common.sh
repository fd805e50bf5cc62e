# Shared by the budgeting load scripts: build, database, server. Source it; do not run it.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bench_dll="$repo/bench/Cocreo.Web.Bench/bin/Release/net10.0/cocreo-web-bench.dll"
web_dll="$repo/src/Cocreo.Web/bin/Release/net10.0/Cocreo.Web.dll"

build() {
  dotnet build "$repo/bench/Cocreo.Web.Bench" -c Release -nologo -v quiet >/dev/null
}

# database PROVIDER WORKDIR: sets $provider_name and $connection. PostgreSQL needs COCREO_BENCH_POSTGRES (a server
# connection string); a fresh database is created on it and dropped by cleanup_database.
database() {
  case "$1" in
    sqlite)
      provider_name=Sqlite
      connection="Data Source=$2/bench.db"
      ;;
    postgres)
      provider_name=PostgreSql
      : "${COCREO_BENCH_POSTGRES:?set COCREO_BENCH_POSTGRES, e.g. Host=127.0.0.1;Port=5432;Username=cocreo;Database=postgres}"
      bench_db="cocreo_bench_$RANDOM$RANDOM"
      psql_cmd "$COCREO_BENCH_POSTGRES" -c "CREATE DATABASE $bench_db" >/dev/null
      connection="$COCREO_BENCH_POSTGRES;Database=$bench_db;Maximum Pool Size=100"
      ;;
    *) echo "provider must be sqlite or postgres" >&2; exit 2 ;;
  esac
  # Production settings need the public address and the log checkpoint key (phase changes are checkpointed), and the
  # bench program and the server must share the election keys' folder: both read them from the environment.
  export Platform__PublicUrl=https://cocreo.bench Transparency__SigningKeyPath="$2/checkpoint-key.pem" Budgeting__ElectionKeysPath="$2/election-keys"
  [ -f "$Transparency__SigningKeyPath" ] || dotnet "$web_dll" transparency create-key --path "$Transparency__SigningKeyPath" >/dev/null
}

cleanup_database() {
  if [ -n "${bench_db:-}" ]; then
    psql_cmd "$COCREO_BENCH_POSTGRES" -c "DROP DATABASE IF EXISTS $bench_db WITH (FORCE)" >/dev/null || true
  fi
}

# psql with a .NET-style connection string (Host=...;Port=...;Username=...).
psql_cmd() {
  local conn=$1; shift
  local host port user
  host=$(echo "$conn" | tr ';' '\n' | sed -n 's/^Host=//Ip' | head -1)
  port=$(echo "$conn" | tr ';' '\n' | sed -n 's/^Port=//Ip' | head -1)
  user=$(echo "$conn" | tr ';' '\n' | sed -n 's/^Username=//Ip' | head -1)
  local psql
  psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -n 1)
  "$psql" -h "${host:-127.0.0.1}" -p "${port:-5432}" -U "${user:-postgres}" -d postgres -v ON_ERROR_STOP=1 "$@"
}

# start_server PORT: the app in Release on 127.0.0.1:PORT, without limits meant for one person's browser; sets $server.
start_server() {
  Database__Provider=$provider_name Database__ConnectionString="$connection" Demo__Enabled=false \
  RateLimits__WritesPerMinute=100000000 Budgeting__BallotsPerMinutePerAddress=100000000 \
  Logging__LogLevel__Default=Warning ASPNETCORE_ENVIRONMENT=Production DOTNET_gcServer=0 \
    dotnet "$web_dll" --urls "http://127.0.0.1:$1" ${server_args:-} >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do
    if curl -sf "http://127.0.0.1:$1/healthz" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "the server did not start; see $work/server.log" >&2
  cat "$work/server.log" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}
