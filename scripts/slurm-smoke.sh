#!/bin/bash
# The cluster path tested for real (docs/cluster.md): installs SLURM and munge from Debian packages, starts a
# single-node cluster on this machine (as root), runs benchmarks/slurm-smoke.json as a 3-task job array with
# scripts/slurm-bench.sh, cancels task 2 while it runs (a preemption), reruns that one task the documented
# way (sbatch --array=2 ... 3), merges the shards and checks that every planned run is there exactly once.
# Everything goes to results/slurm-smoke/ (shards, merged report, job logs, smoke.log). Stops the daemons it
# started (by pid) when it ends. Usage, from the repository root:  sudo scripts/slurm-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=results/slurm-smoke
SUITE=benchmarks/slurm-smoke.json
N=3
PLANNED=12
rm -rf "$OUT"
mkdir -p "$OUT/logs"
exec > >(tee "$OUT/smoke.log") 2>&1
say() { echo "[$(date -u +%H:%M:%S)] $*"; }
fail() { say "FAILED: $*"; exit 1; }
say "slurm-smoke on $(hostname -s), $(nproc) cores, load: $(cut -d' ' -f1-3 /proc/loadavg)"

if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  say "installing slurm-wlm and munge from the Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-wlm munge >/dev/null
fi
say "$(slurmctld -V), munge $(munged -V 2>&1 | head -1)"

started=()
cleanup() {
  for p in "${started[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

# munge: the key comes with the package; the daemon runs as its own user.
[ -s /etc/munge/munge.key ] || /usr/sbin/mungekey --create
mkdir -p /run/munge && chown munge:munge /run/munge
if ! munge -n >/dev/null 2>&1; then
  runuser -u munge -- /usr/sbin/munged --pid-file=/run/munge/smoke.pid
  sleep 1
  started+=("$(cat /run/munge/smoke.pid)")
fi
munge -n | unmunge >/dev/null || fail "munge does not work"

# One node, this machine: its real CPUs and memory (slurmd -C), no cgroups, no accounting database.
HOST=$(hostname -s)
NODE_LINE=$(slurmd -C | head -1)
NODENAME=$(echo "$NODE_LINE" | sed -E 's/^NodeName=([^ ]+).*/\1/')
mkdir -p /var/lib/slurm/slurmd /var/lib/slurm/slurmctld /var/log/slurm
cat > /etc/slurm/slurm.conf <<CONF
# written by edgesplit scripts/slurm-smoke.sh: a single-node test cluster
ClusterName=edgesplit-smoke
SlurmctldHost=$HOST
AuthType=auth/munge
SlurmUser=root
SlurmdUser=root
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
MpiDefault=none
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
JobCompType=jobcomp/none
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmdSpoolDir=/var/lib/slurm/slurmd
StateSaveLocation=/var/lib/slurm/slurmctld
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
MinJobAge=3600
KillWait=20
$NODE_LINE State=UNKNOWN
PartitionName=smoke Nodes=$NODENAME Default=YES MaxTime=INFINITE State=UP
CONF
if ! scontrol ping >/dev/null 2>&1 || scontrol ping | grep -q DOWN; then
  /usr/sbin/slurmctld -i
  sleep 2
  started+=("$(cat /run/slurmctld.pid)")
fi
if ! pgrep -x slurmd >/dev/null; then
  /usr/sbin/slurmd
  sleep 2
  started+=("$(cat /run/slurmd.pid)")
fi
for _ in $(seq 30); do sinfo -h -o %T | grep -qE 'idle|mix' && break; sleep 1; done
say "cluster up: $(sinfo -h -o '%P %D %T %c CPUs')"

say "building target/edgesplit.jar once, before submitting"
./edgesplit solvers >/dev/null
export EDGESPLIT_BENCH_OPTS="--results $OUT" EDGESPLIT_JAVA_OPTS="-Xmx2g"
JOB=$(sbatch --parsable --array=1-$N --output="$OUT/logs/%x-%A_%a.out" scripts/slurm-bench.sh "$SUITE" $N)
say "submitted job array $JOB: sbatch --array=1-$N scripts/slurm-bench.sh $SUITE $N"

shard() { echo "$OUT/slurm-smoke-shard-$1-of-$N"; }
state() { scontrol show job "${JOB}_$1" 2>/dev/null | grep -oE 'JobState=[A-Z_]+' | head -1 | cut -d= -f2; }
rows() { local f; f="$(shard "$1")/runs.csv"; [ -f "$f" ] && echo $(( $(wc -l < "$f") - 1 )) || echo 0; }

# A preemption: cancel task 2 once it has recorded a run (SIGTERM: the run under way is recorded as INTERRUPTED).
for _ in $(seq 600); do
  if [ "$(state 2)" = RUNNING ] && [ "$(rows 2)" -ge 1 ]; then break; fi
  sleep 0.5
done
[ "$(state 2)" = RUNNING ] || fail "task 2 never ran long enough to be cancelled (state $(state 2))"
say "task 2 has $(rows 2) row(s); cancelling it: scancel ${JOB}_2"
scancel "${JOB}_2"
for _ in $(seq 600); do [ -z "$(squeue -h -j "$JOB")" ] && break; sleep 1; done
for i in $(seq $N); do say "task $i: $(state "$i"), $(rows "$i") row(s) in $(shard "$i")/runs.csv"; done
[ "$(state 2)" = CANCELLED ] || fail "task 2 should be CANCELLED"

say "rerunning task 2 alone, the documented way: sbatch --array=2 scripts/slurm-bench.sh $SUITE $N"
JOB2=$(sbatch --parsable --array=2 --output="$OUT/logs/%x-%A_%a.out" scripts/slurm-bench.sh "$SUITE" $N)
for _ in $(seq 600); do [ -z "$(squeue -h -j "$JOB2")" ] && break; sleep 1; done
say "rerun $JOB2: $(scontrol show job "${JOB2}_2" | grep -oE '(JobState|ExitCode)=[A-Z_0-9:]+' | tr '\n' ' ')"
[ "$(rows 2)" -ge 1 ] || fail "the rerun wrote nothing"
[ ! -e "$OUT/slurm-smoke" ] || fail "a shard ran the whole suite into $OUT/slurm-smoke"

say "merging: edgesplit report $OUT/slurm-smoke-shard-*-of-$N --out $OUT/report"
java -jar target/edgesplit.jar report "$OUT"/slurm-smoke-shard-*-of-$N --out "$OUT/report" --gantt 0 | tee "$OUT/report.txt"
got=$(grep -oE '^[0-9]+ runs' "$OUT/report.txt" | cut -d' ' -f1)
ids=$(for i in $(seq $N); do tail -n +2 "$(shard "$i")/runs.csv" | cut -d, -f1; done | sort | uniq | wc -l)
dups=$(for i in $(seq $N); do tail -n +2 "$(shard "$i")/runs.csv" | cut -d, -f1; done | sort | uniq -d | wc -l)
interrupted=$(cat "$OUT"/slurm-smoke-shard-*-of-$N/runs.csv | grep -c ',INTERRUPTED,' || true)
say "merged report: $got runs; distinct run ids in the shards: $ids; duplicated: $dups; INTERRUPTED rows left: $interrupted; planned: $PLANNED"
[ "$got" = $PLANNED ] && [ "$ids" = $PLANNED ] && [ "$dups" = 0 ] && [ "$interrupted" = 0 ] || fail "run count"
say "PASSED"
