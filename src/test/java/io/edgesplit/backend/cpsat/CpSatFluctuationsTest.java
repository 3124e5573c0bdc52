package io.edgesplit.backend.cpsat;

import io.edgesplit.backend.medag.MedagSolver;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Fluctuation;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Task;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.WarmStartChain;
import io.edgesplit.testing.TinyInstances;
import io.edgesplit.validate.Validator;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** cpsat on instances with fluctuations (docs/model.md §8): the exact offline optimum in hindsight of a simulation. */
class CpSatFluctuationsTest {
    /** Explicit worker count, as docs/cpsat.md asks. */
    private static final int WORKERS = 2;
    private static final List<Double> FACTORS = List.of(1.0, 1.5, 2.0, 3.0);

    private static SolveOptions options() { return SolveOptions.defaults().withTimeLimit(20).withWorkers(WORKERS); }

    private static Outcome solve(CompiledInstance ci, SolveOptions o) {
        Outcome out = CheckedSolve.run(new CpSatSolver(), ci, o);
        assertTrue(out.valid(), () -> "cpsat on " + ci.name() + ": " + out.report().summary());
        return out;
    }

    private static Outcome optimum(CompiledInstance ci, SolveOptions o) {
        Outcome out = solve(ci, o);
        assertEquals(Status.OPTIMAL, out.solution().status(), () -> "cpsat did not prove " + ci.name() + ": " + out.solution().message());
        return out;
    }

    /** Steps at 1, 3 and 4 ms on every node, compute and link, all of factor 1. */
    private static Instance withFactorsOfOne(Instance in) {
        List<Fluctuation.Step> ones = List.of(new Fluctuation.Step(0.001, 1.0), new Fluctuation.Step(0.003, 1.0), new Fluctuation.Step(0.004, 1.0));
        return in.withFluctuations(in.nodes().stream().map(n -> new Fluctuation(n.name(), ones, ones)).toList());
    }

    @Test
    void anInstanceWhoseFactorsAreAllOneHasTheSameOptimumAsWithout() {
        for (Instance in : TinyInstances.allCombinations(3, 7300)) {
            CompiledInstance plain = in.compile(), ones = withFactorsOfOne(in).compile();
            assertTrue(ones.fluctuating());
            assertEquals(optimum(plain, options()).solution().objectiveTicks(), optimum(ones, options()).solution().objectiveTicks(), 1e-9, in.name());
        }
    }

    /**
     * One 8 ms layer on a device, or 1 ms on an edge server that is ten times slower until 4 ms; the input and
     * the result take 1 ms each way. On the device: 8. Offloaded and started as soon as the input is there (1):
     * 1 + 10 + 1 = 12. Offloaded and started when the slow spell ends: 4 + 1 + 1 = 6, the optimum, which waits
     * 3 ms with the input on the server.
     */
    @Test
    void theOptimumWaitsForASlowSpellToEnd() {
        CompiledInstance ci = slowSpell().compile();
        Outcome out = optimum(ci, options());
        assertEquals(6, out.solution().objectiveTicks(), 1e-9);
        var layer = out.solution().tasks().get(0).layers().get(0);
        assertEquals("edge1", layer.node());
        assertEquals(4, layer.start(), "the layer starts when the slow spell ends, 3 ms after its input arrived");
    }

    /** Warm-started by medag, cpsat still solves it: medag alone is refused and gives no warm start. */
    @Test
    void aWarmStartChainEndingInCpsatIsNotRefused() {
        Outcome out = CheckedSolve.run(new WarmStartChain(new MedagSolver(), new CpSatSolver()), slowSpell().compile(), options());
        assertEquals(Status.OPTIMAL, out.solution().status(), out.solution().message());
        assertEquals(6, out.solution().objectiveTicks(), 1e-9);
        assertTrue(out.solution().message().contains("no warm start"), out.solution().message());
    }

    private static Instance slowSpell() {
        return new Instance("slow-spell", 1e-3, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                List.of(new DnnModel("m", 1000, List.of(new Layer("l0", 8e6, 1000, 0, List.of())))),
                List.of(new Node("dev1", NodeKind.DEVICE, 1e9), new Node("edge1", NodeKind.EDGE, 8e9)),
                Network.uniform(1e6, 0), List.of(), List.of(new Task("t1", "m", "dev1", 0)), null)
                .withFluctuations(List.of(new Fluctuation("edge1",
                        List.of(new Fluctuation.Step(0, 10.0), new Fluctuation.Step(0.004, 1.0)), List.of())));
    }

