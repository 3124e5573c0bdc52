package io.edgesplit.dynamic.suite;

import io.edgesplit.dynamic.DecisionStats;
import io.edgesplit.dynamic.LatencyStats;
import io.edgesplit.dynamic.PolicyConfig;
import io.edgesplit.dynamic.Scenario;
import io.edgesplit.dynamic.SimulationResult;
import io.edgesplit.io.OutputGuard;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a simulation suite: every (scenario, policy, seed), one after the other (a policy's decision times are
 * part of its result, so runs do not share the cores), each appended to {@code results/<suite>/sim-runs.csv}
 * the moment it ends, with its files ({@link RunFiles}) and, when the suite asks for it, the optimum in
 * hindsight and the competitive ratio ({@link Hindsight}). A run that throws is that run's ERROR row, a run
 * that outlasts {@code timeoutSeconds} its TIMEOUT row; the suite goes on. Behaviour in full:
 * docs/benchmarks.md, "Simulation suites".
 */
public final class SimRunner {
    /**
     * @param resultsRoot results go to {@code resultsRoot/<suite>}
     * @param resume      skip the runs already in sim-runs.csv
     * @param fresh       delete the suite's earlier results first
     */
    public record Options(Path resultsRoot, boolean resume, boolean fresh, PrintStream log) {
        public Options {
            if (resume && fresh) throw new IllegalArgumentException("--resume and --fresh exclude each other");
        }
    }

    /** One planned run. */
    public record Planned(Scenario scenario, PolicyConfig policy, long seed) {
        public String id() { return SimRow.id(scenario.name(), policy.name(), seed); }
    }

    /** What a call to {@link #run()} did. */
    public record Summary(Path resultsDir, int planned, int skipped, int ran, Map<String, Integer> byStatus, boolean interrupted) {}

    private final SimSuite suite;
    private final SimEngine engine;
    private final SolverRegistry registry;
    private final Options opt;

    public SimRunner(SimSuite suite, SimEngine engine, SolverRegistry registry, Options options) {
        this.suite = suite;
        this.engine = engine;
        this.registry = registry;
        this.opt = options;
    }

    public Path resultsDir() {
        return OutputGuard.inside(opt.resultsRoot(), opt.resultsRoot().resolve(suite.name()), "the results folder of suite \"" + suite.name() + "\",");
    }

    /** Reads every scenario and policy (their errors name their files and JSON paths), then plans scenario × policy × seed. */
    public List<Planned> plan() {
        List<Scenario> scenarios = new ArrayList<>();
        Map<String, Path> scenarioNames = new HashMap<>();
        for (Path f : suite.scenarios()) {
            Scenario s = engine.scenarios().read(f);
            Path other = scenarioNames.put(s.name(), f);
            if (other != null)
                throw new InvalidInputException(f.toString(), "name", "scenario name \"" + s.name() + "\" is also used by " + other
                        + "; run ids and file names are built from scenario names, so they must be unique within a suite");
            scenarios.add(s);
        }
        Path policiesDir = suite.dir().resolve("../policies").normalize();
        List<PolicyConfig> policies = new ArrayList<>();
        Map<String, String> policyNames = new HashMap<>();
        for (SimSuite.PolicyRef ref : suite.policies()) {
            PolicyConfig p;
            try {
                p = engine.policies().resolve(ref.file() == null ? ref.entry() : ref.file().toString(), policiesDir);
            } catch (InvalidInputException e) {
                throw e.file() != null ? e : new InvalidInputException(suite.file().toString(), ref.jsonPath(), e.getMessage());
            }
            if (registry.find(p.backend()).isEmpty())
                throw new InvalidInputException(suite.file().toString(), ref.jsonPath(), "policy \"" + p.name() + "\" uses backend \""
                        + p.backend() + "\", which is not registered; registered: " + String.join(", ", registry.names()));
            String other = policyNames.put(p.name(), ref.jsonPath());
            if (other != null)
                throw new InvalidInputException(suite.file().toString(), ref.jsonPath(), "policy name \"" + p.name() + "\" is also the name of "
                        + other + "; give each policy its own name");
            policies.add(p);
        }
        hindsightSolver();
        List<Planned> out = new ArrayList<>();
        for (Scenario s : scenarios)
            for (PolicyConfig p : policies)
                for (long seed : suite.seeds()) out.add(new Planned(s, p, seed));
        return out;
    }

