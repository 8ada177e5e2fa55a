#!/usr/bin/env bash
# Builds OpenSSL 3.5 from Debian's source package into a local folder, for measuring SessionKeys'
# native engine on a libcrypto newer than the system's (OpenSSL 3.0 has no VAES code for AES-GCM;
# 3.2 and later have). Only libcrypto is built; nothing is installed system-wide.
#
#   benchmarks/build-openssl.sh [--out DIR]     (default DIR: benchmarks/target/openssl-3.5)
#
# Then:  benchmarks/run.sh --libcrypto DIR/lib/libcrypto.so.3 ...
# or, for any program:  -Dsessionkeys.libcrypto=DIR/lib/libcrypto.so.3
# Needs curl, perl, make and gcc; about 5-10 minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
version=3.5.7
# Pinned: the file Debian's archive served for this version when this script was written.
sha256=a8c0d28a529ca480f9f36cf5792e2cd21984552a3c8e4aa11a24aa31aeac98e8
url="http://deb.debian.org/debian/pool/main/o/openssl/openssl_${version}.orig.tar.gz"
out="$here/target/openssl-3.5"
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out="${2:?--out needs a directory}"; shift 2 ;;
    *) echo "unknown argument $1 (usage: build-openssl.sh [--out DIR])" >&2; exit 2 ;;
  esac
done
if [ -f "$out/lib/libcrypto.so.3" ]; then
  echo "Already built: $out/lib/libcrypto.so.3"
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "Downloading $url"
curl -fsSL -o "$work/openssl.tar.gz" "$url"
echo "$sha256  $work/openssl.tar.gz" | sha256sum -c --quiet - \
  || { echo "checksum mismatch for $url: refusing to build it" >&2; exit 1; }
tar -xzf "$work/openssl.tar.gz" -C "$work"
src=$(find "$work" -maxdepth 1 -type d -name 'openssl-*' | head -n 1)
mkdir -p "$out"
out=$(cd "$out" && pwd)
cd "$src"
# shared: the provider opens libcrypto.so.3 with dlopen. no-docs/no-tests: only the library is needed.
./Configure --prefix="$out" --libdir=lib shared no-docs no-tests linux-x86_64 > "$work/configure.log"
make -j"$(nproc)" build_libs > "$work/make.log" 2>&1 || { tail -n 40 "$work/make.log" >&2; exit 1; }
mkdir -p "$out/lib"
cp -P libcrypto.so* "$out/lib/"
echo "Built OpenSSL $version: $out/lib/libcrypto.so.3"
