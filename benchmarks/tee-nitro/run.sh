#!/usr/bin/env bash
# Nitro verification throughput with and without the certificate-chain cache.
# Usage: benchmarks/tee-nitro/run.sh [seconds per run] [thread counts...]   (default: 10 1 2)
# Needs the bundle built: mvn -B -q -pl bundles/org.haca.proof.tee -am install -DskipTests
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
bundle="$root/bundles/org.haca.proof.tee"
cp_file="$(mktemp)"
(cd "$bundle" && mvn -B -q dependency:build-classpath -Dmdep.outputFile="$cp_file" -Dmdep.includeScope=runtime >/dev/null)
java -cp "$bundle/target/classes:$(cat "$cp_file")" -Dvectors="$bundle/src/test/resources/vectors" \
    "$root/benchmarks/tee-nitro/NitroBenchmark.java" "${@:-10}"
rm -f "$cp_file"
