#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL server on loopback for the test suite.
#   scripts/pg-test-server.sh start DIR   -> prints the URL to use as JTBD_STUDIO_TEST_PG
#   scripts/pg-test-server.sh stop DIR
# Uses the Debian server binaries; the cluster lives in DIR and runs as a non-root user.
set -euo pipefail
action=${1:?start|stop}
dir=${2:?directory for the cluster}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "pg-test-server: no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin postgres
  run_as=(runuser -u postgres --)
fi
port=${JTBD_PG_PORT:-55432}
case "$action" in
  start)
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    if [ ! -f "$dir/data/PG_VERSION" ]; then
      "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U jtbd --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
        || { cat "$dir/initdb.log" >&2; exit 1; }
    fi
    "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $dir" start >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    "${run_as[@]}" "$bin/psql" -h 127.0.0.1 -p "$port" -U jtbd -d postgres -qtAc "SELECT 1 FROM pg_database WHERE datname='jtbd_test'" | grep -q 1 \
      || "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U jtbd jtbd_test
    echo "postgresql+psycopg://jtbd@127.0.0.1:$port/jtbd_test"
    ;;
  stop)
    [ -f "$dir/data/postmaster.pid" ] && "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
