#!/usr/bin/env bash
# Builds libsessionkeys.so (the JNI bridge to the system's OpenSSL) into the jar's classes, for
# linux-x86_64 only. Called by Maven (process-classes) with: <java.home> <jni headers dir> <out dir>.
# Where gcc, the JNI headers or OpenSSL's headers are missing, it warns and builds nothing: the
# jar then carries no native library and the constant-time Java engine runs everywhere.
set -u
java_home=$1 generated=$2 out=$3
src=$(cd "$(dirname "$0")" && pwd)

skip() {
  echo "[WARNING] native engine NOT built: $1. The jar will run the Java engine only." >&2
  echo "[WARNING] (on Debian/Ubuntu: apt-get install gcc libssl-dev)" >&2
  exit 0
}

[ "$(uname -s)" = Linux ] && [ "$(uname -m)" = x86_64 ] || skip "only linux-x86_64 is built here, not $(uname -s)-$(uname -m)"
command -v gcc >/dev/null 2>&1 || skip "gcc is not installed"
[ -f "$java_home/include/jni.h" ] || skip "no JNI headers in $java_home/include"
echo '#include <openssl/evp.h>' | gcc -E -x c - >/dev/null 2>&1 || skip "OpenSSL's headers (libssl-dev) are not installed"

mkdir -p "$out"
# -Wl,--no-undefined with only libc: proves the library has no link-time tie to libcrypto.
gcc -std=c11 -D_GNU_SOURCE -O2 -fPIC -shared -fvisibility=hidden -fstack-protector-strong \
    -D_FORTIFY_SOURCE=2 -Wall -Wextra -Werror -Wl,--no-undefined -Wl,-z,relro,-z,now \
    -I"$java_home/include" -I"$java_home/include/linux" -I"$generated" \
    -o "$out/libsessionkeys.so" "$src"/*.c -ldl -pthread \
  || { echo "[ERROR] gcc failed on the native engine's sources" >&2; exit 1; }
echo "[INFO] native engine built: $out/libsessionkeys.so"
