#!/usr/bin/env bash
# Reminder job throughput (docs/performance.md, "Reminders"); not part of ./mvnw verify.
#   app/src/bench/reminders.sh [count]      against the servers already running on BENCH_DB (see the docs)
# Needs the PostgreSQL driver in ~/.m2 (any ./mvnw build of the project puts it there).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
pick() { ls "$M2/$1"/*/"$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc | sort -V | tail -1; }
exec "$JAVA" -cp "$(pick org/postgresql/postgresql postgresql)" app/src/bench/ReminderBench.java "$@"
