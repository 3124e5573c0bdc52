#!/usr/bin/env bash
# Rewrites every instance listed in datasets/instances/manifest.txt from its generate arguments, then the
# table in datasets/instances/README.md (needs python3). The generator is deterministic, so on an unchanged
# generator this changes nothing (git diff stays empty). GeneratedDatasetsTest checks both.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./edgesplit zoo >/dev/null   # builds the jar once if it is stale
n=0
while read -r file args; do
  case "$file" in ''|'#'*) continue ;; esac
  # shellcheck disable=SC2086  # the arguments are meant to split
  java -jar target/edgesplit.jar generate $args --out "datasets/instances/$file" >/dev/null
  n=$((n + 1))
done < datasets/instances/manifest.txt
echo "regenerated $n instances under datasets/instances/"

python3 - <<'PY'
import json
zoo = {m["name"]: m["layers"] for m in json.loads(__import__("subprocess").check_output(
    ["java", "-jar", "target/edgesplit.jar", "zoo", "--json"]))}
rows, counts = [], {}
for line in open("datasets/instances/manifest.txt"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    f, args = line.split(None, 1)
    args = " ".join(args.split())
    d = json.load(open("datasets/instances/" + f))
    layers = {}
    for m in d["models"]:
        layers[m.get("zoo", m.get("name"))] = zoo[m["zoo"]] if "zoo" in m else len(m["layers"])
    total = sum(layers[t["model"]] for t in d["tasks"])
    cls = f.split("/")[0]
    counts[cls] = counts.get(cls, 0) + 1
    rows.append(f"| [`{f}`]({f}) | {len(d['tasks'])} | {len(d['nodes'])} | {total} | {d['objective']} | "
                f"{d['granularity']} | {d['contention']} | `./edgesplit generate {args} --out datasets/instances/{f}` |")
head = open("scripts/datasets-readme-head.md").read()
for k, v in counts.items():
    head = head.replace("| " + k.upper() + " |", "| %d |" % v)
open("datasets/instances/README.md", "w").write(head + "\n".join(rows) + "\n")
print("rewrote datasets/instances/README.md")
PY
