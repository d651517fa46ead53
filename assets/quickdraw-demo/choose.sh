#!/usr/bin/env bash
# Chooses demo mode's drawings (assets/quickdraw-demo/*.ndjson) with the shipped default model:
# DemoDrawingsChooser.java (see its Javadoc). Needs ../shared/data/quickdraw/raw. About a minute on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
RAW="${1:-../shared/data/quickdraw/raw}"
./mvnw -B -q -pl engine -am compile dependency:build-classpath -Dmdep.outputFile=target/choose.cp
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
rm -f assets/quickdraw-demo/*.ndjson
java -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -Dsketchfind.root="$ROOT" -cp "engine/target/classes:$(cat engine/target/choose.cp)" \
  assets/quickdraw-demo/DemoDrawingsChooser.java "$RAW" assets/demo-photos assets/quickdraw-demo
