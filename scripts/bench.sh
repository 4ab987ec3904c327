#!/usr/bin/env bash
# Benchmarks that print their figures; run against a real broker and database.
# Unless KAFKA_BROKERS / MONGO_URL name servers, the run gets its own Kafka and database, on
# their own ports and run directory, started empty (as scripts/test.sh does): a dev database
# grown by earlier runs, or a broker holding thousands of test topics, would skew the figures.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
# shellcheck source=infra/own-servers.sh
source scripts/infra/own-servers.sh bench-run "${BENCH_KAFKA_PORT:-39092}" \
  "${BENCH_KAFKA_CONTROLLER_PORT:-39093}" "${BENCH_MONGO_PORT:-39017}"
eval "$(bash scripts/infra/up.sh)"
export KAFKA_BROKERS MONGO_URL TZ=UTC
rm -rf .run/bench
npx swc apps libs bench -d .run/bench -q \
  --ignore "**/*.spec.ts,**/*.int-spec.ts,**/node_modules/**,apps/console/web/**,apps/console/e2e/**,apps/console/dist/**"
# One run prints every figure: storage shapes, the messaging round trip, the order pipeline
# against its hand-written baseline, and the costs against 100× history.
for bench in storage event-roundtrip order-pipeline db-ops scale; do
  node ".run/bench/bench/$bench.bench.js"
done
