# Sourced by a script that wants its own Kafka and database, started empty on their own ports
# and run directory, and stopped when it exits — unless KAFKA_BROKERS / MONGO_URL name servers.
#   source scripts/infra/own-servers.sh <run dir name> <kafka port> <controller port> <mongo port>
if [[ -z ${KAFKA_BROKERS:-} && -z ${MONGO_URL:-} ]]; then
  export CENTRAL_KITCHEN_RUN="${CENTRAL_KITCHEN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/central-kitchen}/$1"
  export KAFKA_PORT="$2" KAFKA_CONTROLLER_PORT="$3" MONGO_PORT="$4"
  bash scripts/infra/down.sh --purge >/dev/null 2>&1 || true
  trap 'bash scripts/infra/down.sh >/dev/null 2>&1 || true' EXIT
fi
