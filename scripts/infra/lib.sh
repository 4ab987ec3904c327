# shellcheck shell=bash disable=SC2034
# Shared helpers for scripts/infra/*.sh. Source it, do not execute it.
#
# Layout (everything lives OUTSIDE the git clone, so a fresh clone reuses it):
#   $CK_CACHE                 downloads / built binaries (Kafka and mongo-java-server jars, compiled launcher)
#   $CK_RUN/<name>/           runtime data + generated config of one server
#   $CK_RUN/pids/<name>.pid   pid of a server we started
#   $CK_RUN/pids/<name>.addr  host:port that server listens on
#   $CK_RUN/logs/<name>.log   its log (previous run kept as <name>.log.1)
#
# Env knobs: CENTRAL_KITCHEN_CACHE, CENTRAL_KITCHEN_RUN, XDG_CACHE_HOME,
#            KAFKA_PORT, KAFKA_CONTROLLER_PORT, MONGO_PORT.

set -euo pipefail

CK_INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CK_CACHE="${CENTRAL_KITCHEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/central-kitchen}"
CK_RUN="${CENTRAL_KITCHEN_RUN:-$CK_CACHE/run}"
CK_PID_DIR="$CK_RUN/pids"
CK_LOG_DIR="$CK_RUN/logs"
CK_HOST=127.0.0.1

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
MONGO_PORT="${MONGO_PORT:-27017}"

# Messages go to stderr so that stdout stays machine-readable (up.sh prints env lines there).
ck_log() { printf '[%s] %s\n' "${CK_NAME:-infra}" "$*" >&2; }
ck_die() { printf '[%s] ERROR: %s\n' "${CK_NAME:-infra}" "$*" >&2; exit 1; }

ck_require() {
  local cmd
  for cmd in "$@"; do
    command -v "$cmd" >/dev/null 2>&1 || ck_die "'$cmd' is required but not on PATH"
  done
}

ck_now() { date +%s; }

