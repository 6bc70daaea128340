#!/usr/bin/env bash
# Relay benchmarks, each beside direct loopback in the same run: added latency of a small request
# through the relay (p50), throughput of a 100 MB download, and the relay's RSS with 1,000
# concurrent WebSocket clients. The relay runs from its distribution (bin/cam-relay, default
# JAVA_OPTS) in its own JVM; origin, server link and clients run in the driver's JVM.
# Run from the repository root:
#   ./mvnw -B -q -o -pl relay package -DskipTests && bench/relay.sh [requests] [websockets]
set -euo pipefail
cd "$(dirname "$0")/.."
module=relay
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -B -q -o -pl "$module" test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cpfile" >/dev/null
# 1,000 WebSocket clients need about 3,000 descriptors in the driver (client, origin and link
# sockets) and 1,000 in the relay, which inherits this limit.
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files allowed: $(ulimit -n); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
cp="$module/target/test-classes:$module/target/classes:$(cat "$cpfile")"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
  dev.cam.relay.bench.RelayBench "$module/target/cam-relay" "${1:-3000}" "${2:-1000}"
