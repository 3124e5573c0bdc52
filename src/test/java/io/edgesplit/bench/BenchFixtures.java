package io.edgesplit.bench;

import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Schedule;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.SolveResult;
import io.edgesplit.solver.Solver;
import io.edgesplit.testing.TinyInstances;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Test-only backends (registered programmatically, never through META-INF/services) and suite files in a temp dir. */
public final class BenchFixtures {
    private BenchFixtures() {}

    /** Fails on every instance. */
    public static final class ThrowingSolver implements Solver {
        public ThrowingSolver() {}
        @Override public String name() { return "test-throws"; }
        @Override public String description() { return "throws"; }
        @Override public SolveResult solve(CompiledInstance ci, SolveOptions o) { throw new IllegalStateException("boom on " + ci.name()); }
    }

    /** Never returns and ignores interrupts: the worst case the runner must survive. */
    public static final class HangingSolver implements Solver {
        public HangingSolver() {}
        @Override public String name() { return "test-hangs"; }
        @Override public String description() { return "hangs"; }
        @Override public SolveResult solve(CompiledInstance ci, SolveOptions o) {
            while (true) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ignored) {
                    // deliberately ignored
                }
            }
        }
    }

    /** Returns the local schedule with every start moved 1 tick earlier than allowed: invalid. */
    public static final class CheatingSolver implements Solver {
        public CheatingSolver() {}
        @Override public String name() { return "test-cheats"; }
        @Override public String description() { return "claims an impossible schedule"; }
        @Override public SolveResult solve(CompiledInstance ci, SolveOptions o) {
            Schedule s = new LocalSolver().solve(ci, o).schedule();
            int[][] node = new int[ci.taskCount()][];
            long[][] start = new long[ci.taskCount()][];
            List<List<io.edgesplit.solution.Transfer>> tr = new ArrayList<>();
            for (int t = 0; t < ci.taskCount(); t++) {
                node[t] = s.placement(t);
                start[t] = new long[ci.layerCount(t)];
                for (int l = 0; l < ci.layerCount(t); l++) start[t][l] = Math.max(0, s.start(t, l) - 1_000_000); // before release/precedence
                tr.add(s.transfers(t));
            }
            return SolveResult.feasible(new Schedule(node, start, tr));
        }
    }

    /**
     * Writes {@code n} tiny instances under {@code dir/instances}, named tiny-1..tiny-n: the first seeds whose
     * instance {@code local} can solve (some tiny instances forbid a task's origin, which local refuses).
     */
    public static void writeInstances(Path dir, int n) throws IOException {
        Files.createDirectories(dir.resolve("instances"));
        int written = 0;
        for (long seed = 1; written < n; seed++) {
            var in = TinyInstances.tiny(seed);
            try {
                new LocalSolver().solve(in.compile(), SolveOptions.defaults());
            } catch (RuntimeException refused) {
                continue;
            }
            written++;
            InstanceJson.write(in.withName("tiny-" + written), dir.resolve("instances/tiny-" + written + ".json"));
        }
    }

    /** Writes a suite file {@code dir/NAME.json} over {@code instances/*.json}. */
    public static Path writeSuite(Path dir, String name, String solversJson, int repeats, double grace) throws IOException {
        Path f = dir.resolve(name + ".json");
        Files.writeString(f, "{\"name\": \"" + name + "\", \"instances\": [\"instances/*.json\"], \"solvers\": " + solversJson
                + ", \"repeats\": " + repeats + ", \"graceSeconds\": " + grace + "}");
        return f;
    }
}
