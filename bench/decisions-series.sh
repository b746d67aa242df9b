#!/usr/bin/env bash
# A series of decision runs at 2,000 requests a second on one service start (docs/benchmarks.md, "How to run it").
#
#   sudo bench/decisions-series.sh <results-dir> <arm>...
#
# Starts Candor as the user `candor` on a fresh embedded data directory under <results-dir> with PostgreSQL's log
# on (checkpoints, every autovacuum), makes one 30-s warm-up run that is not counted, then one run per arm in the
# order given. Arms: A = the host as it is; K = the kernel starts writeback at 32 MB of dirty data
# (vm.dirty_background_bytes). Between runs it puts the host back; at the end it restores dirty_background_ratio=10.
# Each run writes <n>-<arm>.txt (the generator's report), <n>-<arm>.trace (dirty/writeback memory and disk writes
# every 100 ms) and <n>-<arm>.io-before/.io-after (pg_stat_io around it); bench/summarize.py turns the directory
# into a table. Needs root (sysctl, runuser), psql, python3, and the project built by the user `candor`
# (runuser -u candor -- ./mvnw -q install -DskipTests).
#
# Settings (environment): RATE (2000), BATCH (50), DURATION (30s), WARMUP (20s), PORT (18495), DB_PORT (38567),
# DISK (the block device holding <results-dir>), JAVA_HOME (the JDK 25 to run with).
set -euo pipefail

[[ $# -ge 2 ]] || { awk 'NR > 1 && /^#/ { print; next } NR > 1 { exit }' "$0"; exit 2; }
[[ $EUID -eq 0 ]] || { echo "run as root: the arms change kernel settings" >&2; exit 2; }

repo=$(cd "$(dirname "$0")/.." && pwd)
results=$(realpath -m "$1"); shift
arms=("$@")
for arm in "${arms[@]}"; do
  [[ $arm == A || $arm == K ]] || { echo "unknown arm '$arm' (A or K)" >&2; exit 2; }
done
rate=${RATE:-2000} batch=${BATCH:-50} duration=${DURATION:-30s} warmup=${WARMUP:-20s}
port=${PORT:-18495} db_port=${DB_PORT:-38567}
java_home=${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* | head -1)}
loadgen=$repo/candor-loadgen/target/candor-loadgen.jar
[[ -f $loadgen ]] || { echo "build first: runuser -u candor -- ./mvnw -q install -DskipTests" >&2; exit 2; }

[[ -e $results ]] && { echo "$results exists; a series starts on a fresh data directory" >&2; exit 2; }
mkdir -p "$results/access"
chown -R candor "$results"
disk=${DISK:-$(lsblk -no PKNAME "$(findmnt -no SOURCE -T "$results")" 2>/dev/null || true)}
disk=${disk:-$(basename "$(findmnt -no SOURCE -T "$results")")}

export PGPASSWORD=postgres
sql() { psql -h 127.0.0.1 -p "$db_port" -U postgres -d candor -Atc "$1"; }

service_pid=
stop_service() {
  if [[ -n $service_pid ]]; then
    kill -- "-$service_pid" 2>/dev/null || true
    wait "$service_pid" 2>/dev/null || true
    service_pid=
  fi
}
restore_host() { sysctl -qw vm.dirty_background_ratio=10; }
generator=
trap '[[ -n $generator ]] && kill "$generator" 2>/dev/null; stop_service; restore_host' EXIT

start_service() {
  setsid runuser -u candor -- env JAVA_HOME="$java_home" PORT="$port" \
    CANDOR_EMBEDDED_DB_DATA_DIR="$results/pg" CANDOR_EMBEDDED_DB_PORT="$db_port" CANDOR_STORAGE_DIR="$results/files" \
    SERVER_TOMCAT_ACCESSLOG_ENABLED=true SERVER_TOMCAT_ACCESSLOG_DIRECTORY="$results/access" \
    "SERVER_TOMCAT_ACCESSLOG_PATTERN=%{begin:msec}t %s %D %U" \
    "$repo/mvnw" -q -f "$repo/pom.xml" -pl candor-app spring-boot:run -Dspring-boot.run.optimizedLaunch=false \
    >>"$results/service.log" 2>&1 &
  service_pid=$!
  for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return 0
    kill -0 "$service_pid" 2>/dev/null || break
    sleep 1
  done
  echo "the service did not start; see $results/service.log" >&2
  exit 1
}

io_counters() {
  sql "select backend_type || ':' || object || ':' || context, coalesce(writes, 0), coalesce(extends, 0),
              coalesce(writebacks, 0)
       from pg_stat_io where coalesce(writes, 0) + coalesce(extends, 0) > 0 order by 1"
}

set_arm() {
  case $1 in
    A) sysctl -qw vm.dirty_background_ratio=10 ;;
    K) sysctl -qw vm.dirty_background_bytes=33554432 ;;
  esac
}

start_service
sql "alter system set logging_collector = on" >/dev/null
sql "alter system set log_checkpoints = on" >/dev/null
sql "alter system set log_autovacuum_min_duration = 0" >/dev/null
stop_service
start_service

seconds() { local d=$1; [[ $d == *s ]] && echo "${d%s}" || echo $(( ${d%m} * 60 )); }

run=0
for arm in W "${arms[@]}"; do
  run=$((run + 1))
  name=$results/$run-$arm
  if [[ $arm == W ]]; then set_arm A; length=30s; else set_arm "$arm"; length=$duration; fi
  io_counters >"$name.io-before"
  "$java_home/bin/java" -XX:+UseZGC -jar "$loadgen" decisions --base-url "http://127.0.0.1:$port" \
    --token cnd_demo-orders_demo --rate "$rate" --batch "$batch" --duration "$length" --warmup "$warmup" \
    >"$name.txt" 2>&1 &
  generator=$!
  until grep -qs warming "$name.txt"; do
    kill -0 "$generator" 2>/dev/null || break
    sleep 1
  done
  python3 "$repo/bench/trace-io.py" "$disk" $(( $(seconds "$length") + $(seconds "$warmup") + 2 )) "$name.trace"
  wait "$generator" || { echo "run $run failed; see $name.txt" >&2; exit 1; }
  generator=
  io_counters >"$name.io-after"
  echo "run $run ($arm, $(date -u +%T)): $(grep 'per call' "$name.txt" || true)"
done
echo "database: $(sql "select pg_size_pretty(pg_database_size('candor'))")"
