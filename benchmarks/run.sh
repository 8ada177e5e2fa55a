#!/usr/bin/env bash
# Runs the SessionKeys benchmark suite on one JDK and writes JMH JSON, a markdown table and a chart.
#
#   benchmarks/run.sh [--jdk PATH] [--profile smoke|short|full|publish] [--out DIR] [--include REGEX] [--no-build]
#                     [--libcrypto PATH] [--providers LABEL,...]
#   benchmarks/run.sh --report-only DIR     # redraw report.md and throughput.png from DIR's JSON
#
#   --jdk PATH     JDK home to measure on (default: $JAVA_HOME, else the `java` on PATH).
#                  The suite is built once with the default Maven JDK; the jar runs on JDK 17 and later
#                  (with --jdk on JDK 25+, that JDK also compiles the provider's JDK 25 part).
#   --profile      smoke: every benchmark and provider, one 100 ms iteration (CI; numbers mean nothing)
#                  short: about 7-8 minutes on 2 quiet cores (the default)
#                  full:  2 forks and long iterations (about an hour)
#                  publish: 1 fork, 5 x 1 s warm-up (1 MiB messages: 10), 4 x 1 s measurement; for the README (publish.sh)
#   --out DIR      where results go (default: benchmarks/results/<profile>-jdk<N>-<UTC time>)
#   --include RE   only rows whose name matches RE, e.g. 'AeadBenchmark' or 'KeyLife|Hkdf'
#   --no-build     use the jar already in benchmarks/target
#   --providers L  only these providers, e.g. SessionKeys,SunJCE,ACCP (default: all; labels as in the table)
#   --libcrypto P  the libcrypto SessionKeys' native engine opens (sessionkeys.libcrypto), e.g. the
#                  OpenSSL 3.5 that benchmarks/build-openssl.sh builds; default: the system's
#
# Writes into DIR: jmh-result.json (JMH), availability.tsv (measured / not provided / error),
# environment.properties, jmh.log (JMH's console), report.md (the table) and throughput.png, and
# (short, full and publish profiles) c-reference.tsv: the native engine's EVP calls, and the own
# AES-GCM kernel's calls, in plain C loops.
# Exit status: 0 if every cell that should have run did; 3 if some failed (see report.md and jmh.log);
# 4 if another JMH run holds the machine (/tmp/jmh.lock; smoke runs ignore it); 2 for bad usage.
# Run nothing else heavy meanwhile: the numbers are only as quiet as the machine.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
jar="$here/target/sessionkeys-benchmarks.jar"

jdk="${JAVA_HOME:-}"
profile="short"
out=""
include=""
build=1
report_only=""
libcrypto=""
providers=""

die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --jdk) jdk="${2:?--jdk needs a path}"; shift 2 ;;
    --profile) profile="${2:?--profile needs smoke, short, full or publish}"; shift 2 ;;
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    --include) include="${2:?--include needs a regular expression}"; shift 2 ;;
    --no-build) build=0; shift ;;
    --providers) providers="${2:?--providers needs a comma-separated list}"; shift 2 ;;
    --libcrypto) libcrypto="${2:?--libcrypto needs the path of a libcrypto.so}"; shift 2 ;;
    --report-only) report_only="${2:?--report-only needs a results directory}"; shift 2 ;;
    -h|--help) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument '$1' (try --help)" ;;
  esac
done

case "$profile" in smoke|short|full|publish) ;; *) die "unknown profile '$profile': smoke, short, full or publish" ;; esac

if [ -n "$jdk" ]; then
  java="$jdk/bin/java"
else
  java="$(command -v java)" || die "no java on PATH; pass --jdk PATH"
fi
[ -x "$java" ] || die "$java is not an executable java (is --jdk a JDK home?)"
feature="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"

