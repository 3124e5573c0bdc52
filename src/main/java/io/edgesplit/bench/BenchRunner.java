package io.edgesplit.bench;

import io.edgesplit.io.Json;
import io.edgesplit.io.SolutionJson;
import io.edgesplit.io.SolverConfig;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.Solver;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.solver.TracePoint;
import io.edgesplit.validate.ValidationReport;
import io.edgesplit.validate.Validator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a suite: instances × configurations × repeats, each run validated, time-limited and appended to
 * {@code runs.csv} the moment it ends. See docs/benchmarks.md for the behaviour in full.
 */
public final class BenchRunner {
    /** Extra time a forked child gets for starting its JVM and loading native libraries (measured 4.5 s for one small run on a 2-core machine at load 16). */
    static double FORK_STARTUP_SECONDS = 10; // not final: a test shortens it to keep the suite fast

    private final Suite suite;
    private final SolverRegistry registry;
    private final BenchOptions opt;
    private final Map<String, Solver> solvers = new HashMap<>();
    private final int cores = Runtime.getRuntime().availableProcessors();
    private final String jdk = System.getProperty("java.version");

    public BenchRunner(Suite suite, SolverRegistry registry, BenchOptions options) {
        this.suite = suite;
        this.registry = registry;
        this.opt = options;
    }

    /** What a call to {@link #run()} did. */
    public record Summary(Path resultsDir, int planned, int skipped, int ran, Map<String, Integer> byStatus, boolean interrupted) {}

