#!/usr/bin/env bash
# Benchmarks that print their figures; run against the real local broker and database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
eval "$(bash scripts/infra/up.sh)"
export KAFKA_BROKERS MONGO_URL TZ=UTC
rm -rf .run/bench
npx swc apps libs bench -d .run/bench -q \
  --ignore "**/*.spec.ts,**/*.int-spec.ts,**/node_modules/**,apps/console/web/**,apps/console/e2e/**,apps/console/dist/**"
# One run prints every figure: storage shapes, the messaging round trip, the order pipeline
# against its hand-written baseline, and the costs against 100× history.
for bench in storage event-roundtrip order-pipeline scale; do
  node ".run/bench/bench/$bench.bench.js"
done
