#!/usr/bin/env bash
# CLI benchmark: cold `cam list` and `cam status <id>` against a store with 1,000 agents and
# 100,000 events (and their JSONL logs), beside `cam --version` and `java -version` in the same
# run. Prints median and minimum wall time and median CPU time (user+sys) in ms.
#
# Usage: bench/cli.sh [runs]     (default 15; CAM_DIST=dir to measure another distribution)
# Build the distribution first: ./mvnw -B -q -pl distribution -am package -DskipTests
set -u
runs=${1:-15}
here=$(cd "$(dirname "$0")" && pwd -P)
dist=${CAM_DIST:-$here/../distribution/target/cam}
cam=$dist/bin/cam
if [ ! -x "$cam" ]; then
  echo "cli.sh: no distribution at $dist; build it: ./mvnw -B -q -pl distribution -am package -DskipTests" >&2
  exit 1
fi
java=java
[ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java

scratch=$(mktemp -d)
serve_pid=
trap '[ -n "$serve_pid" ] && kill "$serve_pid" 2>/dev/null; rm -rf "$scratch"' EXIT
export CAM_CONFIG_DIR="$scratch/config" CAM_DATA_DIR="$scratch/data"
"$java" -cp "$dist/lib/*" "$here/CliSeed.java" "$CAM_DATA_DIR" 1000 100000 >/dev/null || exit 1
id=$("$cam" list -n 1 --json | sed -n 's/.*"id":"\([0-9a-f]*\)".*/\1/p' | head -1)
TIMEFORMAT='%R %U %S'

measure() { # command...: "median_wall min_wall median_cpu" in ms after one warm-up run
  "$@" >/dev/null 2>&1
  : > "$scratch/times"
  for ((i = 0; i < runs; i++)); do
    { time "$@" >/dev/null 2>&1; } 2>> "$scratch/times"
  done
  awk '{ w[NR] = $1 * 1000; c[NR] = ($2 + $3) * 1000 }
    function median(a, n,   i, j, t) {
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
      return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END { n = NR; mw = median(w, n); mc = median(c, n); printf "%d %d %d\n", mw, w[1], mc }' "$scratch/times"
}

report() { # label, "median min cpu"
  read -r median min cpu <<< "$2"
  printf '  %-34s %6s %6s %6s\n' "$1" "$median" "$min" "$cpu"
}

echo "cam CLI: $runs runs each, 1000 agents, 100000 events, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  %-34s %6s %6s %6s\n' "(ms)" median min cpu
report "java -version (floor)" "$(measure "$java" -version)"
report "cam --version" "$(measure "$cam" --version)"
list=$(measure "$cam" list)
report "cam list (50 newest)" "$list"
report "cam list -n 0 (all 1000)" "$(measure "$cam" list -n 0)"
report "cam list --json" "$(measure "$cam" list --json)"
status=$(measure "$cam" status "$id")
report "cam status <id>" "$status"
report "cam status <8-char prefix>" "$(measure "$cam" status "${id:0:8}")"

# The same reads through the REST API of a 'cam serve' on the same store (remote mode), on a
# free port of 127.0.0.1: what a client pays beside the server's own work.
CAM_SERVER_PORT=0 "$cam" serve >"$scratch/serve.log" 2>&1 &
serve_pid=$!
url=
for _ in $(seq 300); do
  url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$scratch/serve.log" | head -1)
  [ -n "$url" ] && break
  sleep 0.1
done
if [ -z "$url" ]; then
  echo "cli.sh: 'cam serve' did not start the API: $(cat "$scratch/serve.log")" >&2
  exit 1
fi
report "cam --server URL list" "$(measure "$cam" --server "$url" list)"
report "cam --server URL list -n 0" "$(measure "$cam" --server "$url" list -n 0)"
report "cam --server URL status <id>" "$(measure "$cam" --server "$url" status "$id")"

goal() { # label, "median min cpu", goal ms
  read -r median _ _ <<< "$2"
  if [ "$median" -lt "$3" ]; then verdict="GOAL met"; else verdict="GOAL MISSED"; fi
  printf '%s: %s median %s ms, goal < %s ms\n' "$verdict" "$1" "$median" "$3"
}
goal "cam list" "$list" 350
goal "cam status <id>" "$status" 350
