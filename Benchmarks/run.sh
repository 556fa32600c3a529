#!/usr/bin/env bash
# The store benchmark at municipal scale, with its yardsticks, in one run:
#   Benchmarks/run.sh [DIR]      (default: $TMPDIR/enplan-bench; generated once, then reused)
#   FIVE_YEARS=1 Benchmarks/run.sh [DIR]   also the 10,000,000-event store in DIR-10m (~3.4 GB)
set -euo pipefail
cd "$(dirname "$0")/.."
dir="${1:-${TMPDIR:-/tmp}/enplan-bench}"
swift build -c release --product enplan-bench >/dev/null
swift build -c release --product enplan >/dev/null   # the real sessions run the real binary
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem/ {print $2}') GiB; load: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c 'import orjson' 2>/dev/null || pip install -q orjson
.build/release/enplan-bench --dir "$dir" --runs 3
python3 Benchmarks/orjson_parse.py "$dir/events.jsonl" 3
python3 Benchmarks/sqlite_append.py "$dir" 2000
# Real sessions on a pty (the login form, Enter to the list, memory of 1 and 8), and the full
# replay and `verify` alternated with orjson's bare parse of the same file.
.build/release/enplan --data-dir "$dir" snapshot >/dev/null
.build/release/enplan-bench --dir "$dir" --only-sessions --runs 3
.build/release/enplan-bench --dir "$dir" --only-replay --runs 3
# The retention run for 1,000 citizens, each run on a fresh copy of the store (beside it, removed after).
.build/release/enplan-bench --dir "$dir" --only-erasure --runs 3 --count 1000
if [ -n "${FIVE_YEARS:-}" ]; then
    big="$dir-10m"
    .build/release/enplan-bench --dir "$big" --events 10000000 --only-generate
    [ -e "$big/snapshot.json" ] || .build/release/enplan --data-dir "$big" snapshot >/dev/null
    .build/release/enplan-bench --dir "$big" --only-sessions --runs 1
    .build/release/enplan-bench --dir "$big" --only-replay --runs 1
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
