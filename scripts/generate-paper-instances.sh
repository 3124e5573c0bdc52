#!/usr/bin/env bash
# Writes every instance listed in datasets/paper/manifest.txt from its generate arguments (the paper
# reproduction, docs/reproduction.md). The generator is deterministic: on an unchanged generator this changes
# nothing (git diff stays empty); PaperDatasetsTest checks a sample of the files.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
./edgesplit zoo >/dev/null   # builds the jar once if it is stale
n=0
while read -r file args; do
  case "$file" in ''|'#'*) continue ;; esac
  mkdir -p "datasets/paper/$(dirname "$file")"
  # shellcheck disable=SC2086  # the arguments are meant to split
  java -jar target/edgesplit.jar generate $args --out "datasets/paper/$file" >/dev/null
  n=$((n + 1))
done < datasets/paper/manifest.txt
echo "generated $n instances under datasets/paper/"
