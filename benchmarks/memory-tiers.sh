#!/usr/bin/env bash
# Key life in each memory tier: SessionKeys' generate, generate+destroy and
# generate+encrypt(1 KiB GCM)+destroy with sessionkeys.memory = secret, locked and plain, and
# SunJCE's generate and generate+encrypt beside them. The tier is chosen once per JVM, so each
# tier is its own JMH run (JMH forks a JVM per run). Writes tiers.md in the output directory.
#
#   benchmarks/memory-tiers.sh [--jdk /path/to/jdk] [--out DIR]   (build first: mvn -pl benchmarks -am package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar="$here/target/sessionkeys-benchmarks.jar"
java=java
out="$here/results/memory-tiers-$(date -u +%Y%m%dT%H%M%SZ)"
while [ $# -gt 0 ]; do
  case "$1" in
    --jdk) java="${2:?--jdk needs a path}/bin/java"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -f "$jar" ] || { echo "$jar is missing: mvn -B -pl benchmarks -am package -DskipTests" >&2; exit 2; }
mkdir -p "$out"
feature=$("$java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
jvm="--enable-native-access=ALL-UNNAMED"
[ "${feature%%.*}" -lt 24 ] || jvm="$jvm --sun-misc-unsafe-memory-access=allow"
# Warm enough for the JDK's intrinsics (SunJCE's GCM compiles within the first seconds).
jmh=(-wi 5 -w 2s -i 5 -r 2s -f 1 -tu us -bm avgt -rf json)

run() { # name, provider, extra JVM args, benchmark pattern
  "$java" $jvm -cp "$jar" org.openjdk.jmh.Main "$4" -p provider="$2" -jvmArgsAppend "$jvm $3" \
    "${jmh[@]}" -rff "$out/$1.json" > "$out/$1.log" 2>&1
}
for tier in secret locked plain; do
  echo "SessionKeys, sessionkeys.memory=$tier"
  run "$tier" SessionKeys "-Dsessionkeys.memory=$tier" 'KeyLifeBenchmark\.(generate|generateDestroy|generateEncryptDestroy)$'
done
echo "SunJCE"
run SunJCE SunJCE "" 'KeyLifeBenchmark\.(generate|generateEncryptDestroy)$'

{
  echo "Key life, µs per operation (lower is better), $("$java" -version 2>&1 | head -n 1), $(nproc) cores"
  echo
  echo "| run | generate | generate + destroy | generate + 1 KiB GCM + destroy |"
  echo "|---|---:|---:|---:|"
  for f in secret locked plain SunJCE; do
    python3 - "$out/$f.json" "$f" <<'PY'
import json, sys
rows = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"]["score"] for r in json.load(open(sys.argv[1]))}
cell = lambda k: f"{rows[k]:.3f}" if k in rows else "—"
name = sys.argv[2] if sys.argv[2] == "SunJCE" else f"SessionKeys, {sys.argv[2]}"
print(f"| {name} | {cell('generate')} | {cell('generateDestroy')} | {cell('generateEncryptDestroy')} |")
PY
  done
} > "$out/tiers.md"
cat "$out/tiers.md"
