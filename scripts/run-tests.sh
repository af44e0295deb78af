#!/usr/bin/env bash
# Run the whole suite. Without JTBD_STUDIO_TEST_PG it starts a throwaway PostgreSQL server
# (scripts/pg-test-server.sh) so the PostgreSQL half of the suite runs too, and stops it after.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${VENV:-.venv}/bin
pg_dir=""
cleanup() { [ -n "$pg_dir" ] && scripts/pg-test-server.sh stop "$pg_dir"; [ -n "$pg_dir" ] && rm -rf "$pg_dir"; return 0; }
trap cleanup EXIT
if [ -z "${JTBD_STUDIO_TEST_PG:-}" ]; then
  pg_dir=$(mktemp -d /tmp/jtbd-pg.XXXXXX)
  export JTBD_PG_PORT=${JTBD_PG_PORT:-$((20000 + RANDOM % 20000))}
  if url=$(scripts/pg-test-server.sh start "$pg_dir"); then
    export JTBD_STUDIO_TEST_PG="$url"
    echo "PostgreSQL test server: $url" >&2
  else
    echo "warning: could not start PostgreSQL; its tests will be skipped" >&2
    pg_dir=""
  fi
fi
"$bin/python" -m pytest -n 2 --dist loadgroup "$@"
