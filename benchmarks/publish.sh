#!/usr/bin/env bash
# The README's performance tables: the rows that answer "how fast is SessionKeys next to the JDK
# and the native providers", warm (5 x 1 s warm-up), one fork per cell (TLS: 4 per provider, 15 x 1 s warm-up), in one run per JDK.
# About 12 minutes per JDK on 2 quiet cores; run nothing else meanwhile.
#
#   benchmarks/publish.sh [--jdk PATH] [--libcrypto PATH] [--no-build]    (other run.sh options pass through)
#
# Results go to benchmarks/results/publish-jdk<N>-<time>/report.md, like any run.sh run.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
rows=(
  'AeadBenchmark\.encrypt algorithm=AES-256-GCM,'
  'AeadBenchmark\.decrypt algorithm=AES-256-GCM,size=16384$'
  'AeadBenchmark\.encrypt algorithm=ChaCha20-Poly1305,size=(64|16384)$'
  'BlockModeBenchmark\.encrypt algorithm=AES-256-CTR'
  'BlockModeBenchmark\.decrypt algorithm=AES-256-CBC'
  'KeyLifeBenchmark\.generate(Destroy|EncryptDestroy)?$'
  'WrapBenchmark\.wrap algorithm=AES-KW$'
  'WrapBenchmark\.unwrap algorithm=(AES-KW|RSA-OAEP-SHA256)$'
  'HmacBenchmark'
  'TlsBulkBenchmark\.transfer suite=TLS_AES_128_GCM_SHA256$'
)
include=$(IFS='|'; echo "${rows[*]}")
exec "$here/run.sh" --profile publish --providers SessionKeys,SessionKeys-java,SunJCE,BC,ACCP \
  --include "$include" "$@"
