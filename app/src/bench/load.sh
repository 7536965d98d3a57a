#!/usr/bin/env bash
# Issue #8's load benchmark (docs/performance.md, "Load"); not part of ./mvnw verify.
# Usage: app/src/bench/load.sh create | http | seed [tenants] [orders] | list [requests] | flood
# Needs pgbench (Debian's postgresql-client) and the PostgreSQL driver and Parsson in ~/.m2 (any build puts them there).
set -euo pipefail
cd "$(dirname "$0")/../../.."
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
M2="${M2_REPO:-$HOME/.m2/repository}"
pick() { ls "$M2/$1"/*/"$2"-*.jar 2>/dev/null | grep -v -e sources -e javadoc | sort -V | tail -1; }
CP="$(pick org/postgresql/postgresql postgresql):$(pick jakarta/json/jakarta.json-api jakarta.json-api):$(pick org/eclipse/parsson/parsson parsson)"
exec "$JAVA" -cp "$CP" app/src/bench/LoadBench.java "$@"
