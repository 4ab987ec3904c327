# Shared by start.sh and stop.sh: the four services, their ports, pid and log files.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUN_DIR="${CENTRAL_KITCHEN_APP_RUN:-$ROOT/.run}"
declare -A SERVICE_PORTS=(
  [orders]="${ORDERS_PORT:-3001}"
  [procurement]="${PROCUREMENT_PORT:-3002}"
  [delivery]="${DELIVERY_PORT:-3003}"
  [aftersales]="${AFTERSALES_PORT:-3004}"
)
SERVICES=(orders procurement delivery aftersales)
# The staff console (apps/console): its server serves the built web app and forwards /api/<service>/….
CONSOLE_PORT="${CONSOLE_PORT:-3000}"

service_pid() {
  local pidfile="$RUN_DIR/$1.pid"
  [[ -f $pidfile ]] && kill -0 "$(<"$pidfile")" 2>/dev/null && cat "$pidfile"
}
