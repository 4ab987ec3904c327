#!/usr/bin/env bash
# Stop the local Kafka and MongoDB-wire server started by up.sh (no-op for those not running).
# Data stays in $CENTRAL_KITCHEN_RUN; pass --purge to delete it as well.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

rc=0
"$CK_INFRA_DIR/kafka.sh" stop & kpid=$!
"$CK_INFRA_DIR/mongo.sh" stop & fpid=$!
wait "$kpid" || rc=1
wait "$fpid" || rc=1
if [[ ${1:-} == --purge && $rc == 0 ]]; then
  ck_log "purging data in $CK_RUN/kafka and $CK_RUN/mongo"
  rm -rf "$CK_RUN/kafka" "$CK_RUN/mongo"
fi
exit "$rc"
