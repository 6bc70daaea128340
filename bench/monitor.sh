#!/usr/bin/env bash
# Monitor benchmark: CPU of the monitor for idle and busy fake agents and prompt-to-answer
# latency, each beside a plain 2-second capture-pane loop. Needs tmux and bash.
# Usage: bench/monitor.sh [seconds per measurement (60)] [idle agents (100)] [busy agents (20)]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl platform -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="platform/target/test-classes:platform/target/classes:api-bundle/target/classes:plugins/transport-tmux/target/classes:plugins/transport-tmux/target/test-classes"
exec java -cp "$cp:$(cat platform/target/bench.classpath)" dev.cam.platform.bench.MonitorBench "$@"
