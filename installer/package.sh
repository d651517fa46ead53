#!/usr/bin/env bash
# Builds a jpackage app image (default) or installer (--type deb|rpm|msi|dmg|exe|pkg) of the Sketchfind app.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="app-image"
if [ "${1:-}" = "--type" ]; then TYPE="$2"; fi
cd "$ROOT"
./mvnw -B -q -pl app -am package -DskipTests -Dmaven.test.skip=true
OUT="$ROOT/installer/target"
INPUT="$OUT/input"
rm -rf "$OUT" && mkdir -p "$INPUT"
cp app/target/sketchfind-app.jar "$INPUT/"
cp app/target/lib/*.jar "$INPUT/"
mkdir -p "$INPUT/models" "$INPUT/assets"
cp -r models/. "$INPUT/models/"
cp -r assets/. "$INPUT/assets/" 2>/dev/null || true
# a second launcher: the command line (./sketchfind's engine CLI) inside the installed image
OPTS="-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Dsketchfind.root=\$APPDIR"
printf 'main-class=org.sketchfind.engine.cli.Main\nlauncher-as-service=false\nwin-console=true\njava-options=%s\n' "$OPTS" > "$OUT/cli.properties"
jpackage --type "$TYPE" --name Sketchfind --app-version 0.1.0 \
  --vendor "Sketchfind" --description "Sketch to find your photos (zero-shot sketch-image hashing)" \
  --input "$INPUT" --main-jar sketchfind-app.jar --main-class org.sketchfind.app.Launcher \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.sql,java.xml,jdk.unsupported,java.scripting,jdk.zipfs \
  --java-options "-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G -Dsketchfind.root=\$APPDIR" \
  --add-launcher sketchfind="$OUT/cli.properties" \
  --dest "$OUT"
echo "written to $OUT" >&2