# ck_port_open HOST PORT -> 0 when something accepts TCP connections there.
ck_port_open() {
  # shellcheck disable=SC2016
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

ck_pidfile() { printf '%s/%s.pid' "$CK_PID_DIR" "$1"; }
ck_addrfile() { printf '%s/%s.addr' "$CK_PID_DIR" "$1"; }
ck_logfile() { printf '%s/%s.log' "$CK_LOG_DIR" "$1"; }

# ck_cmdline PID -> the process' command line (space separated), fails if it is gone.
ck_cmdline() {
  if [[ -r /proc/$1/cmdline ]]; then
    tr '\0' ' ' <"/proc/$1/cmdline"
  else
    ps -o args= -p "$1" 2>/dev/null
  fi
}

# ck_running_pid NAME MARKER -> prints the pid and returns 0 when the server recorded in
# NAME's pid file is alive AND its command line contains MARKER (guards against pid reuse).
# A stale pid file is removed.
ck_running_pid() {
  local name=$1 marker=$2 pidfile pid cmd
  pidfile="$(ck_pidfile "$name")"
  [[ -f $pidfile ]] || return 1
  pid="$(<"$pidfile")"
  if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && cmd="$(ck_cmdline "$pid")" &&
    [[ $cmd == *"$marker"* ]]; then
    printf '%s\n' "$pid"
    return 0
  fi
  ck_log "removing stale pid file $pidfile (pid '$pid' is not a running $name)"
  rm -f "$pidfile" "$(ck_addrfile "$name")"
  return 1
}

# ck_lock NAME -> serialises concurrent start/stop/install of NAME (fd 9, released on exit).
ck_lock() {
  mkdir -p "$CK_RUN/locks"
  command -v flock >/dev/null 2>&1 || return 0
  exec 9>"$CK_RUN/locks/$1.lock"
  flock -w 900 9 || ck_die "timed out waiting for lock $CK_RUN/locks/$1.lock"
}

# ck_assert_port_free PORT WHAT -> dies when a foreign process already listens on PORT.
ck_assert_port_free() {
  if ck_port_open "$CK_HOST" "$1"; then
    ck_die "port $CK_HOST:$1 ($2) is already in use by a process these scripts did not start." \
      "Stop it, choose another port via env, or point the app at it (KAFKA_BROKERS / MONGO_URL)."
  fi
}

# ck_spawn NAME CMD... -> starts CMD detached (own session, survives the calling shell),
# stdout+stderr appended to NAME's log file (previous log rotated to .log.1), pid file written.
ck_spawn() {
  local name=$1 pidfile logfile i
  shift
  pidfile="$(ck_pidfile "$name")"
  logfile="$(ck_logfile "$name")"
  mkdir -p "$CK_PID_DIR" "$CK_LOG_DIR"
  [[ -f $logfile ]] && mv -f "$logfile" "$logfile.1"
  rm -f "$pidfile"
  # The child writes its own pid (after setsid, before exec) and does not inherit the lock fd.
  # shellcheck disable=SC2016
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 9>&- &
  for ((i = 0; i < 100; i++)); do
    [[ -s $pidfile ]] && return 0
    sleep 0.05
  done
  ck_die "failed to spawn $name; see $logfile"
}

# ck_wait_ready NAME PID TIMEOUT_S PROBE_FN... -> polls PROBE_FN until it succeeds; dies with a
# pointer to the log when the process exits or TIMEOUT_S elapses.
ck_wait_ready() {
  local name=$1 pid=$2 timeout_s=$3 deadline logfile
  shift 3
  logfile="$(ck_logfile "$name")"
  deadline=$(($(ck_now) + timeout_s))
  while true; do
    if ! kill -0 "$pid" 2>/dev/null; then
      rm -f "$(ck_pidfile "$name")" "$(ck_addrfile "$name")"
      ck_log "$name exited during startup. Last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      ck_die "$name failed to start; full log: $logfile"
    fi
    "$@" && return 0
    if (($(ck_now) >= deadline)); then
      ck_log "Last lines of $logfile:"
      tail -n 30 "$logfile" >&2 || true
      ck_die "$name (pid $pid) not ready after ${timeout_s}s; it is left running for inspection. Log: $logfile"
    fi
    sleep 0.2
  done
}

# ck_stop NAME MARKER GRACE_S -> SIGTERM, wait up to GRACE_S, then SIGKILL. No-op when not running.
ck_stop() {
  local name=$1 marker=$2 grace=$3 pid deadline
  if ! pid="$(ck_running_pid "$name" "$marker")"; then
    ck_log "$name is not running"
    return 0
  fi
  ck_log "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  deadline=$(($(ck_now) + grace))
  while kill -0 "$pid" 2>/dev/null; do
    if (($(ck_now) >= deadline)); then
      ck_log "$name did not stop within ${grace}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.2
  done
  rm -f "$(ck_pidfile "$name")" "$(ck_addrfile "$name")"
  ck_log "$name stopped"
}

# ck_status NAME MARKER -> prints state; exit 0 running, 3 not running (LSB convention).
ck_status() {
  local name=$1 marker=$2 pid
  if pid="$(ck_running_pid "$name" "$marker" 2>/dev/null)"; then
    echo "$name: running (pid $pid) on $(cat "$(ck_addrfile "$name")" 2>/dev/null || echo '?'), log $(ck_logfile "$name")"
    return 0
  fi
  echo "$name: not running"
  return 3
}

# ck_already_running NAME MARKER WANT_ADDR -> 0 (and says so) when NAME is up already.
ck_already_running() {
  local name=$1 marker=$2 want=$3 pid addr
  pid="$(ck_running_pid "$name" "$marker")" || return 1
  addr="$(cat "$(ck_addrfile "$name")" 2>/dev/null || echo '?')"
  ck_log "$name already running (pid $pid) on $addr - nothing to do"
  [[ $addr == "$want" ]] ||
    ck_log "WARNING: requested $want but the running $name listens on $addr; stop it first to change ports"
  return 0
}

# ck_main START_FN STOP_FN STATUS_FN "$@" -> dispatch for {start|stop|status|restart}.
ck_main() {
  local start_fn=$1 stop_fn=$2 status_fn=$3
  shift 3
  case "${1:-}" in
    start) "$start_fn" ;;
    stop) "$stop_fn" ;;
    status) "$status_fn" ;;
    restart) "$stop_fn" && "$start_fn" ;;
    *)
      echo "usage: $(basename "$0") {start|stop|status|restart}" >&2
      exit 2
      ;;
  esac
}
