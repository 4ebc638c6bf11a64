#!/usr/bin/env bash
# Builds the offline MongoDB stand-in (tools/mongo-standin, see docs/mongodb-offline.md) and copies
# its jar plus runtime dependencies into .cache/mongo-standin/lib, the classpath src/db/engine.ts uses.
# Idempotent: skips the build when the pom and the launcher source have not changed since the last
# successful build (hash stored in .cache/mongo-standin/build.sha256).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SRC="$ROOT/tools/mongo-standin"
OUT="$ROOT/.cache/mongo-standin"
STAMP="$OUT/build.sha256"

fail() { echo "mongo-standin setup FAILED: $*" >&2; exit 1; }

# Serialize concurrent runs (two test runs on a fresh clone) so they don't swap lib/ under each other.
mkdir -p "$OUT"
exec 9>"$OUT/.lock"
command -v flock >/dev/null 2>&1 && flock 9

# The hash covers the pom and the sources, so editing the launcher also triggers a rebuild.
hash="$(cd "$SRC" && find pom.xml src -type f | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -d' ' -f1)"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$hash" ]] && compgen -G "$OUT/lib/*.jar" >/dev/null; then
  echo "mongo-standin: up to date ($OUT/lib)"
  exit 0
fi

command -v java >/dev/null 2>&1 || fail "java not found (Java 17+ is required)"
command -v mvn >/dev/null 2>&1 || fail "mvn not found (Maven 3.8+ is required)"

# Build in a temp dir so the source tree gets no target/ folder and a failed build leaves the old
# cache untouched; the new lib/ replaces the old one only once everything succeeded.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$SRC/pom.xml" "$SRC/src" "$work/"
log="$work/maven.log"
if ! (cd "$work" && mvn -B -q -Dstyle.color=never package \
        dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/lib" >"$log" 2>&1); then
  tail -n 40 "$log" >&2
  fail "maven build failed (log above)"
fi
cp "$work"/target/mongo-standin-*.jar "$work/lib/"

rm -rf "$OUT/lib.new" "$OUT/lib.old"
mv "$work/lib" "$OUT/lib.new"
[[ -d "$OUT/lib" ]] && mv "$OUT/lib" "$OUT/lib.old"
mv "$OUT/lib.new" "$OUT/lib"
rm -rf "$OUT/lib.old"
echo "$hash" >"$STAMP"
echo "mongo-standin: built $(ls "$OUT/lib" | wc -l) jars into $OUT/lib"
