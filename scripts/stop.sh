#!/usr/bin/env bash
# Stops the four services; `--all` also stops Kafka and the MongoDB-wire server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/services.sh"
for svc in "${SERVICES[@]}" console; do
  if pid=$(service_pid "$svc"); then
    kill "$pid" && echo "[$svc] stopped" >&2
  fi
  rm -f "$RUN_DIR/$svc.pid"
done
[[ ${1:-} == --all ]] && bash "$ROOT/scripts/infra/down.sh"
exit 0
