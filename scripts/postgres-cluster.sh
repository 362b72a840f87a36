#!/usr/bin/env bash
# A throwaway PostgreSQL cluster of its own, for the tests and for scripts/scale-out.sh: never one that is already
# running. Installs Debian's postgresql when the binaries are missing.
#   scripts/postgres-cluster.sh start DIR   creates DIR, initialises a cluster in it, starts it on a free loopback port
#                                           and prints its connection string (user postgres, no password)
#   scripts/postgres-cluster.sh stop DIR    stops the cluster and removes DIR
# PostgreSQL refuses to run as root: as root, the cluster belongs to the unprivileged `postgres` user (runuser).
set -euo pipefail

command=${1:-}
dir=${2:-}
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
    return
  fi
  # Debian keeps the server binaries out of PATH, one folder per major version; take the newest.
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
  fi
}

source "$(dirname "$0")/debian-packages.sh"
bin=$(find_bin)
if [ -z "$bin" ]; then
  install_packages postgresql
  bin=$(find_bin)
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

case "$command" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres: "$dir"
    fi
    # UTF-8 with a UTF-8 LC_CTYPE: upper() then folds beyond ASCII, which case-insensitive filters rely on.
    # No fsync: the cluster is thrown away, and the tests must not wait on the disk.
    "${as_owner[@]}" "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: try random ones until the server binds one (another process may take a port between a check and
    # the bind, so binding is the only real check).
    for _ in $(seq 1 20); do
      port=$((20000 + RANDOM % 40000))
      if "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
        >/dev/null 2>&1; then
        echo "Host=127.0.0.1;Port=$port;Username=postgres"
        exit 0
      fi
    done
    cat "$dir/server.log" >&2 || true
    echo "PostgreSQL did not start." >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      "${as_owner[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 2
    ;;
esac
