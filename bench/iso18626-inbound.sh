#!/usr/bin/env bash
# Inbound ISO 18626 throughput over HTTP with durable commits, next to pgbench -N on the same PostgreSQL server.
#
# Starts OpenILL (launcher, embedded PostgreSQL) on a fresh data folder with the demo network and no demo activity,
# warms up, tries a few client counts briefly, measures the best one for a fixed time with bench/Iso18626Load.java,
# then runs pgbench -N with as many clients for as long on a scratch database of the same server, prints messages/s,
# p50/p99 and the ratio to pgbench's transactions/s, and stops the server.
#
# Usage, from the project root after a build (mvn -B -DskipTests package; done here if nothing is built):
#   bash bench/iso18626-inbound.sh
# Settings (environment): CLIENTS="4 8 16" (client counts tried), TRIAL_SECONDS=15 (each try), WARMUP_SECONDS=30,
#   MEASURE_SECONDS=60 (the measured run, and pgbench -T), PGBENCH_SCALE=10, BENCH_DB_PORT=15433,
#   MIX="request=40,notification=25,status=25,cancel=10".
# Needs: JDK 17+, pgbench and psql (Debian: apt-get install postgresql-client), ports 8080, 9990 and BENCH_DB_PORT free.
set -euo pipefail
cd "$(dirname "$0")/.."

CLIENTS=${CLIENTS:-"4 8 16"}
TRIAL_SECONDS=${TRIAL_SECONDS:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-30}
MEASURE_SECONDS=${MEASURE_SECONDS:-60}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
BENCH_DB_PORT=${BENCH_DB_PORT:-15433}
MIX=${MIX:-"request=40,notification=25,status=25,cancel=10"}
TARGET_RATE=900
TARGET_P99_MS=50

