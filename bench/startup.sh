#!/usr/bin/env bash
# Start-up benchmark of the cam distribution: N fresh JVMs each for `java -version` (the floor: a
# JVM doing nothing), `cam --version` and `cam plugins`, with and without the class-data archive.
# Prints the median and the minimum wall time, the median CPU time (user+sys, which other load on
# the machine disturbs less), and the ratio of the median to the floor's.
#
# Usage: bench/startup.sh [runs]     (default 15; CAM_DIST=dir to measure another distribution)
# Build the distribution first: ./mvnw -B -q -pl distribution -am package -DskipTests
set -u
runs=${1:-15}
here=$(cd "$(dirname "$0")" && pwd -P)
dist=${CAM_DIST:-$here/../distribution/target/cam}
cam=$dist/bin/cam
if [ ! -x "$cam" ]; then
  echo "startup.sh: no distribution at $dist; build it: ./mvnw -B -q -pl distribution -am package -DskipTests" >&2
  exit 1
fi
java=java
[ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java

# Private, empty config and data so the user's own plugins and settings don't count.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export CAM_CONFIG_DIR="$scratch/config" CAM_DATA_DIR="$scratch/data"
TIMEFORMAT='%R %U %S'

# measure <command...>: prints "median_wall min_wall median_cpu" in ms over $runs runs, after one
# warm-up run that fills the file cache.
measure() {
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

report() { # label, "median min cpu", floor median
  read -r median min cpu <<< "$2"
  printf '  %-30s %6s %6s %6s   %s\n' "$1" "$median" "$min" "$cpu" \
    "$(awk -v a="$median" -v b="$3" 'BEGIN { printf "%.1fx", a / b }')"
}

floor=$(measure "$java" -version)
version=$(measure "$cam" --version)
plugins=$(measure "$cam" plugins)
version_off=$(CAM_CDS=off measure "$cam" --version)
plugins_off=$(CAM_CDS=off measure "$cam" plugins)

read -r floor_median _ <<< "$floor"
echo "cam start-up: $runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "  $("$java" -version 2>&1 | head -1)"
printf '  %-30s %6s %6s %6s   %s\n' "(ms)" median min cpu "median/floor"
report "java -version (floor)" "$floor" "$floor_median"
report "cam --version   (goal < 250)" "$version" "$floor_median"
report "cam plugins     (goal < 350)" "$plugins" "$floor_median"
report "cam --version, CAM_CDS=off" "$version_off" "$floor_median"
report "cam plugins, CAM_CDS=off" "$plugins_off" "$floor_median"

goal() { # label, "median min cpu", goal ms
  read -r median _ _ <<< "$2"
  if [ "$median" -lt "$3" ]; then verdict="GOAL met"; else verdict="GOAL MISSED"; fi
  printf '%s: %s median %s ms, goal < %s ms\n' "$verdict" "$1" "$median" "$3"
}
goal "cam --version" "$version" 250
goal "cam plugins" "$plugins" 350
