#!/usr/bin/env bash
# API benchmarks: GET /api/agents (100 agents) under wrk beside a bare Jetty handler answering the
# same bytes in the same run, WebSocket publish-to-receipt latency for 1 and 100 clients (and for
# events another process stores), and the server's idle RSS. Needs wrk (Debian package 'wrk'). Run from the repository root:
#   ./mvnw -B -q -o -pl plugins/api-jetty -am test-compile && bench/api.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
module=plugins/api-jetty
cpfile=$(mktemp)
work=$(mktemp -d)
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$work" "$cpfile"
}
trap cleanup EXIT
./mvnw -B -q -o -pl "$module" dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cpfile" >/dev/null
# the reactor's own api-bundle and platform classes, not whatever the local repository holds
cp="$module/target/test-classes:$module/target/classes:api-bundle/target/classes:platform/target/classes:$(cat "$cpfile")"
java_opts=(-Xms64m -Xmx256m -Djava.io.tmpdir="$work" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
echo "load average at the start: $(cut -d' ' -f1-3 /proc/loadavg)"
duration=${DURATION:-10s}
connections=${CONNECTIONS:-32}

java "${java_opts[@]}" -cp "$cp" dev.cam.plugin.api.ApiBench serve "$work/cam" >"$work/serve.out" 2>&1 &
server_pid=$!
for _ in $(seq 100); do grep -q '^bytes=' "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
api=$(sed -n 's/^api=//p' "$work/serve.out")
bare=$(sed -n 's/^bare=//p' "$work/serve.out")
token=$(sed -n 's/^token=//p' "$work/serve.out")
echo "response: $(sed -n 's/^bytes=//p' "$work/serve.out") bytes (100 agents)"
sleep 2
echo "idle RSS after start: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$server_pid/status)"

run() { wrk -t1 -c"$connections" -d"$duration" --latency -H "Authorization: Bearer $token" "$1"; }
run "$bare" >/dev/null   # warm-up of both JITs
run "$api" >/dev/null
bare_out=$(run "$bare"); api_out=$(run "$api")
rps() { awk '/Requests\/sec/ {print $2}' <<<"$1"; }
p99() { awk '$1=="99%" {print $2}' <<<"$1"; }
echo "bare Jetty:   $(rps "$bare_out") req/s, p99 $(p99 "$bare_out")"
echo "GET /agents:  $(rps "$api_out") req/s, p99 $(p99 "$api_out")"
awk -v a="$(rps "$api_out")" -v b="$(rps "$bare_out")" 'BEGIN {printf "ratio: %.2f (goal >= 0.5)\n", a/b}'
sleep 5
echo "RSS after load, idle: $(awk '/VmRSS/ {print $2/1024 " MB"}' /proc/$server_pid/status)"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

for clients in 1 100; do
  java "${java_opts[@]}" -cp "$cp" dev.cam.plugin.api.ApiBench latency "$clients" "${EVENTS:-1000}"
done
# events another process writes to the same store reach clients through the 250 ms look at it
java "${java_opts[@]}" -cp "$cp" dev.cam.plugin.api.ApiBench latency 1 "${FOREIGN_EVENTS:-400}" foreign
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
