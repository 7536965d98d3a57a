#!/usr/bin/env bash
# The 100k-row work-order import against a running server (docs/import-export.md); not part of
# ./mvnw verify. Usage: BENCH_PID=<server pid> app/src/bench/import.sh (settings: BENCH_* environment variables, see ImportBench.java).
# Needs the PostgreSQL driver and Parsson in ~/.m2 (any ./mvnw build of the project puts them there).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
pick() { ls "$M2/$1"/*/"$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc | sort -V | tail -1; }
CP="$(pick org/postgresql/postgresql postgresql):$(pick jakarta/json/jakarta.json-api jakarta.json-api):$(pick org/eclipse/parsson/parsson parsson)"
exec "$JAVA" -cp "$CP" app/src/bench/ImportBench.java "$@"
