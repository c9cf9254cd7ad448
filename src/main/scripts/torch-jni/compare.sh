#!/usr/bin/env bash
# Proves a self-built JNI (build.sh) against the bundled native library: the same seeded training
# run and the same evaluation under both, side by side.
#
#   compare.sh TORCH_DIR TORCH_VERSION WORK_DIR [FASHION_MNIST_DIR]
#
# TORCH_DIR is build.sh's OUT_DIR. Needs the packaged app (./mvnw -B package -DskipTests) and
# Fashion-MNIST (Debian's dataset-fashion-mnist). Prints both runs' losses and mAP and their
# largest relative difference.
set -euo pipefail
if [[ $# -lt 3 ]]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
TORCH=$(cd "$1" && pwd)
VERSION=$2
WORK=$(mkdir -p "$3" && cd "$3" && pwd)
DATA=${4:-/usr/share/datasets/fashion-mnist}
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../../.." && pwd)
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
# the JNI loader's own log says which libtorch and JNI each run loaded
APP=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector -Xmx4g
  '-Dquarkus.log.category."ai.djl.pytorch.jni".level=DEBUG' -jar "$REPO/target/quarkus-app/quarkus-run.jar")
TRAIN=(train --data fashion-mnist:train --data-dir "$DATA" --max-images 3000 --size 28
  --channels 1 --epochs 2 --seed 42)
EVAL=(evaluate --data-dir "$DATA" --queries 300 --no-index --json)

run() { # name, then env assignments for the run
  local name=$1
  shift
  echo "== $name"
  env "$@" "$JAVA" "${APP[@]}" "${TRAIN[@]}" --out "$WORK/$name" 2>&1 \
    | grep -E "^(training|epoch|wrote)|Loading native library" | sed 's/^.*(main) //' 
  env "$@" "$JAVA" "${APP[@]}" "${EVAL[@]}" --model "$WORK/$name" > "$WORK/$name.eval.json"
}
run bundled
run self-built PYTORCH_LIBRARY_PATH="$TORCH" PYTORCH_VERSION="$VERSION" PYTORCH_FLAVOR=cpu

python3 - "$WORK" <<'PY'
import json, sys
work = sys.argv[1]
def losses(name):
    history = json.load(open(f"{work}/{name}/model.json"))["training"]["history"]
    return [e["trainLoss"] for e in history] + [e["validationLoss"] for e in history]
def maps(name):
    rows = [json.loads(l) for l in open(f"{work}/{name}.eval.json") if l.startswith("{")]
    return {r["method"]: r["mapAt1000"] for r in rows}
a, b = losses("bundled"), losses("self-built")
print("losses (train per epoch, then validation):")
print("  bundled    ", " ".join(f"{x:.6f}" for x in a))
print("  self-built ", " ".join(f"{x:.6f}" for x in b))
print("  largest relative difference %.2e" % max(abs(x - y) / abs(x) for x, y in zip(a, b)))
ma, mb = maps("bundled"), maps("self-built")
for name in ma:
    print(f"  mAP@1000 {name:36s} bundled {ma[name]:.4f}  self-built {mb.get(name, float('nan')):.4f}")
PY
