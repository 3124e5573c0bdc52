package io.edgesplit.backend.cpsat;

import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.zoo.ModelZoo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The measurements behind docs/cpsat.md (not a test: run by hand, in the foreground, e.g.
 * {@code java -cp target/edgesplit.jar:target/test-classes io.edgesplit.backend.cpsat.CpSatMeasurements small 2}).
 * Every answer goes through the validator; an invalid one aborts.
 */
public final class CpSatMeasurements {
    public static void main(String[] args) {
        String what = args[0];
        int workers = Integer.parseInt(args[1]);
        double limit = args.length > 2 ? Double.parseDouble(args[2]) : 60;
        // Warm-up: loading the native library (seconds on a loaded machine) must not count against the first run.
        run(TinyInstances.tiny(1).compile(), SolveOptions.defaults());
        switch (what) {
            case "small" -> small(workers, limit, args.length > 3 && args[3].equals("portfolio") ? Map.of("deterministic", false) : Map.of());
            case "ablation" -> ablation(workers, limit, args.length > 3 ? args[3] : "all", args.length > 4 && args[4].equals("portfolio"));
            case "warm" -> warm(workers, limit, args.length > 3 && args[3].equals("portfolio") ? Map.of("deterministic", false) : Map.of());
            case "dataset" -> dataset(workers, limit, args[3], args.length > 4 && args[4].equals("warm"), args.length > 5 ? args[5] : null);
            case "mk01" -> mk01(workers, limit, args.length > 3 && args[3].equals("portfolio") ? Map.of("deterministic", false) : Map.of());
            default -> throw new IllegalArgumentException(what);
        }
    }

    static Outcome run(CompiledInstance ci, SolveOptions o) {
        Outcome out = CheckedSolve.run(new CpSatSolver(), ci, o);
        if (!out.valid()) throw new AssertionError(ci.name() + ": " + out.report().summary());
        return out;
    }

    static String row(CompiledInstance ci, Outcome o) {
        var s = o.solution();
        return String.format(Locale.ROOT, "%-22s %2d tasks %3d layers %2d nodes  %-9s obj %-10s bound %-10s %7.2f s",
                ci.name(), ci.taskCount(), ci.totalLayers(), ci.nodeCount(), s.status(), s.objectiveTicks(), s.lowerBoundTicks(), s.wallSeconds());
    }

