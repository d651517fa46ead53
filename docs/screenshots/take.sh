#!/usr/bin/env bash
# Takes the README's screenshots of the app (docs/screenshots/app-*.png) in a real window under Xvfb:
# org.sketchfind.app.ScreenshotTour (app/src/test) drives every view on the shipped default model, the demo photos,
# a tiny training run and the research views on src-test-data, and demo mode's attract loop.
# Needs xvfb-run and GTK 3 (Debian/Ubuntu: apt-get install xvfb libgtk-3-0). About 5-10 minutes on 2 cores.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
./mvnw -B -q -pl app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/tour.cp
CP="app/target/test-classes:app/target/classes:engine/target/test-classes:engine/target/classes:$(cat app/target/tour.cp)"
xvfb-run -a -s "-screen 0 1600x1000x24" \
  java -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G \
  -Dsketchfind.root="$ROOT" -Dprism.order=sw -cp "$CP" org.sketchfind.app.ScreenshotTour "${1:-docs/screenshots}"
