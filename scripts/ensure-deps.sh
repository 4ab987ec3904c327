#!/usr/bin/env bash
# Installs node_modules when missing or older than the lock file. `npm ci` refuses the lock
# here: the registry this machine reaches lacks other platforms' optional binaries
# (@swc/core-darwin-*), which then never enter the lock. `npm install` honours the lock for
# everything else, so that is the fallback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# The staff console (apps/console) has its own package.json and lock, so the root lock does not churn.
if [[ ! (-f apps/console/node_modules/.package-lock.json && apps/console/node_modules/.package-lock.json -nt apps/console/package-lock.json) ]]; then
  echo "[deps] installing console node modules" >&2
  npm --prefix apps/console ci --no-audit --no-fund --loglevel=silent >&2 2>/dev/null ||
    npm --prefix apps/console install --no-audit --no-fund --loglevel=error >&2
fi
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  exit 0
fi
echo "[deps] installing node modules" >&2
npm ci --no-audit --no-fund --loglevel=silent >&2 2>/dev/null || npm install --no-audit --no-fund --loglevel=error >&2
