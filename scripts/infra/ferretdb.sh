#!/usr/bin/env bash
# Local FerretDB (MongoDB wire protocol, SQLite backend) for development and tests.
#
#   scripts/infra/ferretdb.sh {start|stop|status|restart}
#
# The binary is built once from the Go module proxy into $CK_CACHE/ferretdb-<version>/bin.
# Needs go (>= 1.24, or GOTOOLCHAIN=auto to fetch it).
# Env: MONGO_PORT (27017), FERRETDB_DEBUG_ADDR ('-' = off; e.g. 127.0.0.1:8088 for metrics),
#      FERRETDB_LOG_LEVEL (info), FERRETDB_START_TIMEOUT (30).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CK_NAME=ferretdb
FERRETDB_MODULE=github.com/FerretDB/FerretDB
FERRETDB_VERSION=v1.24.2
# go.sum hash of the module zip (pinned because sum.golang.org is not reachable everywhere).
FERRETDB_SUM='h1:trrUU0LbmusMbyubhPS1IELncvrIwKrsRT2LW1UUWCw='
FERRETDB_HOME="$CK_CACHE/ferretdb-$FERRETDB_VERSION"
FERRETDB_BIN="$FERRETDB_HOME/bin/ferretdb"
FERRETDB_DIR="$CK_RUN/ferretdb"
FERRETDB_ADDR="$CK_HOST:$MONGO_PORT"
# Unique to this run dir: identifies our process in pid checks.
FERRETDB_MARKER="--state-dir=$FERRETDB_DIR/state"

# Why not `go install .../cmd/ferretdb@v1.24.2`:
#  1. go install @version reads the module's version list for deprecation notices; proxies that
#     refuse /@v/list (403) make it fail, and sum.golang.org may be unreachable.
#  2. The module zip lacks build/version/version.txt, so such a binary panics at start
#     ("Invalid build/version/version.txt file content"). Upstream generates it with `task gen-version`.
# So: download the exact module zip (hash checked against FERRETDB_SUM), copy it, write
# version.txt, and build it as the main module (its own go.sum pins every dependency).
ferretdb_install() {
  [[ -x $FERRETDB_BIN ]] && return 0
  ck_require go
  ck_log "building FerretDB $FERRETDB_VERSION into $FERRETDB_BIN (one-time, ~1-2 min)"
  mkdir -p "$FERRETDB_HOME"
  local json dir sum src="$FERRETDB_HOME/src" buildlog="$FERRETDB_HOME/build.log"
  if ! json="$(cd "$FERRETDB_HOME" && GOWORK=off GOFLAGS='' \
    GONOSUMDB="$FERRETDB_MODULE${GONOSUMDB:+,$GONOSUMDB}" \
    go mod download -json "$FERRETDB_MODULE@$FERRETDB_VERSION" 2>&1)"; then
    printf '%s\n' "$json" >&2
    ck_die "go mod download $FERRETDB_MODULE@$FERRETDB_VERSION failed"
  fi
  dir="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  sum="$(printf '%s\n' "$json" | sed -n 's/^[[:space:]]*"Sum": "\(.*\)",$/\1/p')"
  [[ $sum == "$FERRETDB_SUM" ]] ||
    ck_die "checksum mismatch for $FERRETDB_MODULE@$FERRETDB_VERSION: got '$sum', want '$FERRETDB_SUM'"
  [[ -d $dir ]] || ck_die "module directory '$dir' not found after download"
  rm -rf "$src"
  cp -R "$dir" "$src"
  chmod -R u+w "$src"
  printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt"
  if ! (cd "$src" && GOWORK=off GOFLAGS=-mod=readonly CGO_ENABLED=0 \
    go build -trimpath -buildvcs=false -ldflags='-s -w' -o "$FERRETDB_BIN.tmp" ./cmd/ferretdb) \
    >"$buildlog" 2>&1; then
    tail -n 40 "$buildlog" >&2
    ck_die "building FerretDB failed; full output: $buildlog"
  fi
  mv -f "$FERRETDB_BIN.tmp" "$FERRETDB_BIN"
  rm -rf "$src"
}

ferretdb_ready() { ck_port_open "$CK_HOST" "$MONGO_PORT"; }

ferretdb_start() {
  ck_lock ferretdb
  if ck_already_running ferretdb "$FERRETDB_MARKER" "$FERRETDB_ADDR"; then return 0; fi
  ferretdb_install
  ck_assert_port_free "$MONGO_PORT" "MongoDB wire listener, MONGO_PORT"
  mkdir -p "$FERRETDB_DIR/data" "$FERRETDB_DIR/state"
  local t0 pid
  t0=$(ck_now)
  ck_spawn ferretdb "$FERRETDB_BIN" \
    --handler=sqlite \
    --sqlite-url="file:$FERRETDB_DIR/data/" \
    "$FERRETDB_MARKER" \
    --listen-addr="$FERRETDB_ADDR" \
    --debug-addr="${FERRETDB_DEBUG_ADDR:--}" \
    --telemetry=disable \
    --log-level="${FERRETDB_LOG_LEVEL:-info}"
  pid="$(<"$(ck_pidfile ferretdb)")"
  echo "$FERRETDB_ADDR" >"$(ck_addrfile ferretdb)"
  ck_wait_ready ferretdb "$pid" "${FERRETDB_START_TIMEOUT:-30}" ferretdb_ready
  ck_log "FerretDB $FERRETDB_VERSION ready on $FERRETDB_ADDR (pid $pid, $(($(ck_now) - t0))s; log $(ck_logfile ferretdb))"
}

ferretdb_stop() {
  ck_lock ferretdb
  ck_stop ferretdb "$FERRETDB_MARKER" 20
}

ferretdb_status() { ck_status ferretdb "$FERRETDB_MARKER"; }

ck_main ferretdb_start ferretdb_stop ferretdb_status "$@"
