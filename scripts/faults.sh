#!/usr/bin/env bash
# Fault-injection suite (issue 10): its own Kafka and MongoDB-wire server on their own ports and
# run dir (never the shared 9092 / 27017), the four services built and started as node processes,
# orders driven through the HTTP API while faults are injected. Prints per fault the orders
# driven, lost, duplicated, stuck and the recovery time; exits non-zero unless all are 0.
#
#   npm run test:faults                 # CI mode: a reduced count per fault
#   npm run test:faults -- --full       # the full count (200 orders per fault, 30 s outages)
#   npm run test:faults -- --only kafka # faults whose name contains a word
#   FAULTS_KAFKA_NODES=3 npm run test:faults   # against a three-broker KRaft cluster, plus one broker killed
#
# Env: FAULTS_KAFKA_PORT (19092), FAULTS_MONGO_PORT (27917), FAULTS_BASE_PORT (13000: services on
# 13001-13004, second instances 13101-13104), FAULTS_ORDERS, FAULTS_RATE, FAULTS_OUTAGE_MS.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC
ROOT=$PWD
RUN="${FAULTS_RUN:-$ROOT/.run/faults}"
export KAFKA_PORT="${FAULTS_KAFKA_PORT:-19092}" KAFKA_CONTROLLER_PORT="${FAULTS_KAFKA_CONTROLLER_PORT:-19093}"
export MONGO_PORT="${FAULTS_MONGO_PORT:-27917}"
export CENTRAL_KITCHEN_RUN="$RUN/infra"
nodes="${FAULTS_KAFKA_NODES:-1}"

infra_down() {
  export CENTRAL_KITCHEN_RUN="$RUN/infra"
  if [[ $nodes == 3 ]]; then bash scripts/infra/kafka-cluster.sh stop || true; else bash scripts/infra/kafka.sh stop || true; fi
  bash scripts/infra/mongo.sh stop || true
}
trap infra_down EXIT

bash scripts/ensure-deps.sh
infra_down 2>/dev/null
rm -rf "$RUN"
mkdir -p "$RUN"
if [[ $nodes == 3 ]]; then
  bash scripts/infra/kafka-cluster.sh start
  KAFKA_BROKERS="$(bash scripts/infra/kafka-cluster.sh brokers)"
else
  bash scripts/infra/kafka.sh start
  KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
fi
bash scripts/infra/mongo.sh start
export KAFKA_BROKERS MONGO_URL="mongodb://127.0.0.1:$MONGO_PORT"
export FAULTS_KAFKA_NODES="$nodes"

npm run -s build
npx swc apps libs test/faults -d .run/faults-build -q \
  --ignore "**/*.spec.ts,**/*.int-spec.ts,**/node_modules/**,apps/console/web/**,apps/console/e2e/**,apps/console/dist/**"
CENTRAL_KITCHEN_RUN="$RUN" node .run/faults-build/test/faults/fault-suite.js "$@"