if [ -z "$report_only" ] && [ "$build" = 1 ]; then
  mvn_args=(-B -q -pl benchmarks -am package -DskipTests)
  # Measuring on JDK 25 or later: compile the provider's JDK 25 part (its javax.crypto.KDF services)
  # with that JDK, whatever JDK runs Maven.
  if [ -n "$jdk" ] && [ "${feature%%.*}" -ge 25 ] 2>/dev/null; then
    mvn_args+=("-Djdk25.home=$jdk")
  fi
  echo "Building the suite (mvn ${mvn_args[*]})..."
  (cd "$root" && mvn "${mvn_args[@]}")
fi
[ -f "$jar" ] || die "$jar is missing: build first (drop --no-build)"

report() {
  "$java" -cp "$jar" io.sessionkeys.benchmarks.report.Report "$1"
  "$java" -Djava.awt.headless=true -cp "$jar" io.sessionkeys.benchmarks.report.Chart "$1"
}

if [ -n "$report_only" ]; then
  report "$report_only"
  exit 0
fi

[ -n "$out" ] || out="$here/results/$profile-jdk$feature-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
echo "Measuring on $("$java" -version 2>&1 | head -n 1) ($java), profile $profile"

args=(--profile "$profile" --out "$out")
[ -z "$include" ] || args+=(--include "$include")
[ -z "$providers" ] || args+=(--providers "$providers")
status=0
driver_opts=(-Xmx512m)
# Newer JDKs warn about ACCP's and Conscrypt's System.load (22+) and JMH's use of sun.misc.Unsafe (24+).
[ "${feature%%.*}" -lt 22 ] || driver_opts+=(--enable-native-access=ALL-UNNAMED)
[ "${feature%%.*}" -lt 24 ] || driver_opts+=(--sun-misc-unsafe-memory-access=allow)
# The suite hands every sessionkeys.* property of its own JVM on to the benchmark forks.
if [ -n "$libcrypto" ]; then
  [ -f "$libcrypto" ] || die "--libcrypto $libcrypto: no such file"
  driver_opts+=("-Dsessionkeys.libcrypto=$libcrypto")
fi
"$java" "${driver_opts[@]}" -cp "$jar" io.sessionkeys.benchmarks.suite.Suite "${args[@]}" || status=$?
if [ -s "$out/availability.tsv" ]; then
  report "$out"
fi
# The reference row for the native engine's crossing cost: the same EVP calls in a plain C loop,
# against the system's OpenSSL (needs gcc and libssl-dev; skipped in smoke runs).
if [ "$profile" != smoke ] && { [ -z "$include" ] || [ "$profile" = publish ]; } && command -v gcc >/dev/null 2>&1; then
  if gcc -O2 -o "$here/target/evp_loop" "$here/native/evp_loop.c" -lcrypto 2>/dev/null; then
    # The same soname: with --libcrypto the loop runs on that OpenSSL, as the provider does.
    LD_LIBRARY_PATH="${libcrypto:+$(dirname "$libcrypto")}" "$here/target/evp_loop" 3 > "$out/c-reference.tsv" \
      || echo "the C reference loop failed" >&2
  else
    echo "C reference row skipped: gcc could not build benchmarks/native/evp_loop.c (libssl-dev missing?)" >&2
  fi
  # The same for SessionKeys' own AES kernels (the provider's C sources, in plain C loops; they
  # print nothing where the CPU lacks VAES). aes_kernel_loop prints OpenSSL's EVP rows too.
  c="$root/provider/src/main/c"
  for loop in kernel_loop:gcm_kernel aes_kernel_loop:aes_kernel; do
    if gcc -O2 -I "$c" -o "$here/target/${loop%%:*}" "$here/native/${loop%%:*}.c" "$c/${loop#*:}.c" \
        "$c/kernel_support.c" -lcrypto 2>/dev/null; then
      "$here/target/${loop%%:*}" 3 >> "$out/c-reference.tsv" 2>/dev/null || echo "${loop%%:*} failed" >&2
    fi
  done
fi
echo "Results in $out (table: $out/report.md, chart: $out/throughput.png)"
if [ "$status" = 4 ]; then
  echo "Another JMH run is using the machine: run again when it has finished." >&2
elif [ "$status" = 3 ]; then
  echo "Some benchmarks failed: they are marked 'error' in report.md; details in $out/jmh.log" >&2
fi
exit "$status"
