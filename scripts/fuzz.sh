#!/usr/bin/env bash
# Schemathesis against each service's live /docs-json (issue 12): every operation with a token
# of a role it allows, positive and negative data, bounded in time. Zero failures to pass.
# Installs Schemathesis (PyPI, pinned) into a venv under the cache dir on first use.
#   FUZZ_MAX_TIME   seconds per service (default 40)    FUZZ_PORT_BASE  ports BASE+1…BASE+4 (4200)
#   FUZZ_SERVICES   which services (default all four)   KAFKA_BROKERS / MONGO_URL must point at running servers
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${KAFKA_BROKERS:?set KAFKA_BROKERS (scripts/infra/up.sh prints it)}"
: "${MONGO_URL:?set MONGO_URL}"
SCHEMATHESIS_VERSION=4.32.5
CACHE="${CENTRAL_KITCHEN_CACHE:-$HOME/.cache/central-kitchen}"
VENV="$CACHE/schemathesis-$SCHEMATHESIS_VERSION"
if [[ ! -x "$VENV/bin/st" ]]; then
  echo "[fuzz] installing schemathesis $SCHEMATHESIS_VERSION into $VENV" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "schemathesis==$SCHEMATHESIS_VERSION" >&2
fi

MAX_TIME="${FUZZ_MAX_TIME:-40}"
BASE="${FUZZ_PORT_BASE:-4200}"
SERVICES=(${FUZZ_SERVICES:-orders procurement delivery aftersales})
RUN=".run/fuzz"
rm -rf "$RUN" && mkdir -p "$RUN"
nonce="fuzz$(date +%s)$RANDOM"
[[ -n "${FUZZ_NO_BUILD:-}" ]] || npm run -s build

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

port_of() { case "$1" in orders) echo $((BASE + 1)) ;; procurement) echo $((BASE + 2)) ;; delivery) echo $((BASE + 3)) ;; aftersales) echo $((BASE + 4)) ;; esac; }

for svc in "${SERVICES[@]}"; do
  PORT=$(port_of "$svc") HOST=127.0.0.1 MONGO_DB="${nonce}_$svc" KAFKA_NAMESPACE="$nonce" \
    LOG_LEVEL=error TIMER_SWEEP_MS=0 NODE_ENV=test \
    node "dist/apps/$svc/src/main.js" >"$RUN/$svc.log" 2>&1 &
  pids+=($!)
done
for svc in "${SERVICES[@]}"; do
  port=$(port_of "$svc")
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
  done
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "[fuzz] $svc did not become ready" >&2; cat "$RUN/$svc.log" >&2; exit 1; }
done

FUZZ_TOKENS=$(node -e '
  const { signToken } = require("./dist/libs/common/src/auth/token.js");
  const { ROLES, SCOPE_CLAIM } = require("./dist/libs/common/src/auth/roles.js");
  const secret = process.env.JWT_SECRET || require("./dist/libs/common/src/config/service-config.js").DEV_JWT_SECRET;
  const out = {};
  for (const role of ROLES) {
    const claim = SCOPE_CLAIM[role];
    out[role] = signToken({ sub: `fuzz-${role}`, role, ...(claim ? { [claim]: `fuzz-${claim}` } : {}) }, secret, 3600);
  }
  console.log(JSON.stringify(out));
')
export FUZZ_TOKENS SCHEMATHESIS_HOOKS=hooks PYTHONPATH="$PWD/scripts/fuzz"

CHECKS=not_a_server_error,status_code_conformance,response_schema_conformance,content_type_conformance,negative_data_rejection
status=0
summary=()
for svc in "${SERVICES[@]}"; do
  port=$(port_of "$svc")
  echo "== fuzz $svc" >&2
  set +e
  "$VENV/bin/st" --config-file scripts/fuzz/schemathesis.toml run "http://127.0.0.1:$port/docs-json" \
    --checks "$CHECKS" --phases examples,coverage,fuzzing --mode all \
    --max-time "$MAX_TIME" --workers 1 --seed 12 --no-shrink \
    --suppress-health-check all --warnings off \
    --report ndjson,junit --report-dir "$RUN/$svc" >"$RUN/$svc.out" 2>&1
  rc=$?
  set -e
  tail -n 40 "$RUN/$svc.out" >&2
  [[ $rc -eq 0 ]] || status=1
  cases=$(grep -A1 '^Test cases:' "$RUN/$svc.out" | tail -1 | sed 's/^ *//')
  summary+=("fuzz $svc: ${cases:-no test cases} (exit $rc)")
done
printf '%s\n' "${summary[@]}" | tee "$RUN/summary.txt" >&2
exit $status
