#!/usr/bin/env bash
# Times the union catalogue search at a million records (or the number given) in a throw-away embedded PostgreSQL.
# Usage, from the project root after a build (mvn -B -DskipTests package): bash bench/catalogue-search.sh [records] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f server-config/target/ill-server.jar ] || [ ! -d ill-ejb/target/classes ]; then
  mvn -B -q -DskipTests package
fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "server-config/target/ill-server.jar:server-config/target/lib/*:ill-ejb/target/classes" \
  bench/CatalogueSearchBench.java "$@"
