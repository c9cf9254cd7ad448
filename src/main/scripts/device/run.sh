#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, with .device/ from bundle.sh carried along:
# builds DJL's JNI against the machine's PyTorch, trains the shipped configuration on the GPU
# (and once more with a larger batch), and leaves the model directories and timings in $OUT.
# Rehearse on CPU: DEVICE=cpu, TORCH_CMAKE_PREFIX, TORCH_LIB_DIR and TORCH_VERSION naming a local
# libtorch, and EPOCHS / MAX_IMAGES to make it short.
set -euo pipefail
OUT=${OUT:-$PWD/device-out}
DEVICE=${DEVICE:-gpu}
REPO=$PWD
B=$REPO/.device
W=$(mktemp -d)
mkdir -p "$OUT"
LOG=$OUT/run.log
exec > >(tee -a "$LOG") 2>&1
t0=$(date +%s.%N)
for part in jre app jni; do tar -C "$W" -xJf "$B/$part.tar.xz"; done

# the machine's libtorch: its PyTorch install's, unless TORCH_LIB_DIR names another
if [[ -z ${TORCH_LIB_DIR:-} ]]; then
  TORCH_DIR=$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))')
  TORCH_LIB_DIR=$TORCH_DIR/lib
  TORCH_CMAKE_PREFIX=$TORCH_DIR/share/cmake
  TORCH_VERSION=$(python3 -c 'import torch; print(torch.__version__.split("+")[0])')
fi
VERSION=$TORCH_VERSION
PREFIX=$TORCH_CMAKE_PREFIX
LIBDIR=$TORCH_LIB_DIR
echo "torch $VERSION in $LIBDIR"
command -v nvidia-smi > /dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader
JNI_INCLUDE=$W/jni-include bash "$REPO/src/main/scripts/torch-jni/build.sh" \
  "$W/jni-src" "$PREFIX" "$LIBDIR" "$VERSION" "$W/torch"
t1=$(date +%s.%N)
echo "unpack and JNI build: $(python3 -c "print(round($t1 - $t0, 1))") s"

FLAVOR=cpu
[[ -f $LIBDIR/libtorch_cuda.so ]] && FLAVOR=cu$(python3 -c 'import torch; print((torch.version.cuda or "").replace(".", ""))')
train() { # out dir, then extra options
  local out=$1
  shift
  local start
  start=$(date +%s.%N)
  PYTORCH_LIBRARY_PATH=$W/torch PYTORCH_VERSION=$VERSION PYTORCH_FLAVOR=$FLAVOR \
    "$W/jre/bin/java" --enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx8g \
    -cp "$W/app/*" dev.lookalike.cli.StandaloneTrain \
    --data fashion-mnist:train --data-dir "$B/data" --out "$out" --epochs "${EPOCHS:-10}" \
    --noise saltpepper:0.1 --contrastive 1:0.2 --view-crop 0.5 --view-jitter 0.4 --seed 42 \
    --device "$DEVICE" "$@"
  echo "$(basename "$out"): $(python3 -c "print(round($(date +%s.%N) - $start, 1))") s wall"
}
# the shipped configuration as it is (batch 128), then the batch a GPU wants
train "$OUT/model-b128" ${MAX_IMAGES:+--max-images $MAX_IMAGES}
train "$OUT/model-b1024" --batch 1024 ${MAX_IMAGES:+--max-images $MAX_IMAGES}
echo "total: $(python3 -c "print(round($(date +%s.%N) - $t0, 1))") s"
