#!/usr/bin/env bash
# Benchmarks that print their figures; run against the real local broker and database.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
eval "$(bash scripts/infra/up.sh)"
export KAFKA_BROKERS MONGO_URL TZ=UTC
npx swc apps libs bench -d .run/bench -q --ignore "**/*.spec.ts,**/*.int-spec.ts"
for bench in .run/bench/bench/*.bench.js; do
  node "$bench"
done
