#!/usr/bin/env bash
# Installs node_modules when missing or older than the lock file. `npm ci` first; the registry
# mirror here lacks some other-platform optional binaries (@swc/core-darwin-*), so fall back
# to `npm install`, which honours the lock for everything it can resolve.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [[ -f node_modules/.package-lock.json && node_modules/.package-lock.json -nt package-lock.json ]]; then
  exit 0
fi
echo "[deps] installing node modules" >&2
npm ci --no-audit --no-fund --loglevel=error >&2 || npm install --no-audit --no-fund --loglevel=error >&2
