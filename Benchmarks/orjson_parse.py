"""The yardstick for EnPlan's replay: Python's orjson merely parsing every line of the same log.

    python3 Benchmarks/orjson_parse.py EVENTS.jsonl [RUNS]
"""
import statistics
import sys
import time

import orjson

path = sys.argv[1]
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    n = 0
    with open(path, "rb") as f:
        for line in f:
            orjson.loads(line)
            n += 1
    times.append(time.perf_counter() - t0)
print(f"orjson: {n} lines parsed, median {statistics.median(times):.2f} s of {runs} runs")
