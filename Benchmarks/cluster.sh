# A throwaway PostgreSQL cluster for a benchmark, sourced by it: Debian's postgresql, started as the user
# postgres when run as root, on a Unix socket in a temporary folder ($work), stopped and removed on exit.
# Defines $bin (the server's programs), $work, and `sql DB STATEMENT…` (psql, quiet, stops at an error).
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
work=$(mktemp -d)
as_server=()
if [[ $(id -u) == 0 ]]; then chown postgres "$work"; as_server=(runuser -u postgres --); fi
"${as_server[@]}" "$bin/initdb" -D "$work/data" --auth=trust --encoding=UTF8 --locale=C -U laogan >/dev/null
"${as_server[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w -o "-k $work -c listen_addresses=''" start >/dev/null
trap '"${as_server[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null; rm -rf "$work"' EXIT
sql() {
  local db=$1; shift
  "$bin/psql" -X -q -A -t -v ON_ERROR_STOP=1 -h "$work" -U laogan -d "$db" "$@"
}
