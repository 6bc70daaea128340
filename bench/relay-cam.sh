#!/usr/bin/env bash
# The relay in front of a real CAM server: the distribution's `cam serve --relay` and the relay's
# `bin/cam-relay`, each in its own JVM with its default flags. Latency of GET /api/system/health
# through the relay beside direct loopback in the same run, and the RSS of the relay and of the
# server with N clients on /api/ws through the relay. JDK only. Run from the repository root:
#   ./mvnw -B -q -o -pl distribution -am package -DskipTests && bench/relay-cam.sh [requests] [websockets]
set -euo pipefail
cd "$(dirname "$0")/.."
# 1,000 WebSocket clients need descriptors for their sockets here, in the relay and in cam serve
ulimit -n 8192 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "open files allowed: $(ulimit -n); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx1g bench/RelayCamBench.java distribution/target/cam relay/target/cam-relay \
  "${1:-2000}" "${2:-1000}"
