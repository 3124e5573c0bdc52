#!/usr/bin/env python3
"""Summarises DeadlineMeasurements CSVs (results/deadlines/*.csv) into the markdown table of
results/deadlines/README.md: per backend, the worst time past the limit and the runs over limit + 0.25 s."""
import csv
import sys
from collections import OrderedDict


def summary(path):
    rows = list(csv.DictReader(open(path)))
    by = OrderedDict()
    for r in rows:
        by.setdefault(r["backend"], []).append(r)
    out = OrderedDict()
    for b, rs in by.items():
        worst = max(rs, key=lambda r: float(r["overrun_s"]))
        over = [r for r in rs if float(r["overrun_s"]) > 0.25]
        answered = sum(1 for r in rs if r["status"] in ("FEASIBLE", "OPTIMAL"))
        out[b] = (len(rs), answered, float(worst["overrun_s"]), worst["instance"], len(over))
    return out


def main():
    before, after = summary(sys.argv[1]), summary(sys.argv[2])
    print("| backend | runs | worst past the limit, before (s) | over +0.25 s, before | worst past the limit, after (s) | on | over +0.25 s, after | answered with a schedule, before → after |")
    print("| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    for b in after:
        n, ab, wb, _, ob = before.get(b, (0, 0, float("nan"), "", 0))
        n2, aa, wa, ia, oa = after[b]
        print(f"| {b} | {n2} | {wb:+.3f} | {ob} | {wa:+.3f} | {ia} | {oa} | {ab} → {aa} |")


if __name__ == "__main__":
    main()
