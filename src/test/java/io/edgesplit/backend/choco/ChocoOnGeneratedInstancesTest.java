package io.edgesplit.backend.choco;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.generate.ScenarioGenerator.Family;
import io.edgesplit.generate.ScenarioGenerator.SizeClass;
import io.edgesplit.generate.ScenarioGenerator.Spec;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Choco against the brute-force oracle on the generator's instances: per-pair link overrides, slowdowns
 * and timeUnit 1e-6, the features that the random {@code TinyInstances} (one default link, timeUnit 1e-3)
 * lack. Before the arrival fix in {@link ChocoModel#buildTransfers} choco "proved" a wrong optimum on 5 of
 * the 14 committed tiny instances (and on 20 of the 72 generated here): a transfer that was not performed still had to arrive within the
 * horizon, which cut off the optimal schedules.
 */
class ChocoOnGeneratedInstancesTest {
    static final SolveOptions OPTS = SolveOptions.defaults().withTimeLimit(20);

    /** Every committed tiny instance: choco proves the oracle's optimum. */
    @TestFactory
    Stream<DynamicTest> chocoProvesTheOracleOptimumOnEveryCommittedTinyInstance() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("datasets/instances/tiny"))) {
            files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.size() >= 10, "the committed tiny instances are missing: " + files);
        return files.stream().map(f -> agreesWithBruteForce(f.getFileName().toString(), InstanceJson.read(f)));
    }

    /**
     * Freshly generated tiny instances of every family over many seeds, each seed in another
     * objective × granularity × contention mode, so the bug class is covered beyond the committed files.
     */
    @TestFactory
    Stream<DynamicTest> chocoProvesTheOracleOptimumOnGeneratedTinyInstances() {
        List<Instance> out = new ArrayList<>();
        for (Family f : Family.values())
            for (long seed = 100; seed < 124; seed++) {
                int mode = (int) (seed % 8);
                Spec spec = Spec.of(f, SizeClass.TINY, seed).withModes(Objective.values()[mode & 1],
                        Granularity.values()[(mode >> 1) & 1], Contention.values()[(mode >> 2) & 1]);
                out.add(ScenarioGenerator.generate(spec));
            }
        return out.stream().map(in -> agreesWithBruteForce(in.name(), in));
    }

    /**
     * Testbed instances where edge2 becomes available late (availableAt) and the optimum leaves it idle.
     * The per-node load cut once added availableAt(n) even for an unused node, so choco "proved" the
     * makespan to be at least edge2's availableAt (e.g. s1094: 4300 instead of 3629). Found by a sweep over
     * 1200 generated tiny instances; these three were the only ones it hit.
     */
    @TestFactory
    Stream<DynamicTest> anIdleLateNodeDoesNotRaiseTheMakespan() {
        List<Instance> out = new ArrayList<>();
        out.add(ScenarioGenerator.generate(Spec.of(Family.TESTBED, SizeClass.TINY, 1094)
                .withModes(Objective.MAKESPAN, Granularity.LAYER, Contention.NONE)));
        out.add(ScenarioGenerator.generate(Spec.of(Family.TESTBED, SizeClass.TINY, 1128)
                .withModes(Objective.MAKESPAN, Granularity.SEGMENT, Contention.INGRESS)));
        out.add(ScenarioGenerator.generate(Spec.of(Family.TESTBED, SizeClass.TINY, 1316)
                .withModes(Objective.MAKESPAN, Granularity.SEGMENT, Contention.NONE)));
        for (Instance in : out)
            assertTrue(in.nodes().stream().anyMatch(n -> n.availableAt() > 0), in.name() + " must have a late node");
        return out.stream().map(in -> agreesWithBruteForce(in.name(), in));
    }

    private static DynamicTest agreesWithBruteForce(String label, Instance in) {
        return DynamicTest.dynamicTest(label, () -> {
            CompiledInstance ci = in.compile();
            Outcome oracle = CheckedSolve.run(new BruteForceSolver(), ci, OPTS);
            Outcome choco = CheckedSolve.run(new ChocoSolver(), ci, OPTS);
            assertTrue(choco.valid(), () -> "choco's schedule is invalid: " + choco.report().summary());
            assertEquals(Status.OPTIMAL, oracle.solution().status(), "the oracle must prove its optimum");
            assertEquals(Status.OPTIMAL, choco.solution().status(), () -> "choco did not prove optimality: " + choco.solution().message());
            assertEquals(oracle.report().objectiveTicks(), choco.report().objectiveTicks(), 1e-6,
                    "choco's proven optimum differs from brute force's");
        });
    }
}
