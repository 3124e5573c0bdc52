#!/bin/bash
# One shard of a suite as a SLURM array task (docs/cluster.md). Submit from the repository root:
#   mkdir -p logs                                   # SLURM does not create the --output folder
#   sbatch --array=1-32 scripts/slurm-bench.sh benchmarks/paper.json 32
# Rerun one failed task the usual way; N stays on the command line, so shard 7 stays 7/32:
#   sbatch --array=7 scripts/slurm-bench.sh benchmarks/paper.json 32
#SBATCH --job-name=edgesplit
#SBATCH --cpus-per-task=2       # match the configurations' worker counts (cpsat: 2)
#SBATCH --mem=8G
#SBATCH --time=04:00:00         # >= (runs per shard) x (time limit + grace + 10 s with --fork)
#SBATCH --output=logs/%x-%A_%a.out
set -euo pipefail
SUITE=${1:?usage: sbatch --array=1-N scripts/slurm-bench.sh SUITE N}
# N is an argument, never SLURM_ARRAY_TASK_COUNT: a rerun of one task (--array=2) has a count of 1.
N=${2:?usage: sbatch --array=1-N scripts/slurm-bench.sh SUITE N (the shard count, the same for every task and every rerun)}
I=${SLURM_ARRAY_TASK_ID:?submit as a job array: sbatch --array=1-N scripts/slurm-bench.sh SUITE N}
if ! [[ "$N" =~ ^[1-9][0-9]*$ ]] || (( I < 1 || I > N )); then
  echo "error: array index $I is not a shard of 1..$N" >&2
  exit 2
fi
cd "${SLURM_SUBMIT_DIR:-.}"     # the repository (shared file system)
# --resume: a preempted, requeued or rerun task finishes its shard instead of failing.
# --fork: a native crash (OR-Tools) costs one run, not the shard.
# --no-report: the merged report is built once at the end (docs/cluster.md, "Merging").
exec java ${EDGESPLIT_JAVA_OPTS:--Xmx6g} -jar target/edgesplit.jar bench "$SUITE" --shard "$I/$N" \
     --resume --fork --no-report --no-progress-bar ${EDGESPLIT_BENCH_OPTS:-}