missing=()
command -v java >/dev/null || missing+=("java (JDK 17 or later)")
command -v pgbench >/dev/null || missing+=("pgbench (Debian: apt-get install postgresql-client)")
command -v psql >/dev/null || missing+=("psql (Debian: apt-get install postgresql-client)")
command -v curl >/dev/null || missing+=("curl")
if [ ${#missing[@]} -gt 0 ]; then
  echo "This benchmark needs: ${missing[*]}" >&2
  exit 2
fi
if [ ! -f server-config/target/ill-server-launcher.jar ] || [ ! -f ill-ear/target/ill.ear ]; then
  mvn -B -q -DskipTests package
fi

DATA=$(mktemp -d "${TMPDIR:-/tmp}/ill-bench-iso18626.XXXXXX")
LAUNCHER=
PARTNER=
finished=false
stop_server() {
  if [ -n "$PARTNER" ] && kill -0 "$PARTNER" 2>/dev/null; then
    kill -TERM "$PARTNER"
    wait "$PARTNER" 2>/dev/null || true
  fi
  PARTNER=
  if [ -n "$LAUNCHER" ] && kill -0 "$LAUNCHER" 2>/dev/null; then
    echo "Stopping the server ..."
    kill -TERM "$LAUNCHER" # the launcher stops WildFly, then the embedded PostgreSQL, and waits for both
    wait "$LAUNCHER" 2>/dev/null || true
  fi
  LAUNCHER=
  if $finished; then
    rm -rf "$DATA"
  else
    echo "Logs and data kept for a look: $DATA (launcher.out, log/server.log)" >&2
  fi
}
trap stop_server EXIT

# ZZ-EXT's system: the answers OpenILL sends it (StatusRequestResponse, CancelResponse) are confirmed, as a partner
# that is up confirms them, rather than tried again and again
if ! (exec 3<>/dev/tcp/127.0.0.1/8099) 2>/dev/null; then
  java bench/Iso18626Partner.java 8099 >"$DATA/partner.out" 2>&1 &
  PARTNER=$!
  echo "== ZZ-EXT's stand-in (bench/Iso18626Partner.java) confirms what OpenILL sends it, on port 8099"
else
  echo "== Port 8099 is taken: whatever listens there plays ZZ-EXT"
fi

echo "== Starting OpenILL on a fresh data folder ($DATA), embedded PostgreSQL on port $BENCH_DB_PORT, no demo activity"
# the embedded database, whatever this shell has configured: a fresh one, on whose server pgbench runs too
env -u ILL_DB_URL -u ILL_DB_USER -u ILL_DB_PASSWORD -u ILL_DB_APP_USER -u ILL_DB_APP_PASSWORD \
  ILL_DATA_DIR="$DATA" ILL_EMBEDDED_DB_PORT="$BENCH_DB_PORT" ILL_DEMO_DATA=true ILL_DEMO_ACTIVITY=false \
  java -jar server-config/target/ill-server-launcher.jar >"$DATA/launcher.out" 2>&1 &
LAUNCHER=$!
for _ in $(seq 1 600); do
  if ! kill -0 "$LAUNCHER" 2>/dev/null; then
    echo "The server did not start:" >&2
    cat "$DATA/launcher.out" >&2
    LAUNCHER=
    exit 1
  fi
  if curl -fsS http://localhost:9990/health/ready 2>/dev/null | grep -q '"UP"' \
      && grep -q "OpenILL is ready" "$DATA/launcher.out"; then
    break
  fi
  sleep 1
done
grep -m1 "OpenILL is ready" "$DATA/launcher.out" || { echo "Not ready after 10 minutes" >&2; exit 1; }

PGPASSWORD=$(sed -n 's/^postgres=//p' "$DATA/postgres-credentials.properties")
export PGPASSWORD PGHOST=127.0.0.1 PGPORT=$BENCH_DB_PORT PGUSER=postgres
APP_PASSWORD=$(sed -n 's/^ill_app=//p' "$DATA/postgres-credentials.properties")
export PGOPTIONS='-c client_min_messages=warning'
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }

echo
echo "== PostgreSQL as the application uses it (role ill_app, database ill)"
PGPASSWORD=$APP_PASSWORD PGUSER=ill_app sql -d ill -F ' ' -c "SELECT 'server_version', current_setting('server_version')
  UNION ALL SELECT name, setting || ' (' || source || ')' FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections')" \
  | sed 's/^/  /'
overrides=$(sql -d ill -c "SELECT count(*) FROM pg_db_role_setting")
echo "  per-role or per-database overrides: $overrides"
durable=$(PGPASSWORD=$APP_PASSWORD PGUSER=ill_app sql -d ill -c \
  "SELECT current_setting('fsync') = 'on' AND current_setting('synchronous_commit') = 'on'")
if [ "$durable" != "t" ]; then
  echo "fsync and synchronous_commit must both be on for this benchmark" >&2
  exit 1
fi
echo "  Host: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo) memory"

POSTMASTER=$(head -1 "$DATA/postgres/postmaster.pid")
load() { # clients warmup seconds
  java bench/Iso18626Load.java --clients "$1" --warmup "$2" --seconds "$3" --mix "$MIX" --run "c$1w$2s$3r$RANDOM" \
    --cpu "WildFly=$LAUNCHER,PostgreSQL=$POSTMASTER" --clk-tck "$(getconf CLK_TCK)"
}
result() { # the RESULT line's value of a key
  sed -n "s/^RESULT .*\b$1=\([^ ]*\).*/\1/p" <<<"$2"
}

echo
echo "== Warm-up: ${WARMUP_SECONDS} s with 8 clients (not measured)"
load 8 0 "$WARMUP_SECONDS" | grep '^RESULT' | sed 's/^RESULT/  warm-up:/'

echo
echo "== Trying client counts $CLIENTS, ${TRIAL_SECONDS} s each (after 5 s of their own warm-up)"
best=
best_rate=0
best_ok=false
for clients in $CLIENTS; do
  out=$(load "$clients" 5 "$TRIAL_SECONDS")
  rate=$(result rate "$out")
  p99=$(result p99 "$out")
  errors=$(result errors "$out")
  echo "  $clients clients: $rate messages/s, p99 $p99 ms, $errors errors"
  # the best is the fastest without errors and within the p99 target; if none is, the fastest without errors
  ok=$(awk -v e="$errors" -v p="$p99" -v t="$TARGET_P99_MS" 'BEGIN { print (e == 0 && p < t) ? "true" : "false" }')
  better=$(awk -v r="$rate" -v b="$best_rate" 'BEGIN { print (r > b) ? "true" : "false" }')
  if [ "$errors" = "0" ] && { { $ok && ! $best_ok; } || { [ "$ok" = "$best_ok" ] && $better; }; }; then
    best=$clients best_rate=$rate best_ok=$ok
  fi
done
if [ -z "$best" ]; then
  echo "Every client count had errors: no valid figure." >&2
  exit 1
fi
echo "  chosen: $best clients"

wal_before=$(sql -d ill -c "SELECT wal_sync FROM pg_stat_wal")
commits_before=$(sql -d ill -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'ill'")
echo
echo "== Measured run: $best clients, ${MEASURE_SECONDS} s (after 5 s of warm-up)"
out=$(load "$best" 5 "$MEASURE_SECONDS")
echo "$out" | sed 's/^/  /'
wal_syncs=$(( $(sql -d ill -c "SELECT wal_sync FROM pg_stat_wal") - wal_before ))
commits=$(( $(sql -d ill -c "SELECT xact_commit FROM pg_stat_database WHERE datname = 'ill'") - commits_before ))
rate=$(result rate "$out")
p50=$(result p50 "$out")
p99=$(result p99 "$out")
errors=$(result errors "$out")
messages=$(result messages "$out")
slowest=$(result slowest10s "$out")
echo "  in database ill during the run (its 5 s warm-up included): $commits transactions (read-only ones and"
echo "  connection checks included), $wal_syncs WAL syncs to disk"
echo "  lender's records from ZZ-EXT by state: $(sql -d ill -c "SELECT string_agg(state || ' ' || n, ', ')
  FROM (SELECT state, count(*) n FROM supplier_request WHERE requesting_agency_value = 'ZZ-EXT' GROUP BY state) s")"
echo "  messages sent to ZZ-EXT by delivery state: $(sql -d ill -c "SELECT string_agg(state || ' ' || n, ', ')
  FROM (SELECT state, count(*) n FROM outbound_message WHERE receiver_value = 'ZZ-EXT' GROUP BY state) s")"

echo
echo "== pgbench -N on the same PostgreSQL server: scratch database, scale $PGBENCH_SCALE, $best clients, ${MEASURE_SECONDS} s"
sql -d postgres -c "DROP DATABASE IF EXISTS pgbench_scratch" -c "CREATE DATABASE pgbench_scratch"
pgbench -i -q -s "$PGBENCH_SCALE" pgbench_scratch 2>&1 | tail -1 | sed 's/^/  /'
threads=$(( best < $(nproc) ? best : $(nproc) ))
pgout=$(pgbench -N -c "$best" -j "$threads" -T "$MEASURE_SECONDS" pgbench_scratch 2>&1)
echo "$pgout" | grep -E "^(latency average|tps|number of failed)" | sed 's/^/  /'
tps=$(sed -n 's/^tps = \([0-9.]*\) .*without initial connection time.*/\1/p' <<<"$pgout")
sql -d postgres -c "DROP DATABASE pgbench_scratch"

ratio=$(awk -v r="$rate" -v t="$tps" 'BEGIN { printf "%.3f (%.1f %%)", r / t, 100 * r / t }')
tps=$(awk -v t="$tps" 'BEGIN { printf "%.1f", t }')
cpu=$(sed -n 's/^CPU used in the measured \([0-9]*\) s.*available): /\1 s: /p' <<<"$out")
verdict() { awk -v ok="$1" 'BEGIN { print ok ? "met" : "NOT met" }'; }
echo
echo "== ISO 18626 inbound, durable commits (fsync on, synchronous_commit on), $(nproc) cores"
echo "  clients:            $best (tried: $CLIENTS)"
echo "  messages/s:         $rate (measured $MEASURE_SECONDS s, $messages messages; slowest 10 s: $slowest/s)"
echo "  latency p50 / p99:  $p50 ms / $p99 ms"
echo "  errors:             $errors"
echo "  CPU in the measured $cpu"
echo "  pgbench -N tps:     $tps (scale $PGBENCH_SCALE, $best clients, $MEASURE_SECONDS s)"
echo "  ratio to pgbench:   $ratio"
echo "  target >= $TARGET_RATE messages/s:   $(verdict "$(awk -v r="$rate" -v t=$TARGET_RATE 'BEGIN { print r >= t }')")"
echo "  target p99 < $TARGET_P99_MS ms:        $(verdict "$(awk -v p="$p99" -v t=$TARGET_P99_MS 'BEGIN { print p < t }')")"
if [ "$errors" != "0" ]; then
  echo "  NOT A VALID FIGURE: $errors messages were not confirmed OK"
fi
finished=true
