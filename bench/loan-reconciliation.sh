#!/usr/bin/env bash
# Runs the nightly loan-reconciliation job in the real server over a network's open loans (default 5,000,000) in a
# throw-away embedded PostgreSQL, and prints the job's own figures beside PostgreSQL's set-based floor. Usage, from the
# project root: bash bench/loan-reconciliation.sh [open-loans]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f server-config/target/ill-server-launcher.jar ] || [ ! -f ill-ear/target/ill.ear ]; then
  mvn -B -q -DskipTests package
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "server-config/target/ill-server.jar:server-config/target/lib/*" \
  bench/LoanReconciliationBench.java "$@"
