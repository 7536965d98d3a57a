#!/usr/bin/env bash
# Flow-rule benchmark (JMH; docs/performance.md, "Flow rules"); not part of ./mvnw verify.
#   app/src/bench/rules.sh [interpreter|optimizing|both] [extra JMH options, e.g. -wi 1 -i 2]
# interpreter: the class path the WAR has (no truffle-runtime): Truffle's fallback runtime, as in production.
# optimizing:  truffle-runtime on the class path and the Graal compiler of the same version as an upgrade module;
#              works only when that version matches the JDK update exactly (25.0.3 on Temurin 25.0.3).
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
mode="${1:-both}"; shift || true
./mvnw -B -q -Pbench -pl app test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
deps="$(cat app/target/bench.classpath)"
out=app/target/bench; mkdir -p "$out"
only() { tr ':' '\n' <<<"$deps" | grep -E "$1" | paste -sd: -; }
except() { tr ':' '\n' <<<"$deps" | grep -vE "$1" | paste -sd: -; }
classes=app/target/test-classes:app/target/classes
optimizing_only='/org/graalvm/.*/(truffle-runtime|truffle-compiler|jniutils|compiler|word)-[0-9]'

run() { # <name> <benchmarks> <class path> <JMH options> [JVM options]
  local name="$1" include="$2" cp="$3" options="$4"; shift 4
  echo "==> $name"
  # shellcheck disable=SC2086 # the JMH options are words
  "$JAVA_HOME/bin/java" -cp "$classes:$cp" org.openjdk.jmh.Main "$include" $options -rf json -rff "$out/rules-$name.json" \
    -jvmArgsAppend "-Xmx1g --enable-native-access=ALL-UNNAMED $*" "${EXTRA[@]}" | tee "$out/rules-$name.txt"
}
EXTRA=("$@")
if [[ "$mode" == interpreter || "$mode" == both ]]; then
  run interpreter 'RulesBenchmark' "$(except "$optimizing_only")" ""
  run context-loss 'ContextLossBenchmark' "$(except "$optimizing_only")" ""
fi
if [[ "$mode" == optimizing || "$mode" == both ]]; then
  # GraalVM's documented set-up on a stock JDK: Graal's modules on the module path, its compiler as an upgrade module.
  compiler='/org/graalvm/compiler/compiler/[0-9.]+/compiler-[0-9.]+\.jar$'
  graal=("-XX:+UnlockExperimentalVMOptions -XX:+EnableJVMCI"
    "--upgrade-module-path=$(only "$compiler") --module-path=$(except "$compiler" | tr ':' '\n' | grep '/org/graalvm/.*\.jar$' | paste -sd:)"
    "--add-modules=ALL-MODULE-PATH")
  # Longer warm-up: on 2 cores Graal's compilations need ~30 s to settle.
  run optimizing 'RulesBenchmark' "$(except '/org/graalvm/')" "-wi 8 -w 4s" "${graal[@]}"
  run context-loss-optimizing 'ContextLossBenchmark' "$(except '/org/graalvm/')" "-wi 8 -w 4s" "${graal[@]}"
fi
