package io.edgesplit.backend.choco;

import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code workers} ≥ 2: Choco jobs in parallel threads, each on its own model (our own portfolio rather than
 * Choco's {@code ParallelPortfolio}, so that every job keeps our monitors and the deadline).
 */
final class Portfolio {
    private Portfolio() {}

    /**
     * {@code workers} jobs in parallel until {@code until}: job 0 is the complete search with
     * {@code branching}; job 1 is LNS ({@code secondWorker = lns}) or the complete search with the other
     * branching ({@code complete}); further jobs are complete searches with other seeds. Every job publishes
     * its schedules; a job without LCG (LNS) also adopts the best objective any job has found as its cut (at
     * its next decision). The first complete job that exhausts its search proves the best schedule found
     * optimal (no schedule beats its own best, and the run's best is at least as good) and stops the others.
     */
    static Phase run(SolveRun run, SolveOptions options, Schedule incumbent, String branching, long until) {
        String second = options.params().getString("secondWorker", "lns");
        String other = branching.equals("dwd") ? "placement-first" : "dwd";
        boolean lcg = options.params().getBoolean("lcg", true);
        AtomicBoolean over = new AtomicBoolean();
        int k = options.workers();
        Phase[] out = new Phase[k];
        List<Thread> threads = new ArrayList<>();
        for (int j = 1; j < k; j++) {
            int job = j;
            boolean lns = job == 1 && second.equals("lns");
            String br = job == 1 && second.equals("complete") ? other : branching;
            Thread th = new Thread(() -> {
                try {
                    out[job] = ChocoJob.run(run, options, incumbent, lns, br, options.seed() + job, until, over, null, lcg);
                } catch (RuntimeException | OutOfMemoryError e) {
                    // this job is lost; the others still answer
                }
            }, "choco-" + run.ci.name() + "-" + job);
            th.setDaemon(true);
            threads.add(th);
            th.start();
        }
        try {
            out[0] = ChocoJob.run(run, options, incumbent, false, branching, options.seed(), until, over, null, lcg);
        } finally {
            over.set(true);
            for (Thread th : threads) {
                try {
                    th.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        Phase merged = new Phase();
        for (Phase p : out) {
            if (p == null) continue;
            merged.proven |= p.proven;
            merged.bound = SolveRun.max(merged.bound, p.bound);
            merged.setupNanos = Math.max(merged.setupNanos, p.setupNanos);
            if (merged.note == null) merged.note = p.note;
        }
        if (merged.proven) merged.note = null;
        return merged;
    }
}
