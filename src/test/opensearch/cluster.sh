#!/usr/bin/env bash
# A real two-node OpenSearch cluster (with the k-NN plugin) on loopback for the integration tests.
# Maven runs `start` before the integration tests and `stop` after them; the fault test uses
# `kill` and `start-node`. Nothing is downloaded here: the zips come from Maven Central through the
# dependency plugin, into target/opensearch.
#
#   cluster.sh start <target/opensearch> <version> <http port base> <transport port base>
#   cluster.sh stop <target/opensearch>
#   cluster.sh kill <target/opensearch> <node 1|2>        (kill -9)
#   cluster.sh start-node <target/opensearch> <node 1|2>
set -euo pipefail

command=$1
state=$(realpath "$2")
HEAP=${OPENSEARCH_TEST_HEAP:-512m}
GREEN_TIMEOUT_S=${OPENSEARCH_TEST_TIMEOUT:-240}

fail() {
  echo "opensearch test cluster: $*" >&2
  exit 1
}

# OpenSearch refuses to run as root: when the build runs as root, the nodes run as nobody in a
# directory nobody can reach (the checkout's parents may not be).
as_node_user() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"
  else
    "$@"
  fi
}


start_node() {
  local n=$1 home dist java
  home=$(cat "$state/home")
  dist=$(cat "$state/dist")
  java=${OPENSEARCH_JAVA_HOME:-${JAVA_HOME:-}}
  [ -n "$java" ] || fail "set JAVA_HOME (or OPENSEARCH_JAVA_HOME) to a JDK 21+"
  env OPENSEARCH_PATH_CONF="$home/n$n/config" OPENSEARCH_JAVA_HOME="$java" \
    OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP" \
    setsid bash -c "$(declare -f as_node_user); as_node_user '$dist/bin/opensearch' -p '$home/n$n/pid' -q" \
    >"$home/n$n/logs/console.log" 2>&1 </dev/null &
}

wait_green() {
  local port=$1 deadline=$((SECONDS + GREEN_TIMEOUT_S))
  while [ $SECONDS -lt $deadline ]; do
    if curl -fsS "http://127.0.0.1:$port/_cluster/health?wait_for_status=green&wait_for_nodes=2&timeout=5s" 2>/dev/null | grep -q '"status":"green"'; then
      return 0
    fi
    sleep 2
  done
  local home
  home=$(cat "$state/home")
  for n in 1 2; do
    echo "---- node $n log (last 40 lines)" >&2
    tail -40 "$home/n$n/logs/console.log" "$home/n$n/logs/lookalike-test.log" 2>/dev/null >&2 || true
  done
  fail "no green two-node cluster after ${GREEN_TIMEOUT_S}s"
}

case "$command" in
start)
  version=$3
  http=$4
  transport=$5
  command -v curl >/dev/null || fail "curl is required (apt-get install curl)"
  command -v unzip >/dev/null || fail "unzip is required (apt-get install unzip)"
  [ -f "$state/opensearch-$version.zip" ] || fail "missing $state/opensearch-$version.zip (run through Maven)"
  for port in $http $((http + 1)) $transport $((transport + 1)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "port $port is in use: is another test cluster running? ($0 stop $state)"
    fi
  done
  home=$(mktemp -d "${TMPDIR:-/tmp}/lookalike-opensearch.XXXXXX")
  chmod 755 "$home"
  echo "$home" >"$state/home"
  unzip -q "$state/opensearch-$version.zip" -d "$home"
  dist="$home/opensearch-$version"
  echo "$dist" >"$state/dist"
  knn=$(ls "$state"/opensearch-knn-*.zip)
  OPENSEARCH_JAVA_HOME=${OPENSEARCH_JAVA_HOME:-$JAVA_HOME} "$dist/bin/opensearch-plugin" install -b -s "file://$knn" >/dev/null
  for n in 1 2; do
    mkdir -p "$home/n$n/data" "$home/n$n/logs"
    cp -r "$dist/config" "$home/n$n/config"
    cat >>"$home/n$n/config/opensearch.yml" <<YAML
cluster.name: lookalike-test
node.name: n$n
path.data: $home/n$n/data
path.logs: $home/n$n/logs
network.host: 127.0.0.1
http.port: $((http + n - 1))
transport.port: $((transport + n - 1))
discovery.seed_hosts: ["127.0.0.1:$transport", "127.0.0.1:$((transport + 1))"]
cluster.initial_cluster_manager_nodes: ["n1", "n2"]
# test machines run with little free disk: never block writes on the disk watermark
cluster.routing.allocation.disk.threshold_enabled: false
YAML
  done
  if [ "$(id -u)" = 0 ]; then
    chown -R nobody:nogroup "$home"
  fi
  echo "$http" >"$state/http"
  start_node 1
  start_node 2
  wait_green "$http"
  echo "opensearch test cluster green on 127.0.0.1:$http,$((http + 1)) ($home)"
  ;;
stop)
  [ -f "$state/home" ] || exit 0
  home=$(cat "$state/home")
  for n in 1 2; do
    if [ -f "$home/n$n/pid" ]; then
      kill "$(cat "$home/n$n/pid")" 2>/dev/null || true
    fi
  done
  for _ in $(seq 1 30); do
    alive=0
    for n in 1 2; do
      if [ -f "$home/n$n/pid" ] && kill -0 "$(cat "$home/n$n/pid" 2>/dev/null)" 2>/dev/null; then
        alive=1
      fi
    done
    if [ $alive = 0 ]; then
      break
    fi
    sleep 1
  done
  for n in 1 2; do
    if [ -f "$home/n$n/pid" ]; then
      kill -9 "$(cat "$home/n$n/pid")" 2>/dev/null || true
    fi
  done
  # a node killed just now may still be closing files: wait for it, then retry the removal once
  for n in 1 2; do
    for _ in $(seq 1 20); do
      if [ -f "$home/n$n/pid" ] && kill -0 "$(cat "$home/n$n/pid" 2>/dev/null)" 2>/dev/null; then
        sleep 0.5
      else
        break
      fi
    done
  done
  rm -rf "$home" 2>/dev/null || { sleep 2; rm -rf "$home"; }
  rm -f "$state/home"
  ;;
kill)
  home=$(cat "$state/home")
  kill -9 "$(cat "$home/n$3/pid")"
  # the pid file of a killed node stays behind and would make the restarted node refuse to start
  for _ in $(seq 1 20); do
    kill -0 "$(cat "$home/n$3/pid")" 2>/dev/null || break
    sleep 0.5
  done
  rm -f "$home/n$3/pid"
  ;;
start-node)
  start_node "$3"
  ;;
*)
  fail "unknown command $command"
  ;;
esac
