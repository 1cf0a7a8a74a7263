#!/usr/bin/env bash
# Times a cold single-file 'vigil iac' run (a new JVM each time, as in a pre-commit hook or a CI step):
# hyperfine when it is installed, else 10 timed runs; prints the mean in seconds.
#   scripts/bench-iac-cold.sh [TEMPLATE] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
template="${1:-$root/cli/src/test/resources/iac/mixed.yaml}"
runs="${2:-10}"
vigil="$root/vigil"

# The first run builds Vigil if needed and writes the class-data archive that later runs start from.
"$vigil" iac "$template" >/dev/null 2>&1 || true

if command -v hyperfine >/dev/null 2>&1; then
  hyperfine --ignore-failure --warmup 1 --runs "$runs" "$vigil iac $template"
  exit 0
fi

total=0
for ((i = 1; i <= runs; i++)); do
  start=$(date +%s%N)
  "$vigil" iac "$template" >/dev/null 2>&1 || true   # exit 1 (failures found) is expected
  elapsed=$(( $(date +%s%N) - start ))
  total=$(( total + elapsed ))
  printf 'run %2d: %d ms\n' "$i" $(( elapsed / 1000000 ))
done
awk -v t="$total" -v n="$runs" 'BEGIN { printf "mean of %d runs: %.3f s\n", n, t / n / 1e9 }'
