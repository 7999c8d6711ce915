#!/usr/bin/env bash
# Help-box load: 1,000 open WebSockets each asking one question against a gateway started here.
# Usage: gateway/bench/web-load.sh [CONVERSATIONS]   (run from the repository root, as a normal user or root)
# Prints messages/s and latency percentiles from the load client, then the gateway's heap.
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-1000}
mvn -B -q -DskipTests package
mvn -B -q -pl gateway -am test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
work=$(mktemp -d /tmp/banban-load.XXXX)
python3 - "$work/questions.txt" <<'PY'
import json, sys
with open("seeds/faq.jsonl", encoding="utf-8") as f, open(sys.argv[1], "w", encoding="utf-8") as out:
    for line in f:
        e = json.loads(line)
        for q in [e["question"]] + e["similar"]:
            out.write(q + "\n")
PY
port=${BANBAN_LOAD_PORT:-18080}
if curl -s -o /dev/null "http://127.0.0.1:$port/health/live"; then echo "port $port is busy: stop what runs there first" >&2; exit 1; fi
gw=""
cleanup() { [ -n "$gw" ] && kill -TERM "$gw" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
run() { if [ "$(id -u)" -eq 0 ]; then ./banban jar "$@"; else java -jar gateway/target/banban.jar "$@"; fi; }
[ "$(id -u)" -eq 0 ] && { id banban >/dev/null 2>&1 || ./banban jar --help >/dev/null; chown -R banban: "$work"; }
BANBAN_HTTP_PORT=$port BANBAN_DATA_DIR=$work/data BANBAN_RATE_CONVERSATIONS_PER_MINUTE=100000 \
  BANBAN_RATE_MESSAGES_PER_MINUTE=100000 BANBAN_HTTP_HOST=127.0.0.1 JAVA_OPTS="-Xmx1g" run > "$work/gateway.log" 2>&1 &
for i in $(seq 1 180); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break; sleep 1; done
gw=$(pgrep -f "java.*-jar gateway/target/banban.jar" | tail -1)
as_owner() { if [ "$(id -u)" -eq 0 ]; then runuser -u banban -- "$@"; else "$@"; fi; }
java -Xmx1g -cp "gateway/target/test-classes:gateway/target/classes:$(cat gateway/target/test.classpath)" \
  banban.gateway.bench.ConversationLoad "$port" "$n" "$work/questions.txt"
echo "gateway heap after the run:"
as_owner jcmd "$gw" GC.heap_info | sed -n '1,6p' || true
