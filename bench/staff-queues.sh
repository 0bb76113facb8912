#!/usr/bin/env bash
# Times the back office's queues at a million requests (borrowing) and a million lending records, in a throw-away
# embedded PostgreSQL. Usage, from the project root: bash bench/staff-queues.sh [requests] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f server-config/target/ill-server.jar ] || [ ! -d ill-ejb/target/classes ]; then
  mvn -B -q -DskipTests package
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "server-config/target/ill-server.jar:server-config/target/lib/*:ill-ejb/target/classes" \
  bench/StaffQueueBench.java "$@"
