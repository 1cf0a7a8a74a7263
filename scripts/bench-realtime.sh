#!/usr/bin/env bash
# Real-time re-checks measured with a fast SQS: ElasticMQ (an in-memory SQS-compatible server, resolved once through
# Maven into .vigil/elasticmq) holds the queue, moto the account, and the rate-limit proxy (AWSPROXY, default
# ../shared/tools/awsproxy.py when it exists) paces the account's calls as AWS does.
#   scripts/bench-realtime.sh [vigil bench-realtime options, e.g. --tables 1000 --events 10000]
set -euo pipefail
source "$(dirname "$0")/env.sh"
lib="$VIGIL_ROOT/.vigil/elasticmq/lib"
if [ ! -d "$lib" ]; then
  echo "Fetching ElasticMQ into $lib (once) ..." >&2
  "$VIGIL_ROOT/mvnw" -q -B -f "$VIGIL_ROOT/scripts/elasticmq/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$lib" >&2
fi
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
conf="$(mktemp)"
log="$VIGIL_ROOT/.vigil/elasticmq.log"
cat > "$conf" <<CONF
include classpath("application.conf")
node-address { protocol = "http", host = "127.0.0.1", port = $port, context-path = "" }
rest-sqs { enabled = true, bind-port = $port, bind-hostname = "127.0.0.1", sqs-limits = strict }
rest-stats { enabled = false }
aws { region = "us-east-1", accountId = "123456789012" }
CONF
"$JAVA" -Xmx512m -Dconfig.file="$conf" -cp "$lib/*" org.elasticmq.server.Main >"$log" 2>&1 &
mq=$!
trap 'kill "$mq" 2>/dev/null; rm -f "$conf"' EXIT
for _ in $(seq 1 120); do
  if grep -q "started in" "$log"; then break; fi
  kill -0 "$mq" 2>/dev/null || { echo "ElasticMQ did not start; see $log" >&2; exit 2; }
  sleep 0.5
done
proxy=()
awsproxy="${AWSPROXY:-$VIGIL_ROOT/../shared/tools/awsproxy.py}"
if [ -f "$awsproxy" ]; then proxy=(--aws-proxy "$awsproxy"); fi
"$VIGIL_ROOT/vigil" bench-realtime --sqs-endpoint "http://127.0.0.1:$port" "${proxy[@]}" "$@"
