#!/bin/sh
# A private PostgreSQL server for the tests: `postgresql_server.sh start DIR` runs initdb and
# pg_ctl in DIR (trust authentication, listening only on 127.0.0.1 at a free port, no Unix
# socket) and writes its URL, postgresql://overens@127.0.0.1:PORT/overens, to DIR/url;
# `postgresql_server.sh stop DIR` stops it and removes DIR. Run by the CTest fixture
# `postgresql_server` (tests/support/CMakeLists.txt). initdb refuses to run as root, so as root
# the server runs as the `postgres` user through runuser.
set -eu

action=${1:?usage: postgresql_server.sh start|stop DIR}
dir=${2:?usage: postgresql_server.sh start|stop DIR}
data="$dir/data"

# Debian keeps the server's programs out of PATH, in /usr/lib/postgresql/VERSION/bin.
bindir=""
if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    bindir=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
else
    for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
        if [ -x "$candidate/pg_ctl" ] && [ -x "$candidate/initdb" ]; then bindir=$candidate; break; fi
    done
fi
if [ -z "$bindir" ]; then
    echo "postgresql_server.sh: no initdb/pg_ctl found (install the Debian package postgresql)" >&2
    exit 2
fi

as_server() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

stop_server() {
    if [ -f "$data/postmaster.pid" ]; then
        as_server "$bindir/pg_ctl" -D "$data" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "$action" in
start)
    # A server left behind by an interrupted run of the same build tree is stopped first.
    stop_server
    rm -rf "$dir"
    mkdir -p "$data"
    chmod 700 "$data"
    if [ "$(id -u)" = 0 ]; then chown -R postgres "$dir"; fi
    as_server "$bindir/initdb" -D "$data" -U overens --auth=trust --encoding=UTF8 --locale=C.UTF-8 \
        --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # Tests are small and the data is thrown away: no durability, little memory.
    cat >>"$data/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 16MB
max_connections = 200
log_min_messages = warning
EOF
    # The free port can be taken between asking and binding: try a few.
    attempt=0
    while :; do
        attempt=$((attempt + 1))
        port=$(free_port)
        if as_server "$bindir/pg_ctl" -D "$data" -l "$dir/server.log" -w -t 60 -o "-p $port" start \
            >/dev/null 2>&1; then
            break
        fi
        if [ "$attempt" -ge 5 ]; then
            cat "$dir/server.log" >&2 || true
            echo "postgresql_server.sh: the server did not start" >&2
            exit 1
        fi
    done
    as_server "$bindir/createdb" -h 127.0.0.1 -p "$port" -U overens overens
    url="postgresql://overens@127.0.0.1:$port/overens"
    printf '%s\n' "$url" >"$dir/url.tmp"
    mv "$dir/url.tmp" "$dir/url"
    echo "$url"
    ;;
stop)
    stop_server
    rm -rf "$dir"
    ;;
*)
    echo "usage: postgresql_server.sh start|stop DIR" >&2
    exit 2
    ;;
esac