    /**
     * Two edge servers identical but for edge1 being three times slower all along: symmetry breaking must not
     * treat them as interchangeable (it would make edge2 wait for edge1 to be used first). The optimum offloads
     * to edge2: input 1 ms, layer 1 ms, result 1 ms; edge1 would take 1 + 3 + 1, the device 8.
     */
    @Test
    void identicalNodesThatFluctuateDifferentlyAreNotInterchangeable() {
        Instance in = new Instance("two-servers", 1e-3, Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS,
                List.of(new DnnModel("m", 1000, List.of(new Layer("l0", 8e6, 1000, 0, List.of())))),
                List.of(new Node("dev1", NodeKind.DEVICE, 1e9), new Node("edge1", NodeKind.EDGE, 8e9), new Node("edge2", NodeKind.EDGE, 8e9)),
                Network.uniform(1e6, 0), List.of(), List.of(new Task("t1", "m", "dev1", 0)), null)
                .withFluctuations(List.of(new Fluctuation("edge1", List.of(new Fluctuation.Step(0, 3.0)), List.of())));
        Outcome out = optimum(in.compile(), options().withParams(Map.of("symmetry", true)));
        assertEquals(3, out.solution().objectiveTicks(), 1e-9);
        assertEquals("edge2", out.solution().tasks().get(0).layers().get(0).node());
    }

    /** Steps at increasing ticks from a random one in 0..2 ms, 1–2 of them, factors from {@link #FACTORS}. */
    private static List<Fluctuation.Step> randomSteps(Random r) {
        List<Fluctuation.Step> steps = new ArrayList<>();
        int at = r.nextInt(3);
        for (int k = 1 + r.nextInt(2); k > 0; k--) {
            steps.add(new Fluctuation.Step(0.001 * at, FACTORS.get(r.nextInt(FACTORS.size()))));
            at += 1 + r.nextInt(4);
        }
        return steps;
    }

    /** Random compute and link steps on about two thirds of the nodes. */
    private static Instance withRandomFluctuations(Instance in, Random r) {
        List<Fluctuation> fl = new ArrayList<>();
        for (Node n : in.nodes())
            if (r.nextInt(3) > 0) fl.add(new Fluctuation(n.name(), randomSteps(r), r.nextBoolean() ? randomSteps(r) : List.of()));
        return in.withFluctuations(fl);
    }

    /**
     * 1–2 single-chain tasks (up to 3 layers alone, 2 each when two) on their devices and 1–2 edge servers, 1 ms
     * ticks and durations of a few ticks, random modes and fluctuations: small enough for {@link ChainBruteForce}.
     */
    static Instance randomChains(long seed) {
        Random r = new Random(seed);
        int tasks = 1 + r.nextInt(2);
        List<Node> nodes = new ArrayList<>();
        for (int d = 1; d <= tasks; d++) nodes.add(new Node("dev" + d, NodeKind.DEVICE, 1e9));
        nodes.add(new Node("edge1", NodeKind.EDGE, 2e9 * (1 + r.nextInt(2)), r.nextInt(4) == 0 ? 0.001 * (1 + r.nextInt(2)) : 0, 1.0));
        if (tasks == 1 && r.nextBoolean()) nodes.add(new Node("edge2", NodeKind.EDGE, 2e9));
        List<DnnModel> models = new ArrayList<>();
        List<Task> taskList = new ArrayList<>();
        for (int t = 1; t <= tasks; t++) {
            List<Layer> layers = new ArrayList<>();
            int L = 1 + r.nextInt(tasks == 1 ? 3 : 2);
            for (int l = 0; l < L; l++)
                layers.add(new Layer("l" + l, 1e6 * (1 + r.nextInt(3)), 1000.0 * r.nextInt(3), 0, l == 0 ? List.of() : List.of("l" + (l - 1))));
            models.add(new DnnModel("m" + t, 1000.0 * (1 + r.nextInt(2)), layers));
            taskList.add(new Task("t" + t, "m" + t, "dev" + t, t == 1 ? 0 : 0.001 * r.nextInt(3)));
        }
        Instance in = new Instance("chains-" + seed, 1e-3, Objective.values()[r.nextInt(2)], Granularity.values()[r.nextInt(2)],
                Contention.values()[r.nextInt(2)], models, nodes, Network.uniform(1e6, 0), List.of(), taskList, null);
        return withRandomFluctuations(in, r);
    }

