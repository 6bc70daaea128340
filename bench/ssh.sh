#!/usr/bin/env bash
# SSH transport benchmark: capture and send latency (p50/p99) over SSH to 127.0.0.1 (an embedded
# Apache MINA SSHD server running real tmux) beside the local tmux transport on the same tmux
# server, and one poll round over 20 remote agents. Needs tmux.
# Usage: bench/ssh.sh [iterations (300)]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -o -pl plugins/transport-ssh -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
module=plugins/transport-ssh
# the reactor's own classes, not whatever the local repository holds
cp="$module/target/test-classes:$module/target/classes:api-bundle/target/classes"
cp="$cp:plugins/transport-tmux/target/classes:plugins/transport-tmux/target/test-classes"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$cp:$(cat $module/target/bench.classpath)" dev.cam.plugin.ssh.SshBench "$@"
