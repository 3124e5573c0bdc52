#!/usr/bin/env bash
# Rewrites every instance listed in datasets/instances/manifest.txt from its generate arguments.
# The generator is deterministic, so on an unchanged generator this changes nothing (git diff stays empty).
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
