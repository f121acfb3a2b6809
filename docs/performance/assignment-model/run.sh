#!/bin/bash
# The server-side model of one assignment on PostgreSQL (issue 17), measured with pgbench on 4 clients: transactions
# per second and the CPU the 4 backends spent per transaction (from /proc, sampled every 0.2 s), which does not
# depend on the load the way times do. Usage: run.sh JAR DB [SECONDS] [ROUNDS]; DB is created and dropped.
# The scripts (statement texts as the JDBC store sends them, read from log_min_duration_statement = 0):
#   bare         the benchmark's baseline: UPDATE lead SET owner_id, version + 1 in auto-commit
#   today        the ticket ahead (own transaction, synchronous_commit off), then BEGIN, the checked claim and owner
#                write, the timeline entry with its about rows and 3 outbox rows, COMMIT in one pipeline: 2 round trips
#   seq          option (a): BEGIN and read + claim + nextval + owner write in one statement, then entry, outbox and
#                COMMIT: 2 round trips, 1 transaction, no rotation row
#   pipe         option (b): the ticket's transaction and the unit in one pipeline (owner as a literal: same work)
#   aheadonly, checkedonly, entryonly   each part of `today` alone, for the split of its server CPU
set -e
JAR=$1; DB=$2; T=${3:-8}; ROUNDS=${4:-2}; HERE=$(cd "$(dirname "$0")" && pwd)
PSQL="psql -h 127.0.0.1 -U postgres -qAt"
$PSQL -c "DROP DATABASE IF EXISTS $DB" && $PSQL -c "CREATE DATABASE $DB"
java -jar "$JAR" bench scoring --leads 5000 --jdbc-url "jdbc:postgresql://127.0.0.1:5432/$DB" --jdbc-user postgres \
  --format json >/dev/null 2>"/tmp/$DB.err" &
BENCH=$!
until grep PostgreSQL "/tmp/$DB.err" | grep -v warm-up | grep -q "plain JDBC"; do sleep 0.05; done
kill -9 $BENCH  # the tables stay: the benchmark drops them only when it ends
wait $BENCH 2>/dev/null || true
$PSQL -d "$DB" -f "$HERE/setup.sql"
for r in $(seq "$ROUNDS"); do
  for f in bare today seq pipe aheadonly checkedonly entryonly; do
    pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 4 -j 2 -T "$T" -f "$HERE/$f.pgb" "$DB" >"/tmp/$DB.$f" 2>&1 &
    P=$!; declare -A last=()
    while kill -0 $P 2>/dev/null; do
      for p in $($PSQL -c "SELECT pid FROM pg_stat_activity WHERE datname = '$DB' AND application_name = 'pgbench'"); do
        t=$(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null) && [ -n "$t" ] && last[$p]=$t
      done
      sleep 0.2
    done
    ticks=0; for p in "${!last[@]}"; do ticks=$((ticks + last[$p])); done
    tx=$(awk -F': ' '/actually processed/ {split($2, a, "/"); print a[1]}' "/tmp/$DB.$f")
    cpu=$((ticks * 1000000 / $(getconf CLK_TCK) / tx)); tps=$(awk '/^tps/ {print $3}' "/tmp/$DB.$f")
    echo "$f tps=$tps backend_cpu_us_per_tx=$cpu load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
$PSQL -c "DROP DATABASE $DB"