    /** Small random instances (TinyInstances.random(seed, 6, 7, 5)), both objectives, with the default model. */
    static void small(int workers, double limit, Map<String, Object> params) {
        for (long seed = 1; seed <= 8; seed++)
            for (Objective obj : Objective.values()) {
                Instance in = TinyInstances.random(seed, 6, 7, 5).withObjective(obj);
                in = in.withName("small-" + seed + "-" + obj.json());
                CompiledInstance ci = in.compile();
                System.out.println(row(ci, run(ci, SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers).withParams(params))));
            }
    }

    /** A campus-like instance with identical edge servers, so that symmetry breaking has something to break. */
    static Instance campus(long seed, int tasks, int edges, String model) {
        Random r = new Random(seed);
        List<Node> nodes = new ArrayList<>();
        List<Task> ts = new ArrayList<>();
        int devices = Math.max(1, tasks / 2);
        for (int d = 0; d < devices; d++) nodes.add(new Node("dev" + (d + 1), NodeKind.DEVICE, 2e9 * (1 + r.nextInt(2))));
        for (int e = 0; e < edges; e++) nodes.add(new Node("edge" + (e + 1), NodeKind.EDGE, 4e10));
        DnnModel m = ModelZoo.get(model);
        for (int t = 0; t < tasks; t++)
            ts.add(new Task("t" + (t + 1), m.name(), "dev" + (1 + t % devices), 0.001 * r.nextInt(20), 1, null));
        return new Instance("campus-" + model + "-" + tasks + "t-" + edges + "e-s" + seed, 1e-6, Objective.MAKESPAN,
                Granularity.SEGMENT, Contention.INGRESS, List.of(m), nodes, Network.uniform(1.25e7, 0.002), List.of(), ts, null);
    }

    /** Time to prove optimality with each redundant constraint on and off. */
    static void ablation(int workers, double limit, String which, boolean portfolio) {
        List<CompiledInstance> instances = new ArrayList<>();
        instances.add(InstanceJson.read(Path.of("datasets/fjsp/mk01.json")).compile());
        instances.add(campus(1, 4, 3, "vgg5").compile());
        instances.add(campus(2, 6, 3, "vgg5").compile());
        for (long seed : new long[]{3, 5}) instances.add(TinyInstances.random(seed, 6, 7, 5).withName("small-" + seed).compile());
        Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        configs.put("plain", Map.of("loadCuts", false, "cumulative", false, "symmetry", false));
        configs.put("+loadCuts", Map.of("loadCuts", true, "cumulative", false, "symmetry", false));
        configs.put("+cumulative", Map.of("loadCuts", false, "cumulative", true, "symmetry", false));
        configs.put("+symmetry", Map.of("loadCuts", false, "cumulative", false, "symmetry", true));
        configs.put("default", Map.of());
        configs.put("default+cumulative", Map.of("cumulative", true));
        if (!portfolio) configs.put("default,portfolio", Map.of("deterministic", false));
        if (which.startsWith("first")) instances = instances.subList(0, Integer.parseInt(which.substring(5)));
        for (CompiledInstance ci : instances)
            for (var c : configs.entrySet()) {
                if (which.startsWith("first") && c.getKey().contains("portfolio")) continue;
                if (!which.equals("all") && !which.startsWith("first") && !c.getKey().equals(which)) continue;
                Map<String, Object> params = new LinkedHashMap<>(c.getValue());
                if (portfolio) params.put("deterministic", false);
                for (long seed = 1; seed <= 2; seed++) {
                    Outcome o = run(ci, SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers).withParams(params).withSeed(seed));
                    System.out.println(String.format(Locale.ROOT, "%-20s seed %d ", c.getKey(), seed) + row(ci, o));
                }
            }
    }

    /**
     * Every instance of a committed folder: time to prove; with {@code warm}, cold against warm-started runs
     * (warm start from {@code local} and from {@code medag}, each in both warm-start modes): time to first
     * solution and the objective at the end. Optional 6th argument: only instances whose name contains it.
     */
    static void dataset(int workers, double limit, String dir, boolean warmToo, String filter) {
        java.io.File[] files = new java.io.File(dir).listFiles((d, n) -> n.endsWith(".json"));
        java.util.Arrays.sort(files);
        SolverRegistry registry = SolverRegistry.load();
        for (java.io.File f : files) {
            CompiledInstance ci = InstanceJson.read(f.toPath()).compile();
            if (filter != null && !ci.name().contains(filter)) continue;
            report("cold", null, ci, run(ci, SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers)));
            if (!warmToo) continue;
            for (String source : List.of("local", "medag")) {
                Outcome start = CheckedSolve.run(registry.find(source).orElseThrow(), ci, SolveOptions.defaults().withTimeLimit(limit));
                if (!start.valid() || !start.solution().status().hasSchedule()) continue;
                Schedule ws = Schedule.fromSolution(ci, start.solution());
                for (String mode : List.of("hint", "neighbourhood")) {
                    SolveOptions o = SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers).withWarmStart(ws)
                            .withParams(Map.of("warmStartMode", mode));
                    report("warm " + source + " " + mode, start.solution().objectiveTicks(), ci, run(ci, o));
                }
            }
        }
    }

    private static void report(String how, Double startObjective, CompiledInstance ci, Outcome out) {
        TracePoint first = out.trace().stream().filter(p -> p.objectiveTicks() != null).findFirst().orElse(null);
        System.out.println(String.format(Locale.ROOT, "%-26s start %-10s ", how, startObjective == null ? "-" : String.format(Locale.ROOT, "%.0f", startObjective))
                + row(ci, out) + (first == null ? "  no solution"
                : String.format(Locale.ROOT, "  first %.2f s obj %.0f", first.seconds(), first.objectiveTicks()))
                + "  [" + out.solution().message() + "]");
        System.out.flush();
    }

    static void mk01(int workers, double limit, Map<String, Object> params) {
        CompiledInstance ci = InstanceJson.read(Path.of("datasets/fjsp/mk01.json")).compile();
        for (long seed = 1; seed <= 3; seed++) {
            Outcome o = run(ci, SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers).withSeed(seed).withParams(params));
            double at40 = o.trace().stream().filter(p -> p.objectiveTicks() != null && p.objectiveTicks() <= 40).mapToDouble(TracePoint::seconds).min().orElse(Double.NaN);
            System.out.println(row(ci, o) + String.format(Locale.ROOT, "  seed %d  first reached 40 at %.2f s", seed, at40));
        }
    }

    /** Time to first solution, cold versus warm-started from local, on medium instances. */
    static void warm(int workers, double limit, Map<String, Object> params) {
        List<CompiledInstance> instances = List.of(
                campus(11, 12, 3, "vgg5").compile(),
                campus(12, 10, 3, "alexnet").compile(),
                campus(13, 8, 2, "resnet18").compile());
        for (CompiledInstance ci : instances) {
            Outcome local = CheckedSolve.run(new LocalSolver(), ci, SolveOptions.defaults());
            Schedule ws = Schedule.fromSolution(ci, local.solution());
            for (boolean warm : new boolean[]{false, true}) {
                SolveOptions o = SolveOptions.defaults().withTimeLimit(limit).withWorkers(workers).withParams(params);
                if (warm) o = o.withWarmStart(ws);
                Outcome out = run(ci, o);
                TracePoint first = out.trace().stream().filter(p -> p.objectiveTicks() != null).findFirst().orElse(null);
                System.out.println(String.format(Locale.ROOT, "%-5s local %-9s ", warm ? "warm" : "cold", local.solution().objectiveTicks())
                        + row(ci, out) + (first == null ? "  no solution"
                        : String.format(Locale.ROOT, "  first %.2f s obj %s", first.seconds(), first.objectiveTicks())));
            }
        }
    }
}
