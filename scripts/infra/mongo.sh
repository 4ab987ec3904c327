#!/usr/bin/env bash
# Local MongoDB-wire server for development and tests: mongo-java-server with its H2 MVStore file
# backend, started by the project's own launcher (mongo-server/CentralKitchenMongoServer.java),
# which commits every write before it answers.
#
#   scripts/infra/mongo.sh {start|stop|status|restart}
#
# Jars come from Maven Central (mongo-server/pom.xml), resolved once into $CK_CACHE; the launcher
# is compiled with javac whenever its source changes. Needs java + javac (17) and mvn.
# Env: MONGO_PORT (27017), MONGO_HEAP_OPTS, MONGO_START_TIMEOUT (60).
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

CK_NAME=mongo
MONGO_SRC="$CK_INFRA_DIR/mongo-server"
MONGO_SERVER_VERSION=1.47.0
MONGO_HOME="$CK_CACHE/mongo-java-server-$MONGO_SERVER_VERSION"
MONGO_LIBS="$MONGO_HOME/libs"
MONGO_DIR="$CK_RUN/mongo"
MONGO_DATA="$MONGO_DIR/data.mv"
MONGO_ADDR="$CK_HOST:$MONGO_PORT"
# Unique to this run dir: identifies our process in pid checks.
MONGO_MARKER="$MONGO_DATA"

mongo_install() {
  ck_require java javac mvn
  if [[ ! -f $MONGO_HOME/.complete ]]; then
    ck_log "resolving mongo-java-server $MONGO_SERVER_VERSION jars from Maven Central into $MONGO_LIBS (one-time)"
    mkdir -p "$MONGO_HOME"
    rm -rf "$MONGO_LIBS.tmp"
    if ! mvn -B -q -f "$MONGO_SRC/pom.xml" \
      org.apache.maven.plugins:maven-dependency-plugin:3.6.1:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$MONGO_LIBS.tmp" >"$MONGO_HOME/mvn.log" 2>&1; then
      tail -n 40 "$MONGO_HOME/mvn.log" >&2
      ck_die "Maven could not resolve the mongo-java-server jars; full output: $MONGO_HOME/mvn.log"
    fi
    rm -rf "$MONGO_LIBS"
    mv "$MONGO_LIBS.tmp" "$MONGO_LIBS"
    touch "$MONGO_HOME/.complete"
  fi
  local sum classes
  sum="$(cat "$MONGO_SRC"/*.java | sha256sum | cut -c1-16)"
  classes="$MONGO_HOME/launcher-$sum"
  if [[ ! -f $classes/CentralKitchenMongoServer.class ]]; then
    ck_log "compiling the launcher into $classes"
    rm -rf "$classes.tmp"
    mkdir -p "$classes.tmp"
    javac -d "$classes.tmp" -cp "$MONGO_LIBS/*" "$MONGO_SRC"/*.java >&2 || ck_die "javac failed"
    mv "$classes.tmp" "$classes"
  fi
  MONGO_CLASSES="$classes"
}

mongo_ready() { ck_port_open "$CK_HOST" "$MONGO_PORT"; }

mongo_start() {
  ck_lock mongo
  if ck_already_running mongo "$MONGO_MARKER" "$MONGO_ADDR"; then return 0; fi
  mongo_install
  ck_assert_port_free "$MONGO_PORT" "MongoDB wire listener, MONGO_PORT"
  mkdir -p "$MONGO_DIR"
  local t0 pid heap
  t0=$(ck_now)
  read -r -a heap <<<"${MONGO_HEAP_OPTS:--Xms128m -Xmx1g}"
  ck_spawn mongo java "${heap[@]}" -XX:+UseG1GC -Xshare:auto -Djava.awt.headless=true \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$MONGO_CLASSES:$MONGO_LIBS/*" CentralKitchenMongoServer "$CK_HOST" "$MONGO_PORT" "$MONGO_DATA"
  pid="$(<"$(ck_pidfile mongo)")"
  echo "$MONGO_ADDR" >"$(ck_addrfile mongo)"
  ck_wait_ready mongo "$pid" "${MONGO_START_TIMEOUT:-60}" mongo_ready
  ck_log "mongo-java-server $MONGO_SERVER_VERSION (H2) ready on $MONGO_ADDR (pid $pid, $(($(ck_now) - t0))s; log $(ck_logfile mongo))"
}

mongo_stop() {
  ck_lock mongo
  ck_stop mongo "$MONGO_MARKER" 20
}

mongo_status() { ck_status mongo "$MONGO_MARKER"; }

# kill: SIGKILL, for the durability test and fault injection.
mongo_kill() {
  local pid
  pid="$(ck_running_pid mongo "$MONGO_MARKER")" || return 0
  kill -KILL "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  rm -f "$(ck_pidfile mongo)" "$(ck_addrfile mongo)"
}

if [[ ${1:-} == kill ]]; then mongo_kill; exit; fi
ck_main mongo_start mongo_stop mongo_status "$@"
