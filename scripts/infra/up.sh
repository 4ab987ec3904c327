#!/usr/bin/env bash
# Start local Kafka + the MongoDB-wire server (mongo.sh) unless external ones are configured.
#
#   scripts/infra/up.sh            # idempotent; prints KAFKA_BROKERS=... / MONGO_URL=... on stdout
#   eval "$(scripts/infra/up.sh)"  # ... and export them into the current shell
#
# If KAFKA_BROKERS and/or MONGO_URL are already set, that server is not started and the
# external one is used. Progress messages go to stderr.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

pids=() names=()
if [[ -n ${KAFKA_BROKERS:-} ]]; then
  ck_log "KAFKA_BROKERS is set - using external Kafka at $KAFKA_BROKERS (not starting one)"
else
  "$CK_INFRA_DIR/kafka.sh" start & pids+=($!) names+=(kafka)
  KAFKA_BROKERS="$CK_HOST:$KAFKA_PORT"
fi
if [[ -n ${MONGO_URL:-} ]]; then
  ck_log "MONGO_URL is set - using external MongoDB at $MONGO_URL (not starting one)"
else
  "$CK_INFRA_DIR/mongo.sh" start & pids+=($!) names+=(mongo)
  MONGO_URL="mongodb://$CK_HOST:$MONGO_PORT"
fi

failed=()
for i in "${!pids[@]}"; do
  wait "${pids[$i]}" || failed+=("${names[$i]}")
done
((${#failed[@]} == 0)) || ck_die "failed to start: ${failed[*]} (logs in $CK_LOG_DIR)"

# Report the address a server actually runs on (it may predate a port change).
[[ " ${names[*]} " == *" kafka "* ]] && [[ -s $(ck_addrfile kafka) ]] && KAFKA_BROKERS="$(<"$(ck_addrfile kafka)")"
[[ " ${names[*]} " == *" mongo "* ]] && [[ -s $(ck_addrfile mongo) ]] && MONGO_URL="mongodb://$(<"$(ck_addrfile mongo)")"
echo "KAFKA_BROKERS=$KAFKA_BROKERS"
echo "MONGO_URL=$MONGO_URL"
