#!/usr/bin/env bash
# The test command: installs what the tests need on a fresh machine, then runs every test.
#   bash tests/run.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

# What the end-to-end tests drive (tests/NewsGraph.Server.Tests/EndToEnd): Node.js with the npm packages of
# tests/e2e (also used by the build to fetch the Banana Cake Pop IDE), and Debian's Chromium for the IDE test.
# playwright-core drives /usr/bin/chromium and must never download a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
source scripts/debian-packages.sh

require_command npm nodejs npm
if [ ! -x /usr/bin/chromium ]; then
  install_packages chromium
fi
# The Redis event bus tests start redis-server processes of their own (tests/NewsGraph.TestSupport/RedisServer.cs); nothing may
# depend on a Redis that is already running, only on the binary.
require_command redis-server redis-server

# npm ci when node_modules is missing or older than the lockfile (npm writes node_modules/.package-lock.json).
e2e=tests/e2e
if [ ! -f "$e2e/node_modules/.package-lock.json" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
fi

# CI (.ci/run) checks the layout before any test: what .editorconfig asks and the compiler does not enforce.
if [ "${NEWSGRAPH_CHECK_FORMAT:-0}" = "1" ]; then
  dotnet restore NewsGraph.sln --nologo -v q
  if ! dotnet format NewsGraph.sln --verify-no-changes --no-restore; then
    echo "Formatting differs from .editorconfig: run 'dotnet format NewsGraph.sln' and commit the result." >&2
    exit 1
  fi
fi

# A throwaway PostgreSQL cluster for the whole run (scripts/postgres-cluster.sh installs Debian's postgresql when it is
# missing, runs the server as the unprivileged postgres user, on a free port); removed when the run ends. The tests
# create a database of their own in it for each server and never touch a PostgreSQL that was already running.
log=$(mktemp)
postgres_dir=$(mktemp -d -u "${TMPDIR:-/tmp}/newsgraph-postgres-XXXXXX")
trap 'rm -f "$log"; scripts/postgres-cluster.sh stop "$postgres_dir"' EXIT
NEWSGRAPH_TEST_POSTGRES=$(scripts/postgres-cluster.sh start "$postgres_dir")
export NEWSGRAPH_TEST_POSTGRES

set +e
# Every test project, the server's suites on SQLite (the default provider); tests that pin PostgreSQL (marked
# Provider=PostgreSQL) wait for the second pass, so none runs twice...
dotnet test NewsGraph.sln --nologo -c Release --filter "Provider!=PostgreSQL" "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# ...then the server's suites again on PostgreSQL: the same tests, the same expected answers, byte for byte, and the
# tests that pin PostgreSQL. Tests of SQLite's own behaviour (its files, its functions) are marked Provider=Sqlite and
# ran in the first pass only.
NEWSGRAPH_TEST_PROVIDER=PostgreSQL dotnet test tests/NewsGraph.Server.Tests --nologo -c Release --no-build \
  --filter "Provider!=Sqlite" "$@" 2>&1 | tee -a "$log"
postgres_status=${PIPESTATUS[0]}
set -e
if [ "$status" -eq 0 ]; then
  status=$postgres_status
fi

# One closing line for the whole suite, summed over the test projects.
awk '
  /(Passed|Failed)!/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") { gsub(",", "", $(i+1)); failed += $(i+1) }
      if ($i == "Passed:") { gsub(",", "", $(i+1)); passed += $(i+1) }
      if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", passed, failed, skipped }
' "$log"
exit "$status"
