#!/usr/bin/env bash
# Quick start, one command: installs dependencies, starts Kafka + the MongoDB-wire server
# (or uses KAFKA_BROKERS / MONGO_URL when set), builds, and starts the four services in the
# background. Waits until each answers /health/ready, then prints the URLs. Idempotent.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
cd "$ROOT"

bash scripts/ensure-deps.sh
eval "$(bash scripts/infra/up.sh)"
export KAFKA_BROKERS MONGO_URL
export JWT_SECRET="${JWT_SECRET:-dev-only-secret-change-me-in-prod}"
npm run -s build
mkdir -p "$RUN_DIR/logs"

for svc in "${SERVICES[@]}"; do
  if pid=$(service_pid "$svc"); then
    echo "[$svc] already running (pid $pid)" >&2
    continue
  fi
  PORT="${SERVICE_PORTS[$svc]}" MONGO_DB="${svc}" nohup node "dist/apps/$svc/src/main.js" \
    >"$RUN_DIR/logs/$svc.log" 2>&1 &
  echo $! >"$RUN_DIR/$svc.pid"
done

for svc in "${SERVICES[@]}"; do
  url="http://127.0.0.1:${SERVICE_PORTS[$svc]}"
  for _ in $(seq 1 120); do
    curl -fs "$url/health/ready" >/dev/null 2>&1 && break
    service_pid "$svc" >/dev/null || { echo "[$svc] exited; see $RUN_DIR/logs/$svc.log" >&2; tail -20 "$RUN_DIR/logs/$svc.log" >&2; exit 1; }
    sleep 0.5
  done
  curl -fs "$url/health/ready" >/dev/null || { echo "[$svc] not ready after 60 s; see $RUN_DIR/logs/$svc.log" >&2; exit 1; }
done

# The staff console: built web app served by its own server, which forwards /api/<service>/….
if pid=$(service_pid console); then
  echo "[console] already running (pid $pid)" >&2
else
  npm --prefix apps/console run -s build >"$RUN_DIR/logs/console-build.log" 2>&1 ||
    { echo "[console] build failed; see $RUN_DIR/logs/console-build.log" >&2; exit 1; }
  PORT="$CONSOLE_PORT" ORDERS_URL="http://127.0.0.1:${SERVICE_PORTS[orders]}" \
    PROCUREMENT_URL="http://127.0.0.1:${SERVICE_PORTS[procurement]}" \
    DELIVERY_URL="http://127.0.0.1:${SERVICE_PORTS[delivery]}" \
    AFTERSALES_URL="http://127.0.0.1:${SERVICE_PORTS[aftersales]}" \
    nohup node dist/apps/console/server/main.js >"$RUN_DIR/logs/console.log" 2>&1 &
  echo $! >"$RUN_DIR/console.pid"
fi
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$CONSOLE_PORT/health/ready" >/dev/null 2>&1 && break
  service_pid console >/dev/null || { echo "[console] exited; see $RUN_DIR/logs/console.log" >&2; exit 1; }
  sleep 0.5
done

echo
echo "Central kitchen is up (KAFKA_BROKERS=$KAFKA_BROKERS MONGO_URL=$MONGO_URL):"
for svc in "${SERVICES[@]}"; do
  printf '  %-12s http://127.0.0.1:%s   docs: /docs   health: /health/ready   metrics: /metrics\n' "$svc" "${SERVICE_PORTS[$svc]}"
done
printf '  %-12s http://127.0.0.1:%s   staff console (sign in with a role)   health: /health/ready\n' console "$CONSOLE_PORT"
echo "Logs: $RUN_DIR/logs/. Token: npm run -s token -- ops-manager. Stop: npm run stop:all"
