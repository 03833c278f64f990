#!/usr/bin/env bash
# Runs the same M/M/1 model (lambda 800/s, mu 1000/s) in SimPy (Debian's python3-simpy) and in
# Eventscope, in one run, and prints customers served per wall-clock second for each and the
# ratio (DESIGN.md §6 aims at 50x or more). Medians of 5 runs each, interleaved so that both
# see the same machine load.
#   usage: tests/bench/simpy_compare.sh [path/to/eventscope]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
eventscope=${1:-$here/../../build/release/app/eventscope}
simpy_seconds=300     # simulated seconds per SimPy run (~240k customers)
runs=5

median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

simpy_rates=() eventscope_rates=()
for _ in $(seq $runs); do
  simpy_rates+=("$(/usr/bin/python3 "$here/simpy_mm1.py" 800 1000 $simpy_seconds |
    /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["served"]/r["wall_s"])')")
  eventscope_rates+=("$("$eventscope" run "$here/mm1.yaml" --quiet --report - |
    /usr/bin/python3 -c 'import json,sys; r=json.load(sys.stdin); print(r["services"]["server"]["acked"]/r["wall_time_s"])')")
done
simpy=$(printf '%s\n' "${simpy_rates[@]}" | median)
ours=$(printf '%s\n' "${eventscope_rates[@]}" | median)
awk -v s="$simpy" -v e="$ours" 'BEGIN {
  printf "M/M/1, rho 0.8, customers served per wall-clock second (median of 5)\n"
  printf "  SimPy %s     %12.0f\n", "2.3", s
  printf "  Eventscope    %12.0f\n", e
  printf "  ratio         %12.1fx\n", e / s
}'
