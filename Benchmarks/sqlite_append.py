"""The yardstick for EnPlan's durable append: SQLite in WAL mode with synchronous=FULL, one
committed INSERT of a ~380-byte row at a time, on the same disk.

    python3 Benchmarks/sqlite_append.py DIRECTORY [COUNT]
"""
import os
import sqlite3
import statistics
import sys
import time

directory = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
os.makedirs(directory, exist_ok=True)
path = os.path.join(directory, "append-yardstick.sqlite")
for suffix in ("", "-wal", "-shm"):
    try:
        os.remove(path + suffix)
    except FileNotFoundError:
        pass
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=FULL")
db.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, line TEXT NOT NULL)")
row = "x" * 380
latencies = []
for i in range(count):
    t0 = time.perf_counter()
    db.execute("BEGIN IMMEDIATE")
    db.execute("INSERT INTO events (line) VALUES (?)", (row,))
    db.execute("COMMIT")
    latencies.append((time.perf_counter() - t0) * 1000)
latencies.sort()
print(f"sqlite WAL synchronous=FULL: {count} appends, median {latencies[count // 2]:.3f} ms, "
      f"p99 {latencies[count * 99 // 100]:.3f} ms")
db.close()
for suffix in ("", "-wal", "-shm"):
    try:
        os.remove(path + suffix)
    except FileNotFoundError:
        pass
