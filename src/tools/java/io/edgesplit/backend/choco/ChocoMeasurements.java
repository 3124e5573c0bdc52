package io.edgesplit.backend.choco;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Instance;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.testing.TinyInstances;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The measurements behind docs/choco.md (not a test: run by hand, it takes minutes). Prints one CSV row
 * per (configuration, instance): status, objective, bound, wall seconds, the initial incumbent.
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) io.edgesplit.backend.choco.ChocoMeasurements
 *     SOURCE LIMIT_S CONFIG...</pre>
 * SOURCE is {@code random:SEED0:COUNT:TASKS:LAYERS:NODES} (TinyInstances.random) or a directory of
 * instance JSON files; CONFIG is {@code name=key:value,key:value} over choco's params (plus {@code workers}), or a
 * backend name followed by {@code =} and its params, e.g. {@code cpsat=workers:2}.
 */
public final class ChocoMeasurements {
    public static void main(String[] args) throws Exception {
        List<Instance> instances = instances(args[0]);
        double limit = Double.parseDouble(args[1]);
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            Map<String, Object> p = new LinkedHashMap<>();
            if (kv.length > 1 && !kv[1].isEmpty())
                for (String e : kv[1].split(",")) {
                    String[] x = e.split(":", 2);
                    p.put(x[0], x[1].equals("true") || x[1].equals("false") ? (Object) Boolean.parseBoolean(x[1])
                            : x[1].matches("-?[0-9.]+") ? (Object) Double.parseDouble(x[1]) : x[1]);
                }
            configs.put(kv[0], p);
        }
        SolverRegistry reg = SolverRegistry.load();
        // Warm-up: loading a backend's native library (OR-Tools: seconds) must not count against its first run.
        for (String name : configs.keySet())
            reg.find(name).ifPresent(s -> CheckedSolve.run(s, TinyInstances.tiny(1).compile(), SolveOptions.defaults()));
        System.out.println("config,instance,tasks,layers,status,objective,bound,seconds,initial,worker_ms_after");
        for (Instance in : instances) {
            CompiledInstance ci = in.compile();
            double initial = ChocoSolver.initialIncumbent(ci, null).objectiveTicks(ci);
            for (Map.Entry<String, Map<String, Object>> c : configs.entrySet()) {
                Solver s = reg.find(c.getKey()).orElse(new ChocoSolver());
                // "workers" means the worker count, as in solvers/*.json
                Map<String, Object> params = new LinkedHashMap<>(c.getValue());
                Object w = params.remove("workers");
                SolveOptions o = SolveOptions.defaults().withTimeLimit(limit).withParams(params)
                        .withWorkers(w == null ? 1 : ((Number) w).intValue());
                Outcome out = CheckedSolve.run(s, ci, o);
                if (!out.valid()) throw new IllegalStateException(c.getKey() + " invalid on " + in.name() + ": " + out.report().summary());
                long lingered = lingeringWorkerMillis();
                System.out.printf("%s,%s,%d,%d,%s,%s,%s,%.2f,%.0f,%d%s%n", c.getKey(), in.name(), ci.taskCount(), ci.totalLayers(),
                        out.solution().status(), out.report().objectiveTicks(), out.solution().lowerBoundTicks(),
                        out.solution().wallSeconds(), initial, lingered, out.solution().status().hasSchedule() ? "" : ",\"" + out.solution().message() + "\"");
            }
        }
    }

    /**
     * How long choco's worker threads kept running after the answer (0 = already gone): an abandoned
     * worker must not keep burning CPU into the next solve.
     */
    private static long lingeringWorkerMillis() throws InterruptedException {
        long t0 = System.nanoTime();
        for (Thread th : Thread.getAllStackTraces().keySet())
            if (th.getName().startsWith("choco-")) th.join(10_000);
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static List<Instance> instances(String source) throws Exception {
        List<Instance> out = new ArrayList<>();
        if (source.startsWith("random:")) {
            String[] a = source.split(":");
            long seed = Long.parseLong(a[1]);
            for (int i = 0; i < Integer.parseInt(a[2]); i++)
                out.add(TinyInstances.random(seed + i, Integer.parseInt(a[3]), Integer.parseInt(a[4]), Integer.parseInt(a[5])));
            return out;
        }
        try (Stream<Path> files = Files.walk(Path.of(source))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) out.add(InstanceJson.read(p));
        }
        return out;
    }
}
