#!/usr/bin/env bash
# Times the cooperation-report job's statements over a year of requests (default 10,000,000) in a throw-away embedded
# PostgreSQL, with PostgreSQL's bare aggregates as the floor. Usage, from the project root:
#   bash bench/cooperation-report.sh [requests]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f server-config/target/ill-server.jar ] || [ ! -d ill-ejb/target/classes ]; then
  mvn -B -q -DskipTests package
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "server-config/target/ill-server.jar:server-config/target/lib/*:ill-ejb/target/classes" \
  bench/CooperationReportBench.java "$@"
