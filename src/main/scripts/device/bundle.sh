#!/usr/bin/env bash
# Packs what a GPU machine with no network and no Java needs to train the shipped configuration,
# into .device/ at the repository root (git-ignored; the device tool carries it, 64 MiB in all):
# a jlinked JRE, the few jars `train` needs (StandaloneTrain: no Quarkus, no bundled libtorch),
# DJL's JNI source with its generated headers (built there against the machine's own PyTorch),
# and Fashion-MNIST's training split. run.sh is what runs there.
#
#   bundle.sh DJL_CHECKOUT [FASHION_MNIST_DIR]
set -euo pipefail
if [[ $# -lt 1 ]]; then
  sed -n '2,8p' "$0" >&2
  exit 2
fi
DJL=$1
DATA=${2:-/usr/share/datasets/fashion-mnist}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
export JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
OUT=$REPO/.device
LIB=$REPO/target/quarkus-app/lib/main
[[ -d $LIB && -d $REPO/target/classes/dev ]] || { echo "bundle.sh: run ./mvnw -B package -DskipTests first" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/data"
STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT

# the runtime: only the modules train uses; xz over an uncompressed image packs smallest
"$JAVA_HOME/bin/jlink" --add-modules java.base,java.logging,java.management,java.naming,java.xml,java.sql,jdk.unsupported,jdk.incubator.vector \
  --strip-debug --no-man-pages --no-header-files --compress zip-0 --output "$STAGE/jre" 2>/dev/null
tar -C "$STAGE" -cf - jre | xz -9 -T2 > "$OUT/jre.tar.xz"

# the class path of StandaloneTrain
mkdir -p "$STAGE/app"
jar --create --file "$STAGE/app/lookalike.jar" -C "$REPO/target/classes" dev
for pattern in info.picocli.picocli- ai.djl.api- ai.djl.pytorch.pytorch-engine- net.java.dev.jna.jna- \
  com.fasterxml.jackson.core.jackson- com.google.code.gson.gson- org.slf4j.slf4j-api- \
  org.apache.commons.commons-compress- commons-io.commons-io- org.ejml.ejml- \
  org.apache.lucene.lucene-core-; do
  cp "$LIB"/"$pattern"*.jar "$STAGE/app/" 2>/dev/null || true
done
tar -C "$STAGE" -cf - app | xz -9 -T2 > "$OUT/app.tar.xz"

# DJL's JNI source and the JDK's jni.h, to build against the machine's torch
bash "$REPO/src/main/scripts/torch-jni/prepare-source.sh" "$DJL" "$STAGE/jni-src" > /dev/null
mkdir -p "$STAGE/jni-include/linux"
cp "$JAVA_HOME/include/jni.h" "$STAGE/jni-include/"
cp "$JAVA_HOME/include/linux/jni_md.h" "$STAGE/jni-include/linux/"
tar -C "$STAGE" -cf - jni-src jni-include | xz -9 -T2 > "$OUT/jni.tar.xz"

cp "$DATA"/train-images-idx3-ubyte.gz "$DATA"/train-labels-idx1-ubyte.gz "$OUT/data/"
du -sh "$OUT"/* | sed 's/^/  /'
echo "bundle in $OUT: $(du -sb "$OUT" | cut -f1) bytes"