    /**
     * On random tiny chains with random fluctuations, cpsat's proven optimum is valid, no worse than any schedule
     * the brute force finds, and equal to the best of them; the brute force looks at every schedule whose
     * activities all end by a horizon no optimum exceeds: the proven makespan, or for total latency (weights 1)
     * the latest release plus the proven total (no task waits longer than the total).
     */
    @Test
    void provenOptimaOfRandomChainsWithFluctuationsEqualBruteForce() {
        int changed = 0;
        for (long seed = 8800; seed < 8840; seed++) {
            Instance in = randomChains(seed);
            CompiledInstance ci = in.compile();
            Outcome cp = optimum(ci, options());
            double opt = cp.solution().objectiveTicks();
            long latestRelease = 0;
            for (int t = 0; t < ci.taskCount(); t++) latestRelease = Math.max(latestRelease, ci.release(t));
            int horizon = (int) Math.round(ci.objective() == Objective.MAKESPAN ? opt : latestRelease + opt);
            Schedule bf = ChainBruteForce.best(ci, horizon);
            assertTrue(bf != null, "the brute force finds cpsat's schedule at least, on " + in.name());
            var report = Validator.validate(ci, bf.toSolution(ci, "bruteforce", Status.FEASIBLE, null, 0.0));
            assertTrue(report.valid(), () -> "the brute force's best on " + in.name() + ": " + report.summary());
            assertEquals(bf.objectiveTicks(ci), opt, 1e-9, in.name() + " " + in.granularity().json() + "/" + in.contention().json() + "/" + in.objective().json());
            // The same optimum with one optional interval per piece instead of one interval of variable size per option.
            assertEquals(opt, optimum(ci, options().withParams(Map.of("fluctuationIntervals", "pieces"))).solution().objectiveTicks(), 1e-9);
            // The brute force's schedule, fixed as a hint, is complete and feasible in the model (the pieces' literals included).
            Outcome fixed = solve(ci, options().withWarmStart(bf).withParams(Map.of("fixToWarmStart", true)));
            assertTrue(fixed.solution().status().hasSchedule(), () -> "hint rejected on " + in.name());
            assertEquals(opt, fixed.solution().objectiveTicks(), 1e-9, "fixed to the brute force's schedule on " + in.name());
            if (Math.abs(optimum(in.withFluctuations(List.of()).compile(), options()).solution().objectiveTicks() - opt) > 1e-9) changed++;
        }
        // The draws exercise the fluctuations: without them many of these optima would be other numbers.
        int c = changed;
        assertTrue(changed >= 10, () -> "fluctuations changed only " + c + " of 40 optima");
    }

    /** Random fluctuations on the tiny instances of the other tests (DAGs, profiles, allowedNodes, ...): valid optima. */
    @Test
    void randomTinyInstancesWithFluctuationsGetValidProvenOptima() {
        Random r = new Random(8900);
        for (Instance in : TinyInstances.allCombinations(2, 8900)) {
            CompiledInstance ci = withRandomFluctuations(in, r).compile();
            Outcome out = optimum(ci, options());
            Outcome pieces = optimum(ci, options().withParams(Map.of("fluctuationIntervals", "pieces")));
            assertEquals(out.solution().objectiveTicks(), pieces.solution().objectiveTicks(), 1e-9, in.name());
            // The neighbourhood search around the proven optimum keeps a valid schedule (frozen tasks keep their durations).
            Schedule ws = Schedule.fromSolution(ci, out.solution());
            Outcome nb = solve(ci, options().withWarmStart(ws).withParams(Map.of("warmStartMode", "neighbourhood")).withTimeLimit(2));
            assertEquals(out.solution().objectiveTicks(), nb.solution().objectiveTicks(), 1e-9, in.name());
        }
    }

    @Test
    void backendsThatPlanWithConstantSpeedsAreRefusedFluctuatingInstances() {
        CompiledInstance ci = randomChains(8800).compile();
        Outcome out = CheckedSolve.run(new MedagSolver(), ci, SolveOptions.defaults());
        assertTrue(out.solution().status() == Status.ERROR && out.solution().message().startsWith("unsupported"), out.solution().message());
    }
}
