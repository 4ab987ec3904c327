#!/usr/bin/env bash
# The full test suite, one command: dependencies, static checks (types, lint, format,
# architecture rules), then unit and integration tests against a real Kafka broker and a real
# MongoDB-wire server (started by scripts/infra, or KAFKA_BROKERS / MONGO_URL when set).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export TZ=UTC
started=$(date +%s)

bash scripts/ensure-deps.sh
step() { echo "== $1" >&2; shift; "$@"; }
step "type check" npm run -s typecheck
step "lint" npm run -s lint
step "format" npm run -s format:check
step "architecture rules" npm run -s depcruise
eval "$(bash scripts/infra/up.sh)"
export KAFKA_BROKERS MONGO_URL

mkdir -p .run
status=0
step "tests (unit + integration)" npx jest --runInBand --forceExit --json --outputFile=.run/jest-results.json "$@" || status=$?
# Processes, brokers and the database really broken (issue 10): its own servers on other ports.
step "fault injection (CI mode)" bash scripts/faults.sh || status=$?
node -e '
  const r = require("./.run/jest-results.json");
  console.log(`\nsuites: ${r.numPassedTestSuites} passed, ${r.numFailedTestSuites} failed; took ${process.argv[1]} s`);
  console.log(`${r.numPassedTests} passed, ${r.numFailedTests} failed`);
' "$(( $(date +%s) - started ))"
exit $status