    private Solver hindsightSolver() {
        if (suite.hindsight() == null) return null;
        return registry.find(suite.hindsight().backend()).orElseThrow(() -> new InvalidInputException(suite.file().toString(),
                "hindsight.backend", "\"" + suite.hindsight().backend() + "\" is not a registered backend; registered: " + String.join(", ", registry.names())));
    }

    public Summary run() throws IOException {
        List<Planned> plan = plan();
        Path dir = resultsDir();
        Path csv = dir.resolve("sim-runs.csv");
        if (opt.fresh()) deleteResults(dir);
        if (Files.exists(csv) && Files.size(csv) > 0 && !opt.resume())
            throw new IllegalArgumentException(csv + " exists; use --resume to finish that suite run or --fresh to start over");
        List<String> notes = new ArrayList<>();
        Hindsight hindsight = suite.hindsight() == null ? null : new Hindsight(suite.hindsight(), hindsightSolver());
        Map<String, Integer> byStatus = new TreeMap<>();
        int ran = 0, skipped;
        boolean interrupted = false;
        try (SimRunsCsv out = SimRunsCsv.openForAppend(csv, notes)) {
            for (String n : notes) opt.log().println("note: " + n + " (set aside in sim-runs.csv.removed)");
            Map<String, SimRow> done = SimRunsCsv.read(csv);
            if (hindsight != null) for (SimRow r : done.values())
                if (r.hindsightStatus() != null)
                    hindsight.remember(r.scenario(), r.seed(), new Hindsight.Result(r.hindsightStatus(), r.hindsightTotalLatencyS(), r.hindsightBoundS(), null));
            List<Planned> todo = plan.stream().filter(p -> !done.containsKey(p.id())).toList();
            skipped = plan.size() - todo.size();
            if (skipped > 0) opt.log().println("resuming: " + skipped + " of " + plan.size() + " runs already in " + csv);
            for (Planned p : todo) {
                SimRow row = execute(p, dir, hindsight);
                if (row == null) { // SIGINT/SIGTERM: not a result; --resume runs it again
                    interrupted = true;
                    break;
                }
                out.append(row);
                ran++;
                byStatus.merge(row.status(), 1, Integer::sum);
                opt.log().println(String.format(Locale.ROOT, "[%d/%d] %s %s s%d: %s%s (%.2f s)", skipped + ran, plan.size(), p.scenario().name(),
                        p.policy().name(), p.seed(), row.status(), row.meanS() == null ? "" : String.format(Locale.ROOT, ", mean %.4g s, p95 %.4g s",
                                row.meanS(), row.p95S()), row.wallS()));
            }
        }
        return new Summary(dir, plan.size(), skipped, ran, byStatus, interrupted);
    }

