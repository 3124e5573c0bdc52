package io.edgesplit.dynamic.suite;

import io.edgesplit.dynamic.DecisionStats;
import io.edgesplit.dynamic.PolicyConfig;
import io.edgesplit.dynamic.RequestOutcome;
import io.edgesplit.dynamic.Scenario;
import io.edgesplit.dynamic.SimulationResult;
import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Fluctuation;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.TaskSchedule;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolverRegistry;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Hand-built simulations for the suite tests, independent of the simulator: a "scenario" file names a seeded
 * tiny instance ({@code {"name": "a", "requests": 4, "fluctuating": false}}); a run "simulates" a policy by
 * solving the realised instance offline with the policy's backend, so its trace is a real, validated schedule
 * and its requests' latencies are that schedule's. The realised instance depends on (scenario, seed) only, as
 * in the real simulator. A policy whose name starts with {@code crash} throws; {@code hang} never returns;
 * {@code invalid} returns a trace the validator rejects; {@code local} refuses some of these instances (a task
 * that may not run on its origin), and then returns no executed trace at all.
 */
final class SimFixtures {
    private SimFixtures() {}

    static final SolverRegistry REGISTRY = SolverRegistry.load();

    static SimEngine engine() { return new SimEngine(SimFixtures::scenario, SimFixtures::policy, SimFixtures::simulate); }

    static Scenario scenario(Path file) {
        JsonObj o = JsonObj.of(Json.readTree(file), "");
        String name = o.string("name");
        int requests = (int) o.integer("requests");
        boolean fluctuating = o.bool("fluctuating", false);
        o.done();
        Scenario.LoadPattern load = fluctuating ? new Scenario.Steps(Map.of()) : new Scenario.Steady();
        return new Scenario(name, realised(name, requests, 0, false), requests, new Scenario.Poisson(1), List.of(), List.of(),
                null, load, new Scenario.Steady(), Scenario.Decisions.DEFAULT, Scenario.Dispatch.ASAP);
    }

    static PolicyConfig policy(String nameOrPath, Path policiesDir) {
        Path f = nameOrPath.endsWith(".json") ? Path.of(nameOrPath) : policiesDir.resolve(nameOrPath + ".json");
        if (!Files.isRegularFile(f)) throw new io.edgesplit.model.InvalidInputException("", "no policy \"" + nameOrPath + "\" in " + policiesDir);
        JsonObj o = JsonObj.of(Json.readTree(f), "");
        PolicyConfig p = new PolicyConfig(o.string("name"), o.string("backend"), PolicyConfig.Mode.REPLAN, 0.5, null, false);
        o.done();
        return p;
    }

    /**
     * The realised instance of (scenario, seed): total latency, {@code requests} tasks. A fluctuating one has its
     * edge nodes slowed to factor 2 from 1000 s on, long after every schedule of it ends: it fluctuates (so
     * backends that plan with constant speeds are refused it) while the schedules of its steady twin stay valid.
     */
    static Instance realised(String scenario, int requests, long seed, boolean fluctuating) {
        Instance in = TinyInstances.random(scenario.hashCode() * 31L + seed, requests, 3, 4).withObjective(Objective.TOTAL_LATENCY)
                .withName(scenario + "-s" + seed);
        if (!fluctuating) return in;
        List<Fluctuation> f = new ArrayList<>();
        for (Node n : in.nodes())
            if (n.kind() != NodeKind.DEVICE) f.add(new Fluctuation(n.name(), List.of(new Fluctuation.Step(1000, 2)), List.of()));
        return in.withFluctuations(f);
    }

    static SimulationResult simulate(Scenario sc, PolicyConfig p, long seed) {
        if (p.name().startsWith("crash")) throw new IllegalStateException("the policy crashed on purpose");
        if (p.name().startsWith("hang")) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("woken up");
        }
        boolean fluctuating = sc.load() instanceof Scenario.Steps;
        Instance realised = realised(sc.name(), sc.requests(), seed, fluctuating);
        Instance steady = realised.withFluctuations(List.of());
        Solution trace = CheckedSolve.run(REGISTRY.get(p.backend()), steady.compile(), SolveOptions.defaults().withTimeLimit(5)).solution();
        if (p.name().startsWith("invalid")) // the same schedule, claiming a wrong objective: the validator says so
            trace = new Solution(trace.instance(), trace.solver(), trace.status(), trace.objective() + 1,
                    trace.objectiveTicks() + 1000, null, trace.wallSeconds(), trace.tasks(), null);
        CompiledInstance ci = realised.compile();
        Map<String, Task> tasks = new HashMap<>();
        for (Task t : realised.tasks()) tasks.put(t.name(), t);
        List<RequestOutcome> requests = new ArrayList<>();
        for (TaskSchedule ts : trace.tasks()) {
            Task t = tasks.get(ts.task());
            requests.add(new RequestOutcome(t.name(), t.model(), t.origin(), t.release(), ci.seconds(ts.completionTicks()), t.release() + 0.05));
        }
        return new SimulationResult(sc.name(), p.name(), seed, realised, trace, Validator.validate(ci, trace), requests,
                new DecisionStats(requests.size(), 0.001, 0.002, 0.002, 0, requests.size(), 0), 0.01);
    }

    /** A suite folder: scenarios/, policies/ and benchmarks/{@code suite}.json with the given body fields. */
    static Path suite(Path dir, String fields) throws IOException {
        Files.createDirectories(dir.resolve("scenarios"));
        Files.createDirectories(dir.resolve("policies"));
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("scenarios/a.json"), "{\"name\": \"a\", \"requests\": 4}");
        Files.writeString(dir.resolve("scenarios/b.json"), "{\"name\": \"b\", \"requests\": 3, \"fluctuating\": true}");
        for (String[] p : List.of(new String[]{"medag", "medag"}, new String[]{"heft", "heft"}, new String[]{"random", "random"},
                new String[]{"local", "local"}, new String[]{"crash", "heft"}, new String[]{"hang", "heft"}, new String[]{"invalid", "heft"}))
            Files.writeString(dir.resolve("policies/" + p[0] + ".json"), "{\"name\": \"" + p[0] + "\", \"backend\": \"" + p[1] + "\"}");
        Path f = dir.resolve("benchmarks/tiny-sim.json");
        Files.writeString(f, "{\"kind\": \"simulation\", " + fields + "}");
        return f;
    }

    static SimRunner runner(Path suiteFile, Path results, boolean resume) {
        return new SimRunner(SimSuiteReader.read(suiteFile), engine(), REGISTRY, new SimRunner.Options(results, resume, false, System.err));
    }
}
