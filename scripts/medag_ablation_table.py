#!/usr/bin/env python3
"""Per-class gaps of every configuration in a results folder's runs.csv (the medag ablation's table).

Reference per instance: the proven optimum where one is known (the committed small instances, proven by
cpsat, docs/cpsat.md), else the best objective of any configuration in the same runs.csv.
Usage: scripts/medag_ablation_table.py results/medag-ablation/runs.csv
"""
import collections
import csv
import sys

OPTIMA = {  # ticks, proven optimal by cpsat (docs/cpsat.md, "Re-measured at the end")
    'campus-heavy-small-s1': 207157, 'campus-heavy-small-s2': 193614,
    'campus-heavy-small-s3-total-latency': 356158, 'campus-heavy-small-s4-total-latency': 509765,
    'campus-light-small-s1': 504156, 'campus-light-small-s2': 526734,
    'campus-light-small-s3-total-latency': 97768, 'testbed-small-s1': 15784, 'testbed-small-s2': 14335,
    'testbed-small-s3-total-latency': 21513,
}
CLASSES = ['tiny', 'small', 'medium', 'large']


def size_class(name):
    for c in CLASSES:
        if '-' + c in name:
            return c
    return '?'


def main(path):
    rows = list(csv.DictReader(open(path)))
    by = collections.defaultdict(dict)
    configs = []
    for r in rows:
        if r['config'] not in configs:
            configs.append(r['config'])
        if r['valid'] == 'true' and r['objective_ticks']:
            by[r['instance']][r['config']] = float(r['objective_ticks'])
    print('| configuration | ' + ' | '.join(f'{c}: mean / worst gap' for c in CLASSES) + ' |')
    print('|---|' + '---:|' * len(CLASSES))
    for c in configs:
        cells = []
        for k in CLASSES:
            gaps = []
            for inst, objs in by.items():
                if size_class(inst) != k or c not in objs:
                    continue
                ref = OPTIMA.get(inst, min(objs.values()))
                gaps.append(100 * (objs[c] - ref) / ref)
            cells.append(f'{sum(gaps) / len(gaps):.2f} % / {max(gaps):.1f} %' if gaps else '—')
        print(f'| {c} | ' + ' | '.join(cells) + ' |')


if __name__ == '__main__':
    main(sys.argv[1])
