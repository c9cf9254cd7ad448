#!/usr/bin/env bash
# Prepares DJL's PyTorch JNI source for build.sh: the native sources of a DJL checkout and the JNI
# headers that javac generates from DJL's PyTorchLibrary.java. Needs a JDK and the DJL api jar in
# ~/.m2 (any ./mvnw build fetched it); the result builds on a machine with only CMake and a C++
# compiler, e.g. a GPU machine with no Java.
#
#   prepare-source.sh DJL_CHECKOUT OUT_DIR
#
#   DJL_CHECKOUT  a checkout of https://github.com/deepjavalibrary/djl at the tag of the DJL
#                 version in pom.xml (git clone --branch v0.35.1 …); nothing of it is committed here
#   OUT_DIR       created: the source tree build.sh compiles
set -euo pipefail
if [[ $# -ne 2 ]]; then
  sed -n '2,12p' "$0" >&2
  exit 2
fi
DJL=$(cd "$1" && pwd)
OUT=$2
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
NATIVE=$DJL/engines/pytorch/pytorch-native
ENGINE=$DJL/engines/pytorch/pytorch-engine/src/main/java
# javac of JAVA_HOME, or the one on the PATH
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}

DJL_VERSION=$(sed -n 's:.*<djl.version>\(.*\)</djl.version>.*:\1:p' "$REPO/pom.xml" | head -1)
API_JAR=$HOME/.m2/repository/ai/djl/api/$DJL_VERSION/api-$DJL_VERSION.jar
[[ -f $API_JAR ]] || { echo "prepare-source.sh: $API_JAR missing; run ./mvnw -B -q compile" >&2; exit 1; }
for f in "$NATIVE/CMakeLists.txt" "$ENGINE/ai/djl/pytorch/jni/PyTorchLibrary.java"; do
  [[ -f $f ]] || { echo "prepare-source.sh: $f not found: is $DJL a DJL checkout?" >&2; exit 1; }
done

# DJL's CMakeLists expects its source tree layout: pytorch-native beside ../../../api.
rm -rf "$OUT"
mkdir -p "$OUT/engines/pytorch/pytorch-native" "$OUT/api/src/main"
cp -r "$NATIVE/src" "$NATIVE/CMakeLists.txt" "$OUT/engines/pytorch/pytorch-native/"
cp -r "$DJL/api/src/main/native" "$OUT/api/src/main/"
CLASSES=$(mktemp -d)
trap 'rm -rf "$CLASSES"' EXIT
"$JAVA_HOME/bin/javac" -cp "$API_JAR" -sourcepath "$ENGINE" \
  "$ENGINE/ai/djl/pytorch/jni/PyTorchLibrary.java" \
  -h "$OUT/engines/pytorch/pytorch-native/build/include" -d "$CLASSES"
echo "$DJL_VERSION" > "$OUT/DJL_VERSION"
echo "prepared DJL $DJL_VERSION's JNI source in $OUT"
