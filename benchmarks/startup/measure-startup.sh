#!/usr/bin/env bash
# Start-up harness: starts the node jar N times (fresh data dir each time) and reports the wall time from
# `java -jar` to the first 200 from GET /api/v1/node, plus the node jar size.
# Usage: benchmarks/startup/measure-startup.sh [runs=5] [role=dev-node]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}
ROLE=${2:-dev-node}
JAR=runtime/target/haca-node.jar
[ -f "$JAR" ] || { echo "build first: mvn -B install -DskipTests" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])')
export HACA_ADMIN_PASSWORD=startup-benchmark-secret
times=()
for i in $(seq 1 "$RUNS"); do
  dir=$(mktemp -d)
  t0=$(date +%s%N)
  java -jar "$PWD/$JAR" --role "$ROLE" --http-port "$PORT" --rpc-port 0 --data-dir "$dir/data" --plugins-dir "$dir/plugins" \
    >"$dir/node.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://localhost:$PORT/api/v1/node"; do
    kill -0 $pid 2>/dev/null || { cat "$dir/node.log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
  kill -TERM $pid; wait $pid || true
  rm -rf "$dir"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "role=$ROLE runs=$RUNS startup_ms=[${times[*]}] median_ms=${sorted[$(( RUNS / 2 ))]}"
echo "jar=$JAR size_bytes=$(stat -c %s "$JAR") size_mib=$(awk "BEGIN{printf \"%.1f\", $(stat -c %s "$JAR")/1048576}")"
