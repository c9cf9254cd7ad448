#!/usr/bin/env bash
# Builds DJL's PyTorch JNI (libdjl_torch.so) against a libtorch of your choice, e.g. a CUDA one, so
# that `lookalike train` runs on that libtorch. Needs CMake and a C++ compiler, no Java.
#
#   build.sh SOURCE_DIR TORCH_CMAKE_PREFIX TORCH_LIB_DIR TORCH_VERSION OUT_DIR
#
#   SOURCE_DIR          what prepare-source.sh made
#   TORCH_CMAKE_PREFIX  where Torch's CMake package lives (a libtorch zip's root; a wheel's
#                       torch/share/cmake; Debian's /usr/lib/x86_64-linux-gnu/cmake)
#   TORCH_LIB_DIR       the directory of libtorch.so (libtorch/lib; torch/lib; Debian's
#                       /usr/lib/x86_64-linux-gnu)
#   TORCH_VERSION       its version, e.g. 2.7.1, 2.11.0, 1.13.1 (Debian 12's libtorch-dev)
#   OUT_DIR             created: links to libtorch's files, and the JNI beside them
#
# Then run Lookalike on it (DJL looks for the JNI beside libtorch.so first):
#   PYTORCH_LIBRARY_PATH=OUT_DIR PYTORCH_VERSION=TORCH_VERSION PYTORCH_FLAVOR=cpu|cu128 \
#     java … -jar target/quarkus-app/quarkus-run.jar train … --device gpu
set -euo pipefail
if [[ $# -ne 5 ]]; then
  sed -n '2,17p' "$0" >&2
  exit 2
fi
SOURCE=$(cd "$1" && pwd)
PREFIX=$2
LIBDIR=$3
VERSION=$4
OUT=$(mkdir -p "$5" && cd "$5" && pwd)
[[ -f $SOURCE/DJL_VERSION ]] || { echo "build.sh: $SOURCE is not from prepare-source.sh" >&2; exit 1; }
[[ -f $LIBDIR/libtorch.so ]] || { echo "build.sh: no libtorch.so in $LIBDIR" >&2; exit 1; }
DJL_VERSION=$(cat "$SOURCE/DJL_VERSION")

# The JNI's C++ has two API levels; DJL's own build picks V1_13_X for torch 1.13.1 to 2.1.
PT_VERSION=""
if [[ $VERSION == 1.13.* || $VERSION == 2.0.* || $VERSION == 2.1.* ]]; then
  PT_VERSION=V1_13_X
fi
CUDA=""
if [[ -f $LIBDIR/libtorch_cuda.so ]]; then
  CUDA=1
fi

BUILD=$(mktemp -d)
trap 'rm -rf "$BUILD"' EXIT
cp -r "$SOURCE/." "$BUILD/"
mkdir -p "$BUILD/engines/pytorch/pytorch-native/build"
cd "$BUILD/engines/pytorch/pytorch-native/build"
# FindJNI wants a JDK's headers, which a machine without Java lacks: the JNI's own headers were
# generated already, and jni.h comes from any JDK include directory given in JNI_INCLUDE.
JNI_ARGS=()
if [[ -n ${JNI_INCLUDE:-} ]]; then
  JNI_ARGS=(-DJAVA_INCLUDE_PATH="$JNI_INCLUDE" -DJAVA_INCLUDE_PATH2="$JNI_INCLUDE/linux"
    -DJAVA_JVM_LIBRARY=NotNeeded)
fi
cmake -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH="$PREFIX" -DPT_VERSION="$PT_VERSION" \
  -DUSE_CUDA="$CUDA" "${JNI_ARGS[@]}" .. > cmake.log
cmake --build . --config Release -- -j "$(nproc)"

# DJL loads libtorch.so and the JNI from one directory: link libtorch's files in.
for lib in "$LIBDIR"/lib{c10,torch,torch_cpu,torch_cuda,c10_cuda,torch_global_deps}.so; do
  if [[ -e $lib ]]; then
    ln -sf "$lib" "$OUT/"
  fi
done
cp libdjl_torch.so "$OUT/$DJL_VERSION-libdjl_torch.so"
echo "built $OUT/$DJL_VERSION-libdjl_torch.so against torch $VERSION${CUDA:+ (CUDA)}"
