#!/usr/bin/env bash
# Builds Sketchfind's self-contained app image and, with --type, an installer, with JDK 17's jpackage:
#   installer/package.sh                    app image in installer/target/image (Linux, Windows, macOS)
#   installer/package.sh --type deb         + a .deb in installer/target (needs dpkg-deb and fakeroot)
#   installer/package.sh --type msi         + a .msi (on Windows, with the WiX Toolset 3)
#   installer/package.sh --type dmg         + a .dmg (on macOS)
# Any further arguments go to Maven, e.g. -o (offline) or -Pcuda (the GPU build of ONNX Runtime; the default
# packages are CPU-only). Each package carries a trimmed Java runtime (jlink) and only the host platform's
# native libraries (installer/StripNatives.java); see installer/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TYPE="app-image"
if [ "${1:-}" = "--type" ]; then TYPE="$2"; shift 2; fi
cd "$ROOT"

case "$(uname -s)" in
  Linux) OS=linux ;;
  Darwin) OS=mac ;;
  MINGW*|MSYS*|CYGWIN*) OS=windows ;;
  *) echo "package.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) ARCH=x64 ;;
  aarch64|arm64) ARCH=aarch64 ;;
  *) echo "package.sh: unsupported processor $(uname -m)" >&2; exit 2 ;;
esac
# the host's folder in each jar that bundles every platform's natives
case "$OS-$ARCH" in
  linux-x64) ORT=linux-x64; SQLITE=Linux/x86_64 ;;
  linux-aarch64) ORT=linux-aarch64; SQLITE=Linux/aarch64 ;;
  mac-x64) ORT=osx-x64; SQLITE=Mac/x86_64 ;;
  mac-aarch64) ORT=osx-aarch64; SQLITE=Mac/aarch64 ;;
  windows-x64) ORT=win-x64; SQLITE=Windows/x86_64 ;;
  *) echo "package.sh: no native libraries for $OS-$ARCH" >&2; exit 2 ;;
esac

./mvnw -B -q -pl app -am package -DskipTests -Dmaven.test.skip=true "$@"
VERSION="$(sed -n 's/^version=//p' engine/target/classes/org/sketchfind/engine/version.properties)"
APP_VERSION="${VERSION%%[!0-9.]*}"   # jpackage takes numbers only: 0.1.0-SNAPSHOT -> 0.1.0

OUT="$ROOT/installer/target"
INPUT="$OUT/input"
rm -rf "$OUT" && mkdir -p "$INPUT"
cp app/target/sketchfind-app.jar "$INPUT/"
for jar in app/target/lib/*.jar; do
  case "$(basename "$jar")" in
    onnxruntime*.jar) java installer/StripNatives.java "$jar" "$INPUT/$(basename "$jar")" "ai/onnxruntime/native/=$ORT" ;;
    sqlite-jdbc*.jar) java installer/StripNatives.java "$jar" "$INPUT/$(basename "$jar")" "org/sqlite/native/=$SQLITE" ;;
    *) cp "$jar" "$INPUT/" ;;
  esac
done
mkdir -p "$INPUT/models" "$INPUT/assets"
cp -r models/. "$INPUT/models/"
cp -r assets/. "$INPUT/assets/"

if [ "$OS" = windows ]; then CLI=sketchfind-cli; ICON=installer/icons/sketchfind.ico
elif [ "$OS" = mac ]; then CLI=sketchfind-cli; ICON=installer/icons/sketchfind.icns
else CLI=sketchfind; ICON=installer/icons/sketchfind.png; fi   # Windows and macOS: no two names that differ by case

MEMORY="-Xmx4g -Dorg.bytedeco.javacpp.maxbytes=8G -Dorg.bytedeco.javacpp.maxphysicalbytes=12G"
# the second launcher: the command line (./sketchfind's engine CLI) inside the installed image
printf 'main-class=org.sketchfind.engine.cli.Main\nlauncher-as-service=false\nwin-console=true\nlinux-shortcut=false\nwin-shortcut=false\nwin-menu=false\njava-options=%s -Dsketchfind.root=$APPDIR\n' \
  "$MEMORY" > "$OUT/cli.properties"
COMMON=(--name Sketchfind --app-version "$APP_VERSION" --vendor "Sketchfind"
  --description "Sketch to find your photos (zero-shot sketch-image hashing), version $VERSION"
  --copyright "Sketchfind authors, Apache-2.0")
if [ "$OS" = linux ]; then
  # Linux: the command line is a script (installer/bin/sketchfind) on the runtime's own java, so that quick
  # commands can start on the client compiler; the runtime keeps its bin/java for it
  LAUNCHERS=(--jlink-options "--strip-debug --no-man-pages --no-header-files")
else
  LAUNCHERS=(--jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands"
    --add-launcher "$CLI=$OUT/cli.properties")
fi
jpackage --type app-image "${COMMON[@]}" --dest "$OUT/image" --icon "$ICON" \
  --input "$INPUT" --main-jar sketchfind-app.jar --main-class org.sketchfind.app.Launcher \
  --add-modules java.base,java.desktop,java.logging,java.management,java.naming,java.prefs,java.scripting,java.sql,java.xml,jdk.management,jdk.unsupported,jdk.zipfs \
  --java-options "$MEMORY -Dsketchfind.root=\$APPDIR" "${LAUNCHERS[@]}"
IMAGE="$(find "$OUT/image" -mindepth 1 -maxdepth 1 | head -1)"
if [ "$OS" = linux ]; then
  install -m 755 installer/bin/sketchfind "$IMAGE/bin/$CLI"
  install -m 755 installer/bin/sketchfind-app "$IMAGE/bin/sketchfind-app"
fi
echo "app image: $IMAGE ($(du -sh "$IMAGE" | cut -f1))" >&2

if [ "$TYPE" != app-image ]; then
  PKG=(--type "$TYPE" "${COMMON[@]}" --app-image "$IMAGE" --dest "$OUT" --icon "$ICON"
    --file-associations installer/ndjson.properties --license-file LICENSE)
  case "$TYPE" in
    deb|rpm)
      # JavaFX's natives (GTK 3 glass, OpenGL prism) and ONNX Runtime's/ND4J's C++ runtime are loaded from jars,
      # where jpackage cannot see them: their libraries are declared here
      DEPS="libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libstdc++6, libgcc-s1, zlib1g"
      [ "$TYPE" = rpm ] && DEPS="gtk3, mesa-libGL, libXtst, libXxf86vm, libstdc++, zlib"
      PKG+=(--linux-package-name sketchfind --install-dir /opt --linux-shortcut --linux-menu-group "Graphics;Photography"
        --linux-app-category graphics --linux-deb-maintainer "sketchfind@users.noreply.invalid"
        --linux-package-deps "$DEPS" --resource-dir installer/linux) ;;
    msi|exe)
      PKG+=(--win-menu --win-menu-group Sketchfind --win-shortcut --win-dir-chooser
        --win-upgrade-uuid 5b0f3c52-4d8e-4a8f-9d0e-2f6c1f7e4a11) ;;
    dmg|pkg)
      PKG+=(--mac-package-identifier org.sketchfind.app --mac-package-name Sketchfind) ;;
  esac
  jpackage "${PKG[@]}"
  ls -la "$OUT"/*."$TYPE" >&2
fi
