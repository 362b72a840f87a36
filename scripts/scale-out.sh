#!/usr/bin/env bash
# NewsGraph scaled out on this machine, as the README's "Scale-out" section describes: a throwaway PostgreSQL cluster
# (scripts/postgres-cluster.sh), a redis-server of its own and N server instances sharing both.
#   scripts/scale-out.sh [INSTANCES [FIRST_PORT]] [-- SETTING...]
# INSTANCES (default 2) listen on http://127.0.0.1:FIRST_PORT (default 5001) and the ports after it. The first
# creates the schema and loads the sample data; the others start once it is ready. Settings after -- go to every
# instance, e.g. -- --Outbox:LeaseDuration=00:00:10. Ctrl-C (or SIGTERM) stops the instances gracefully, then Redis,
# and removes the cluster and everything else the script made.
set -euo pipefail
cd "$(dirname "$0")/.."

instances=2
first_port=5001
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  instances=$1
  shift
fi
if [ $# -gt 0 ] && [ "$1" != "--" ]; then
  first_port=$1
  shift
fi
if [ $# -gt 0 ]; then
  if [ "$1" != "--" ]; then
    echo "usage: $0 [INSTANCES [FIRST_PORT]] [-- SETTING...]" >&2
    exit 2
  fi
  shift
fi
settings=("$@")
if ! [[ "$instances" =~ ^[1-9][0-9]*$ ]] || ! [[ "$first_port" =~ ^[1-9][0-9]*$ ]] || [ $((first_port + instances - 1)) -gt 65535 ]; then
  echo "usage: $0 [INSTANCES [FIRST_PORT]] [-- SETTING...] (INSTANCES at least 1, ports up to 65535)" >&2
  exit 2
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

source scripts/debian-packages.sh
require_command redis-server redis-server
require_command redis-cli redis-tools
require_command curl curl

# A port already in use would make an instance fail to bind; say which before anything starts.
for ((i = 0; i < instances; i++)); do
  port=$((first_port + i))
  if (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use: pick another first port ($0 $instances FIRST_PORT)." >&2
    exit 1
  fi
done

# What the instances run: this checkout's server, built now. They run in its output folder, the content root where
# appsettings.json lies.
echo "Building the server..."
dotnet build src/NewsGraph.Server -c Release --nologo -v q >/dev/null
app=src/NewsGraph.Server/bin/Release/net10.0
app=$(cd "$app" && pwd)

work=$(mktemp -d "${TMPDIR:-/tmp}/newsgraph-scale-out-XXXXXX")
# Not inside $work: the cluster belongs to the postgres user, who may not enter a folder only root can.
postgres_dir=$(mktemp -d -u "${TMPDIR:-/tmp}/newsgraph-scale-out-postgres-XXXXXX")
instance_pids=()
redis_pid=

# Instances first (gracefully: they finish requests, close subscribers with 1001 and release their outbox claims),
# then what they use.
stop_all() {
  trap - EXIT INT TERM
  echo
  echo "Stopping..."
  for pid in "${instance_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${instance_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$redis_pid" ]; then
    kill -TERM "$redis_pid" 2>/dev/null || true
    wait "$redis_pid" 2>/dev/null || true
  fi
  scripts/postgres-cluster.sh stop "$postgres_dir"
  rm -rf "$work"
  echo "Stopped; the cluster and the Redis data are removed."
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Prints the end of a log and fails: a process that did not come up.
fail_with_log() {
  echo "$1 (its log: $2):" >&2
  tail -n 40 "$2" >&2 || true
  exit 1
}

echo "Starting PostgreSQL..."
server=$(scripts/postgres-cluster.sh start "$postgres_dir")
postgres_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$server")
require_command psql postgresql-client
# The cluster was made with a UTF-8 locale (case-insensitive filters rely on it); a new database inherits it.
psql -X -q -h 127.0.0.1 -p "$postgres_port" -U postgres -d postgres -c "CREATE DATABASE newsgraph" >/dev/null
connection="$server;Database=newsgraph"

echo "Starting Redis..."
# A free port: try random ones until redis-server binds one, as scripts/postgres-cluster.sh does. The append-only
# file keeps every event a restart would otherwise lose. Own session (setsid): Ctrl-C reaches this script only, which
# stops everything in order.
mkdir -p "$work/redis"
for _ in $(seq 1 20); do
  redis_port=$((20000 + RANDOM % 40000))
  setsid redis-server --port "$redis_port" --bind 127.0.0.1 --save "" --appendonly yes --dir "$work/redis" \
    --daemonize no >"$work/redis.log" 2>&1 &
  redis_pid=$!
  for _ in $(seq 1 100); do
    if ! kill -0 "$redis_pid" 2>/dev/null || [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ]; then
      break
    fi
    sleep 0.1
  done
  if kill -0 "$redis_pid" 2>/dev/null && [ "$(redis-cli -p "$redis_port" ping 2>/dev/null)" = "PONG" ]; then
    break
  fi
  wait "$redis_pid" 2>/dev/null || true
  redis_pid=
done
if [ -z "$redis_pid" ]; then
  fail_with_log "Redis did not start" "$work/redis.log"
fi

# One instance on port $2 (index $1): the shared database and Redis, its own URL; the rest of its arguments after.
start_instance() {
  local index=$1 port=$2
  shift 2
  (cd "$app" && exec setsid dotnet NewsGraph.Server.dll \
    --urls="http://127.0.0.1:$port" \
    --Database:Provider=PostgreSQL \
    --ConnectionStrings:News="$connection" \
    --Redis:Configuration="127.0.0.1:$redis_port" \
    "$@" "${settings[@]}") >"$work/instance-$index.log" 2>&1 &
  instance_pids+=($!)
}

# Ready: /health/ready answers 200 (the database has every migration and answers, Redis answers).
wait_until_ready() {
  local index=$1 port=$2 pid=$3
  for _ in $(seq 1 1200); do
    if ! kill -0 "$pid" 2>/dev/null; then
      fail_with_log "Instance $index exited before it was ready" "$work/instance-$index.log"
    fi
    if curl -fsS -o /dev/null "http://127.0.0.1:$port/health/ready" 2>/dev/null; then
      return
    fi
    sleep 0.1
  done
  fail_with_log "Instance $index was not ready within 120 s" "$work/instance-$index.log"
}

echo "Starting instance 1 (migrates the database and loads the sample data)..."
start_instance 1 "$first_port" --Database:Migrate=true --Database:SeedSampleData=true
wait_until_ready 1 "$first_port" "${instance_pids[0]}"

if [ "$instances" -gt 1 ]; then
  if [ "$instances" -eq 2 ]; then
    echo "Starting instance 2..."
  else
    echo "Starting instances 2 to $instances..."
  fi
  for ((i = 1; i < instances; i++)); do
    start_instance $((i + 1)) $((first_port + i)) --Database:Migrate=false --Database:SeedSampleData=false
  done
  for ((i = 1; i < instances; i++)); do
    wait_until_ready $((i + 1)) $((first_port + i)) "${instance_pids[$i]}"
  done
fi

echo
echo "NewsGraph runs as $instances instance(s) sharing one database and one Redis:"
for ((i = 0; i < instances; i++)); do
  echo "  instance $((i + 1)): http://127.0.0.1:$((first_port + i))/graphql   (log: $work/instance-$((i + 1)).log)"
done
echo "  PostgreSQL: $connection"
echo "  Redis:      127.0.0.1:$redis_port"
echo "Press Ctrl-C to stop them all."

# Until Ctrl-C or SIGTERM, or until an instance exits by itself (then the rest stop too).
set +e
wait -n "${instance_pids[@]}"
status=$?
set -e
echo "An instance exited (status $status); its log:" >&2
for ((i = 0; i < instances; i++)); do
  if ! kill -0 "${instance_pids[$i]}" 2>/dev/null; then
    tail -n 40 "$work/instance-$((i + 1)).log" >&2 || true
  fi
done
exit 1