    /** Checks the suite against the registry, then plans every run of this shard in a stable order. */
    public List<RunSpec> plan() {
        List<SolverConfig> configs = new ArrayList<>();
        for (int i = 0; i < suite.configs().size(); i++) {
            SolverConfig c = suite.configs().get(i);
            Solver s = registry.find(c.backend()).orElse(null);
            if (s == null) {
                String msg = "suite " + suite.name() + ": solvers[" + i + "] (\"" + c.name() + "\") uses backend \"" + c.backend()
                        + "\", which is not registered; registered: " + String.join(", ", registry.names());
                if (!opt.skipMissingBackends())
                    throw new InvalidInputException(suite.file().toString(), "solvers[" + i + "]", "(\"" + c.name() + "\") uses backend \"" + c.backend()
                            + "\", which is not registered; registered: " + String.join(", ", registry.names())
                            + " (use --skip-missing-backends to run the suite without it)");
                opt.log().println("warning: " + msg + "; skipped");
                continue;
            }
            try {
                c.options().params().checkAgainst(s.name(), s.parameters());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(suite.file().toString(), "solvers[" + i + "]", "(\"" + c.name() + "\"): " + e.getMessage());
            }
            if (c.warmStarted()) {
                List<Solver> from = new ArrayList<>();
                for (String f : c.warmStartFrom()) {
                    Solver fs = registry.find(f).orElse(null);
                    if (fs == null)
                        throw new InvalidInputException(suite.file().toString(), "solvers[" + i + "]", "(\"" + c.name() + "\"): warmStartFrom \""
                                + f + "\" is not a registered backend; registered: " + String.join(", ", registry.names()));
                    from.add(fs);
                }
                s = new WarmStartChain(from, s);
            }
            solvers.put(c.name(), s);
            configs.add(c);
        }
        if (configs.isEmpty()) throw new IllegalArgumentException("suite " + suite.name() + ": no configuration left to run");
        Path base = Path.of("").toAbsolutePath(); // instance_file is recorded relative to the working directory (normally the repo root)
        Map<String, Path> names = new TreeMap<>();
        List<InstanceInfo> instances = new ArrayList<>();
        List<Path> files = new ArrayList<>(suite.instances());
        files.addAll(writeGenerated());
        for (Path f : files) {
            InstanceInfo info = InstanceInfo.load(f, base);
            Path other = names.put(info.name(), f);
            if (other != null)
                throw new InvalidInputException(f.toString(), "name", "instance name \"" + info.name() + "\" is also used by " + other
                        + "; run ids are built from instance names, so they must be unique within a suite");
            instances.add(info);
        }
        List<RunSpec> all = new ArrayList<>();
        for (InstanceInfo in : instances)
            for (SolverConfig c : configs)
                for (int r = 1; r <= suite.repeats(); r++) all.add(new RunSpec(in, c, r, c.seed() + r - 1));
        List<RunSpec> mine = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) if (i % opt.shardCount() == opt.shardIndex() - 1) mine.add(all.get(i));
        return mine;
    }

    /**
     * Generates the suite's generator-spec instances into {@code <results>/instances/} (deterministic: the same
     * spec always writes the same file), so forked runs, Gantt charts and later readers find them as files.
     */
    private List<Path> writeGenerated() {
        List<Path> out = new ArrayList<>();
        Path dir = opt.resultsDir(suite.name()).resolve("instances");
        for (io.edgesplit.generate.ScenarioGenerator.Spec spec : suite.generated()) {
            Path f = dir.resolve(spec.name() + ".json");
            try {
                String json = io.edgesplit.io.InstanceJson.write(io.edgesplit.generate.ScenarioGenerator.generate(spec));
                if (!Files.exists(f) || !Files.readString(f).equals(json)) Json.writeAtomically(f, json);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot write the generated instance " + f, e);
            }
            out.add(f);
        }
        return out;
    }

    public Summary run() throws IOException, InterruptedException {
        List<RunSpec> plan = plan();
        Path dir = opt.resultsDir(suite.name());
        Path csv = dir.resolve("runs.csv");
        if (opt.fresh()) deleteResults(dir);
        if (Files.exists(csv) && !opt.resume() && Files.size(csv) > 0)
            throw new IllegalArgumentException(csv + " exists; use --resume to finish that suite run or --fresh to start over");
        Files.createDirectories(dir.resolve("runs"));
        for (String note : RunsCsv.heal(csvOrEmpty(csv))) opt.log().println("note: " + note + " (set aside in runs.csv.removed)");
        Set<String> done = RunsCsv.read(csv).keySet();
        List<RunSpec> todo = plan.stream().filter(r -> !done.contains(r.id())).toList();
        int skipped = plan.size() - todo.size();
        Map<String, Integer> byStatus = new TreeMap<>();
        boolean interrupted = false;
        java.util.concurrent.atomic.AtomicInteger ran = new java.util.concurrent.atomic.AtomicInteger();
        try (RunsCsv out = RunsCsv.openForAppend(csv);
             Progress progress = Progress.create(opt.progressBar(), opt.log(), suite.name(), plan.size(), skipped)) {
            if (skipped > 0) opt.log().println("resuming: " + skipped + " of " + plan.size() + " runs already in " + csv);
            ExecutorService pool = Executors.newFixedThreadPool(opt.jobs(), r -> {
                Thread t = new Thread(r, "bench-job");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<?>> futures = new ArrayList<>();
                for (RunSpec spec : todo)
                    futures.add(pool.submit(() -> {
                        RunRecord rec = execute(spec, dir);
                        Thread.interrupted(); // an interrupt that arrived after the run ended must not lose its row
                        out.append(rec);
                        ran.incrementAndGet();
                        synchronized (byStatus) { byStatus.merge(rec.status(), 1, Integer::sum); }
                        progress.step(String.format(Locale.ROOT, "%s %s r%d: %s%s (%.2f s)", spec.instance().name(), spec.config().name(),
                                spec.repeat(), rec.status(), rec.objectiveSeconds() == null ? "" : String.format(Locale.ROOT, " %.6g s", rec.objectiveSeconds()),
                                rec.wallSeconds()));
                        return null;
                    }));
                for (Future<?> f : futures) {
                    try {
                        f.get();
                    } catch (InterruptedException e) {
                        // SIGINT/SIGTERM (io.edgesplit.solver.Interrupts): stop the runs under way, which record
                        // themselves as INTERRUPTED, start no other, and close runs.csv after the last row.
                        interrupted = true;
                        pool.shutdownNow();
                        awaitQuietly(pool);
                        break;
                    } catch (java.util.concurrent.ExecutionException e) {
                        Throwable c = e.getCause();
                        if (c instanceof IOException io) throw io;
                        throw new IllegalStateException("bench runner failed: " + c, c);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        return new Summary(dir, plan.size(), skipped, ran.get(), byStatus, interrupted);
    }

    /** Waits for the interrupted runs to write their rows; a further interrupt only shortens the wait. */
    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            // the second signal ends the process anyway (Interrupts)
        }
    }

    private static Path csvOrEmpty(Path csv) throws IOException {
        if (!Files.exists(csv)) Files.createFile(csv);
        return csv;
    }

    private static void deleteResults(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve("runs.csv"));
        for (String sub : List.of("runs", "report"))
            if (Files.isDirectory(dir.resolve(sub)))
                try (var walk = Files.walk(dir.resolve(sub))) {
                    for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
                }
    }

    /** What a run produced before validation: a solution and trace, or the runner's own verdict. */
    private record Attempt(String runnerStatus, Solution solution, List<TracePoint> trace, double wall, String message) {}

    /** Runs one spec (never throws for a backend's failure) and writes its solution and trace files. */
    RunRecord execute(RunSpec spec, Path dir) throws IOException {
        Solver solver = solvers.get(spec.config().name());
        SolverConfig cfg = spec.config().withSeed(spec.seed());
        CompiledInstance ci = spec.instance().compiled();
        Attempt a = opt.fork() ? forked(spec, solver, cfg, dir) : threaded(solver, cfg, ci);

        String status;
        Double objTicks = null, objSec = null, boundTicks = null, boundSec = null;
        boolean valid = false;
        String message = a.message();
        String solutionFile = null, traceFile = null;
        if (a.runnerStatus() != null) {
            status = a.runnerStatus();
        } else {
            Solution s = a.solution();
            status = s.status().name();
            if (s.lowerBoundTicks() != null) {
                boundTicks = s.lowerBoundTicks().doubleValue();
                boundSec = ci.seconds(boundTicks);
            }
            if (message == null) message = s.message();
            // A clear refusal (UnsupportedInstanceException, e.g. brute force on a large instance) is not a failure.
            if (s.status() == Status.ERROR && message != null && message.startsWith("unsupported: ")) status = RunRecord.UNSUPPORTED;
            // No answer by the deadline (io.edgesplit.solver.DeadlineRun): the backend was stopped at its limit.
            if (s.status() == Status.ERROR && message != null && message.startsWith("timeout: ")) status = RunRecord.TIMEOUT;
            if (s.status().hasSchedule()) {
                ValidationReport report = Validator.validate(ci, s);
                if (report.valid()) {
                    valid = true;
                    objTicks = report.objectiveTicks();
                    objSec = report.objectiveSeconds();
                } else {
                    status = RunRecord.INVALID;
                    message = report.violations().get(0) + (report.violations().size() > 1
                            ? " (and " + (report.violations().size() - 1) + " more violations)" : "");
                }
            }
            Path sf = dir.resolve("runs").resolve(spec.fileStem() + ".solution.json");
            SolutionJson.write(s, sf);
            solutionFile = dir.relativize(sf).toString();
            List<TracePoint> trace = new ArrayList<>(a.trace());
            // Backends without an anytime trace still have one point: their answer at the end.
            if (trace.isEmpty() && valid) trace.add(new TracePoint(a.wall(), objTicks, boundTicks));
            Path tf = dir.resolve("runs").resolve(spec.fileStem() + ".trace.csv");
            writeTrace(tf, trace, ci);
            traceFile = dir.relativize(tf).toString();
        }
        InstanceInfo in = spec.instance();
        return new RunRecord(spec.id(), suite.name(), in.name(), in.displayFile(), in.tasks(), in.nodes(), in.layers(),
                in.objectiveKind(), cfg.name(), cfg.backend(), spec.repeat(), spec.seed(), cfg.workers(), cfg.timeLimitSeconds(),
                status, objSec, objTicks, boundSec, boundTicks, in.bestKnownSeconds(), a.wall(), valid, message,
                solutionFile, traceFile, cores, jdk, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                in.bound().ticks(), in.bound().seconds(), in.bound().source());
    }

    private Attempt threaded(Solver solver, SolverConfig cfg, CompiledInstance ci) {
        AtomicReference<Outcome> box = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread th = new Thread(() -> {
            try {
                box.set(CheckedSolve.run(solver, ci, cfg.options()));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "bench-run-" + cfg.name());
        th.setDaemon(true); // an abandoned (hung) run must not keep the JVM alive
        long t0 = System.nanoTime();
        th.start();
        long waitMs = (long) Math.ceil((cfg.timeLimitSeconds() + suite.graceSeconds()) * 1000);
        try {
            th.join(waitMs);
        } catch (InterruptedException e) {
            th.interrupt(); // backends that look (cpsat's stopper, the deadline helper) stop at once
            return new Attempt(RunRecord.INTERRUPTED, null, List.of(), (System.nanoTime() - t0) / 1e9,
                    "interrupted by SIGINT/SIGTERM; --resume runs it again");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (th.isAlive()) {
            // Java cannot kill a thread: interrupt it and abandon it. A backend that ignores interrupts keeps a
            // core busy until it returns (use --fork to have such runs killed).
            th.interrupt();
            return new Attempt(RunRecord.TIMEOUT, null, List.of(), wall, String.format(Locale.ROOT,
                    "still running after the %.1f s limit + %.1f s grace; abandoned", cfg.timeLimitSeconds(), suite.graceSeconds()));
        }
        if (failure.get() != null)
            return new Attempt(Status.ERROR.name(), null, List.of(), wall, failure.get().getClass().getSimpleName() + ": " + failure.get().getMessage());
        Outcome o = box.get();
        double w = o.solution().wallSeconds() == null ? wall : o.solution().wallSeconds();
        return new Attempt(null, o.solution(), o.trace(), w, null);
    }

    private Attempt forked(RunSpec spec, Solver solver, SolverConfig cfg, Path dir) throws IOException {
        Path out = dir.resolve("runs").resolve(spec.fileStem() + ".fork.json");
        Path log = dir.resolve("runs").resolve(spec.fileStem() + ".fork.log");
        Files.deleteIfExists(out);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"), ForkedRun.class.getName(),
                spec.instance().file().toAbsolutePath().toString(),
                // The child rebuilds a warm-start chain from the configuration; it is given the backend itself.
                (solver instanceof WarmStartChain w ? w.then() : solver).getClass().getName(), ForkedRun.configJson(cfg), out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        long t0 = System.nanoTime();
        Process p = pb.start();
        double allowed = cfg.timeLimitSeconds() + suite.graceSeconds() + FORK_STARTUP_SECONDS;
        boolean finished;
        try {
            finished = p.waitFor((long) Math.ceil(allowed * 1000), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Attempt(RunRecord.INTERRUPTED, null, List.of(), (System.nanoTime() - t0) / 1e9,
                    "interrupted by SIGINT/SIGTERM; the child JVM was killed; --resume runs it again");
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            return new Attempt(RunRecord.TIMEOUT, null, List.of(), wall, String.format(Locale.ROOT,
                    "child JVM still running after the %.1f s limit + %.1f s grace + %.0f s start-up; killed",
                    cfg.timeLimitSeconds(), suite.graceSeconds(), FORK_STARTUP_SECONDS));
        }
        if (p.exitValue() != 0 || !Files.exists(out))
            return new Attempt(Status.ERROR.name(), null, List.of(), wall, "child JVM exited with code " + p.exitValue()
                    + ": " + lastLine(log) + " (log: " + dir.relativize(log) + ")");
        ForkedRun.Result r = ForkedRun.fromTree(Json.readTree(out));
        Files.deleteIfExists(out);
        Files.deleteIfExists(log);
        double w = r.solution().wallSeconds() == null ? wall : r.solution().wallSeconds();
        return new Attempt(null, r.solution(), r.trace(), w, null);
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) if (!lines.get(i).isBlank()) return lines.get(i).strip();
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
        return "(no output)";
    }

    /** The anytime trace: one row per improvement, times in seconds since the solve started. */
    static void writeTrace(Path file, List<TracePoint> trace, CompiledInstance ci) throws IOException {
        StringBuilder sb = new StringBuilder("seconds,objective_ticks,bound_ticks,objective_s,bound_s\n");
        for (TracePoint p : trace)
            sb.append(String.format(Locale.ROOT, "%.6f", p.seconds())).append(',')
                    .append(RunRecord.num(p.objectiveTicks())).append(',').append(RunRecord.num(p.boundTicks())).append(',')
                    .append(p.objectiveTicks() == null ? "" : RunRecord.secs(ci.seconds(p.objectiveTicks()))).append(',')
                    .append(p.boundTicks() == null ? "" : RunRecord.secs(ci.seconds(p.boundTicks()))).append('\n');
        Json.writeAtomically(file, sb.toString());
    }

}
