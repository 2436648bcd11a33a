#!/usr/bin/env python3
"""What SQLite's synchronous=FULL costs per commit on this disk, beside NORMAL.

Usage: bench/sqlite-commit.py [DIR] [COMMITS]   (DIR defaults to /tmp, COMMITS to 400)

Each commit is the shape of an upload's: in WAL mode, one transaction that inserts a row of about
the size of a media_files row and updates one counter row (users.used_bytes). The two modes run
twice, interleaved, each on a fresh database file in DIR, so the disk under DIR is what is measured.
Prints the latency per commit: p50, p90, p99 and mean, in ms.
"""
import os
import sqlite3
import statistics
import sys
import tempfile
import time

directory = sys.argv[1] if len(sys.argv) > 1 else "/tmp"
commits = int(sys.argv[2]) if len(sys.argv) > 2 else 400

for round_ in (1, 2):
    for mode in ("NORMAL", "FULL"):
        with tempfile.TemporaryDirectory(dir=directory) as folder:
            db = sqlite3.connect(os.path.join(folder, "bench.db"), isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(f"PRAGMA synchronous={mode}")
            db.execute("CREATE TABLE files (id INTEGER PRIMARY KEY, name TEXT, sha256 TEXT, size INTEGER)")
            db.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, used_bytes INTEGER)")
            db.execute("INSERT INTO users VALUES (1, 0)")
            latencies = []
            for i in range(commits):
                start = time.perf_counter()
                db.execute("BEGIN")
                db.execute("INSERT INTO files (name, sha256, size) VALUES (?, ?, ?)", (f"{i:032x}.jpg", "0" * 64, 1 << 20))
                db.execute("UPDATE users SET used_bytes = used_bytes + ? WHERE id = 1", (1 << 20,))
                db.execute("COMMIT")
                latencies.append((time.perf_counter() - start) * 1000)
            db.close()
        latencies.sort()
        at = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]
        print(f"round {round_} synchronous={mode:<6} p50 {at(0.5):7.3f} ms  p90 {at(0.9):7.3f}  "
              f"p99 {at(0.99):7.3f}  mean {statistics.mean(latencies):7.3f}")
