package io.edgesplit.solver;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The measurement behind docs/benchmarks.md, "Deadlines" (not a test: run by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) io.edgesplit.solver.DeadlineMeasurements 1 out.csv}):
 * every registered backend on every committed instance (datasets/instances), one worker, the given limit;
 * the time from the call of {@link CheckedSolve#run} to its answer (model building, starts and validation
 * included), after one warm-up call per backend on a tiny instance (native libraries loaded, JIT warm).
 * Writes one CSV row per run: backend, instance, layers, limit, seconds, overrun, status.
 */
public final class DeadlineMeasurements {
    public static void main(String[] args) throws IOException {
        double limit = Double.parseDouble(args[0]);
        Path out = Path.of(args[1]);
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("datasets/instances"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        List<String> only = args.length > 2 ? List.of(args[2].split(",")) : List.of();
        CompiledInstance warm = InstanceJson.read(Path.of("datasets/instances/tiny/testbed-s1.json")).compile();
        StringBuilder csv = new StringBuilder("backend,instance,layers,limit_s,seconds,overrun_s,status\n");
        for (Solver solver : SolverRegistry.load().all()) {
            if (!only.isEmpty() && !only.contains(solver.name())) continue;
            CheckedSolve.run(solver, warm, new SolveOptions(limit, 1, 1, null, Params.EMPTY, false));
            for (Path f : files) {
                CompiledInstance ci = InstanceJson.read(f).compile();
                System.gc();
                long t0 = System.nanoTime();
                Outcome o = CheckedSolve.run(solver, ci, new SolveOptions(limit, 1, 1, null, Params.EMPTY, false));
                double secs = (System.nanoTime() - t0) / 1e9;
                String row = String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.3f,%.3f,%s", solver.name(), ci.name(), ci.totalLayers(), limit, secs,
                        secs - limit, o.solution().status() + (o.valid() ? "" : "-INVALID"));
                System.out.println(row);
                csv.append(row).append('\n');
                Files.writeString(out, csv.toString());
            }
        }
    }
}