    private static void deleteResults(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("sim-runs.csv"));
        for (String sub : List.of("requests", "load", "realised", "runs", "report"))
            if (Files.isDirectory(dir.resolve(sub)))
                try (var walk = Files.walk(dir.resolve(sub))) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
                }
    }

    /** Runs one simulation in a thread of its own (so it can be abandoned) and makes its row; null when interrupted. */
    SimRow execute(Planned p, Path dir, Hindsight hindsight) throws IOException {
        AtomicReference<SimulationResult> box = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread th = new Thread(() -> {
            try {
                box.set(engine.simulator().run(p.scenario(), p.policy(), p.seed()));
            } catch (Throwable t) { // a crash of one run is that run's row (StackOverflowError, OutOfMemoryError too)
                failure.set(t);
            }
        }, "sim-" + p.scenario().name() + "-" + p.policy().name());
        th.setDaemon(true); // an abandoned (hung) simulation must not keep the JVM alive
        long t0 = System.nanoTime();
        th.start();
        try {
            th.join((long) Math.ceil(suite.timeoutSeconds() * 1000));
        } catch (InterruptedException e) {
            th.interrupt();
            return null;
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (th.isAlive()) {
            th.interrupt();
            return failed(p, SimRow.TIMEOUT, wall, String.format(Locale.ROOT, "still running after %.1f s (timeoutSeconds); abandoned", suite.timeoutSeconds()));
        }
        if (failure.get() != null) return failed(p, SimRow.ERROR, wall, failure.get().getClass().getSimpleName() + ": " + failure.get().getMessage());
        SimulationResult r = box.get();
        if (r == null) return failed(p, SimRow.ERROR, wall, "the simulator returned no result");
        if (!r.trace().status().hasSchedule() || r.requests().isEmpty())
            return failed(p, SimRow.ERROR, r.wallSeconds(), "the simulation has no executed trace (" + r.trace().status()
                    + (r.trace().message() == null ? "" : ": " + r.trace().message()) + ")");
        try {
            return row(p, r, dir, hindsight);
        } catch (RuntimeException e) { // a result that cannot be summarised is a failure of that run, not of the suite
            return failed(p, SimRow.ERROR, wall, "recording the result failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private SimRow row(Planned p, SimulationResult r, Path dir, Hindsight hindsight) throws IOException {
        LatencyStats l = r.latency();
        DecisionStats d = r.decisions();
        boolean valid = r.valid();
        int violations = r.validation().violations().size();
        String message = valid ? null : r.validation().violations().get(0) + (violations > 1 ? " (and " + (violations - 1) + " more violations)" : "");
        Double total = null, ratio = null, ratioToBound = null;
        Hindsight.Result h = null;
        if (valid) {
            total = Hindsight.policyTotalLatency(r);
            if (hindsight != null) {
                try {
                    h = hindsight.of(r);
                } catch (RuntimeException e) {
                    h = new Hindsight.Result("ERROR", null, null, e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                if (h.optimal()) ratio = Hindsight.ratio(total, h.totalLatency());
                ratioToBound = Hindsight.ratio(total, h.bound());
                if (h.message() != null) message = "hindsight " + h.status() + ": " + h.message();
            }
        }
        String requestsFile = RunFiles.write(dir, r);
        return new SimRow(p.scenario().name(), p.policy().name(), p.policy().backend(), mode(p.policy()), p.seed(),
                valid ? SimRow.OK : SimRow.INVALID, r.requests().size(), nan(l.mean()), nan(l.p50()), nan(l.p95()), nan(l.p99()),
                nan(l.max()), l.deadlines(), l.missed(), d == null ? null : d.decisions(), d == null ? null : nan(1000 * d.meanSeconds()),
                d == null ? null : nan(1000 * d.p99Seconds()), d == null ? null : nan(1000 * d.maxSeconds()), d == null ? null : d.cutByBudget(), d == null ? null : d.fallbacks(),
                r.wallSeconds(), valid, violations, total, h == null ? null : h.status(), h == null ? null : h.totalLatency(),
                h == null ? null : h.bound(), ratio, ratioToBound, requestsFile, message, now());
    }

    private static SimRow failed(Planned p, String status, double wall, String message) {
        return new SimRow(p.scenario().name(), p.policy().name(), p.policy().backend(), mode(p.policy()), p.seed(), status, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, wall, false, 0, null, null, null, null,
                null, null, null, message, now());
    }

    static String mode(PolicyConfig p) { return p.mode() == PolicyConfig.Mode.REPLAN ? "replan" : "on-arrival"; }

    private static Double nan(double v) { return Double.isNaN(v) ? null : v; }

    private static String now() { return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(); }
}
