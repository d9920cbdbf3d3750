"""Prints the medians of tests/load/run.sh's rounds as a Markdown table, each target's req/s as a share of hello-world's."""
import statistics
import sys
from collections import defaultdict

path, connections, duration, rounds = sys.argv[1:5]
runs = defaultdict(list)
checks = {}
for line in open(path, encoding="utf-8"):
    db, target, _round, *fields = line.split()
    values = dict(field.split("=") for field in fields)
    if target == "overlaps":
        checks[db] = values
        continue
    runs[(db, target)].append({key: float(value) for key, value in values.items()})

print(f"\nMedians of {rounds} rounds, wrk -t2 -c{connections} -d{duration}, site and hello-world in one run:\n")
print("| database | target | req/s | p50 ms | p99 ms | share of hello-world | server CPU ms/request | non-2xx or timeout |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
for db in dict.fromkeys(db for db, _ in runs):
    hello = statistics.median(r["ok_rps"] for r in runs[(db, "hello-world")])
    for (run_db, target), samples in runs.items():
        if run_db != db:
            continue
        rps = statistics.median(r["ok_rps"] for r in samples)
        p50 = statistics.median(r["p50"] for r in samples)
        p99 = statistics.median(r["p99"] for r in samples)
        cpu = statistics.median(r["cpu_ms"] for r in samples)
        bad = int(sum(r["bad"] + r["errors"] for r in samples))
        print(f"| {db} | {target} | {rps:,.0f} | {p50:.2f} | {p99:.2f} | {100 * rps / hello:.1f}% | {cpu:.2f} | {bad} |")
for db, check in checks.items():
    print(f"\n{db}: {check['booked']} scheduled sessions after the run, {check['count']} overlapping.")
