#!/bin/sh
# Runs a libFuzzer binary for SECONDS on a scratch corpus in WORKDIR seeded
# from SEEDS (left untouched); crash files go to WORKDIR too.
# Usage: run-fuzzer.sh BINARY SECONDS SEEDS DICT WORKDIR
set -eu
binary=$1 seconds=$2 seeds=$3 dict=$4 workdir=$5
mkdir -p "$workdir/corpus"
exec "$binary" -max_total_time="$seconds" -dict="$dict" -artifact_prefix="$workdir/" \
     -print_final_stats=1 "$workdir/corpus" "$seeds"
