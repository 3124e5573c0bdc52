package io.edgesplit.bound;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The two capacity arguments over the tasks' loads on one {@link ResourceSet} (docs/bounds.md).
 */
final class Capacity {
    private Capacity() {}

    /** At most this many tail thresholds are tried per resource set (all of them on small instances). */
    static final int MAX_TAILS = 24;

    /**
     * Energy with heads and tails, the parallel-machine bound: for thresholds a and b, the loads of the tasks
     * with head ≥ a and tail ≥ b all lie in [a, C − b] on the set's machines, each free from
     * max(a, its own free time), so C ≥ b + the least X with Σ_r max(0, X − max(a, free_r)) ≥ that load.
     * On one machine, taking every (a, b), this is the preemptive one-machine bound with heads and tails.
     *
     * @return the best such C over the thresholds tried (0 when no task loads the set)
     */
    static long energy(List<TaskLoad> jobs, long[] freeFrom) {
        if (jobs.isEmpty() || freeFrom.length == 0) return 0;
        TaskLoad[] byHead = jobs.toArray(new TaskLoad[0]);
        Arrays.sort(byHead, Comparator.comparingLong(TaskLoad::head).reversed());
        long[] tails = jobs.stream().mapToLong(TaskLoad::tail).distinct().sorted().toArray();
        if (tails.length > MAX_TAILS) {
            long[] pick = new long[MAX_TAILS];
            for (int i = 0; i < MAX_TAILS; i++) pick[i] = tails[(int) ((long) i * (tails.length - 1) / (MAX_TAILS - 1))];
            tails = pick;
        }
        long best = 0;
        for (long b : tails) {
            long w = 0;
            for (int i = 0; i < byHead.length; i++) {
                if (byHead[i].tail() >= b) w += byHead[i].load();
                if (w > 0 && (i + 1 == byHead.length || byHead[i + 1].head() != byHead[i].head()))
                    best = Math.max(best, b + leastSpan(byHead[i].head(), w, freeFrom));
            }
        }
        return best;
    }

    /** The least X (ticks, rounded up) with Σ_r max(0, X − max(a, free_r)) ≥ w; {@code free} ascending. */
    static long leastSpan(long a, long w, long[] free) {
        long sum = 0;
        int m = free.length;
        for (int c = 1; c <= m; c++) {
            sum += Math.max(a, free[c - 1]);
            long x = Math.floorDiv(w + sum + c - 1, c);
            if (c == m || x <= Math.max(a, free[c])) return x;
        }
        throw new AssertionError();
    }

    /**
     * Total weighted completion on the set (the mean-busy-time relaxation, Goemans 1997): however the loads
     * share the set's machines, the weighted sum of their mean busy times is at least that of the preemptive
     * schedule that always serves, at the set's full rate at the time (the number of machines already free),
     * the released task with the largest weight / load; and a task's load, done at rate at most m, ends at
     * least load/(2m) after its mean busy time. So Σ w (C − release) ≥ Σ w (M + load/(2m) + tail − release).
     *
     * @param weights  per job
     * @param releases per job (the task's release, subtracted in the objective)
     * @return each job's term w (M + load/(2m) + tail − release); their sum bounds Σ w (C − release) over the jobs
     */
    static double[] meanBusyTime(List<TaskLoad> jobs, double[] weights, long[] releases, long[] freeFrom) {
        int nj = jobs.size();
        if (nj == 0) return new double[0];
        int m = freeFrom.length;
        Integer[] order = new Integer[nj];
        for (int i = 0; i < nj; i++) order[i] = i;
        Arrays.sort(order, Comparator.comparingLong(i -> jobs.get(i).head()));
        PriorityQueue<Integer> ready = new PriorityQueue<>((x, y) -> {
            int c = Double.compare(ratio(jobs.get(y), weights[y]), ratio(jobs.get(x), weights[x]));
            return c != 0 ? c : Integer.compare(x, y);
        });
        TreeSet<Long> capacitySteps = new TreeSet<>();
        for (long f : freeFrom) capacitySteps.add(f);
        double[] left = new double[nj];
        double[] busyMoment = new double[nj]; // ∫ s · rate(s) ds of the job's load
        for (int i = 0; i < nj; i++) left[i] = jobs.get(i).load();
        double now = jobs.get(order[0]).head();
        int next = 0;
        int done = 0;
        while (done < nj) {
            while (next < nj && jobs.get(order[next]).head() <= now) ready.add(order[next++]);
            double rate = 0;
            for (long f : freeFrom) if (f <= now) rate++;
            double horizon = Double.POSITIVE_INFINITY;
            if (next < nj) horizon = jobs.get(order[next]).head();
            Long step = capacitySteps.higher((long) Math.floor(now));
            if (step != null && step > now) horizon = Math.min(horizon, step);
            if (ready.isEmpty() || rate == 0) {
                now = horizon; // idle (nothing released, or no machine free yet)
                continue;
            }
            int j = ready.peek();
            double finish = now + left[j] / rate;
            double until = Math.min(finish, horizon);
            double amount = finish <= horizon ? left[j] : rate * (until - now);
            busyMoment[j] += rate * (until * until - now * now) / 2;
            left[j] -= amount;
            now = until;
            if (finish <= horizon) {
                ready.poll();
                left[j] = 0;
                done++;
            }
        }
        double[] terms = new double[nj];
        for (int i = 0; i < nj; i++) {
            TaskLoad job = jobs.get(i);
            double meanBusy = busyMoment[i] / job.load();
            terms[i] = weights[i] * (meanBusy + job.load() / (2.0 * m) + job.tail() - releases[i]);
        }
        return terms;
    }

    private static double ratio(TaskLoad job, double weight) { return weight / job.load(); }
}
