#!/usr/bin/env bash
# The store benchmark at municipal scale, with its two yardsticks, in one run:
#   Benchmarks/run.sh [DIR]      (default: $TMPDIR/enplan-bench; generated once, then reused)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-${TMPDIR:-/tmp}/enplan-bench}"
swift build -c release --product enplan-bench >/dev/null
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB"
.build/release/enplan-bench --dir "$dir" --runs 3
python3 -c 'import orjson' 2>/dev/null || pip install -q orjson
python3 Benchmarks/orjson_parse.py "$dir/events.jsonl" 3
python3 Benchmarks/sqlite_append.py "$dir" 2000
