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
trap 'rm -rf "$scratch"' EXIT
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
report "cam list (50 newest)" "$(measure "$cam" list)"
report "cam list -n 0 (all 1000)" "$(measure "$cam" list -n 0)"
report "cam list --json" "$(measure "$cam" list --json)"
report "cam status <id>" "$(measure "$cam" status "$id")"
report "cam status <8-char prefix>" "$(measure "$cam" status "${id:0:8}")"
