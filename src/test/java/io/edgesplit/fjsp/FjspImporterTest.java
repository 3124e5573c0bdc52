package io.edgesplit.fjsp;

import io.edgesplit.backend.bruteforce.BruteForceSolver;
import io.edgesplit.backend.cpsat.CpSatSolver;
import io.edgesplit.cli.Main;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FjspImporterTest {
    /**
     * Two jobs, two machines. J1: O11 on m1 (3) or m2 (2), then O12 on m1 (4). J2: O21 on m2 (2), then O22
     * on m1 (5) or m2 (1). O12 needs 4 on m1 after O11 ends at ≥ 2, so the makespan is ≥ 6, and
     * O11 m2 [0,2], O12 m1 [2,6], O21 m2 [2,4], O22 m2 [4,5] reaches 6: the optimum is 6.
     */
    static final String SMALL = """
            2 2 1.5

            2  2 1 3 2 2  1 1 4
            2  1 2 2  2 1 5 2 1
            """;

    @Test
    void aSmallShopBecomesAnInstanceWhoseTicksAreTheShopsTimes() {
        Instance in = FjspImporter.parse(SMALL, "small.fjs", "small");
        assertEquals(Granularity.LAYER, in.granularity());
        assertEquals(1.0, in.timeUnit());
        CompiledInstance ci = in.compile();
        assertEquals(2, ci.taskCount());
        int m1 = ci.nodeIndex("m1"), m2 = ci.nodeIndex("m2"), origin = ci.nodeIndex("origin");
        assertEquals(3, ci.proc(0, 0, m1));
        assertEquals(2, ci.proc(0, 0, m2));
        assertEquals(4, ci.proc(0, 1, m1));
        assertFalse(ci.canRun(0, 1, m2), "a machine that cannot do an operation is null in the profile");
        assertFalse(ci.canRun(1, 0, m1));
        assertEquals(1, ci.proc(1, 1, m2));
        assertFalse(ci.canRun(0, 0, origin), "the origin device only holds inputs and results");
        assertEquals(0, ci.transfer(ci.tensorBytes(0, -1), origin, m1), "zero-byte tensors, zero latency");
        assertEquals(0, ci.transfer(ci.outputBytes(0, 0), m1, m2));
    }

    @Test
    void theSmallShopsOptimumIsSixForBothExactBackends() {
        CompiledInstance ci = FjspImporter.parse(SMALL, "small.fjs", "small").compile();
        for (var solver : new io.edgesplit.solver.Solver[]{new BruteForceSolver(), new CpSatSolver()}) {
            Outcome o = CheckedSolve.run(solver, ci, SolveOptions.defaults().withTimeLimit(20).withWorkers(2));
            assertTrue(o.valid(), () -> o.report().summary());
            assertEquals(Status.OPTIMAL, o.solution().status(), solver.name());
            assertEquals(6.0, o.solution().objectiveTicks(), solver.name());
        }
    }

    @Test
    void malformedFilesNameTheLine() {
        bad("", "line 1", "empty file");
        bad("2\n1 1 1 1\n", "line 1", "header");
        bad("x 2\n", "line 1", "number of jobs must be an integer");
        bad("1 2 abc\n1 1 1 1\n", "line 1", "not a number");
        bad("2 2\n1 1 1 3\n", "line", "announces 2 jobs");
        bad("1 2\n1 1 1 3\n1 1 1 3\n", "line 3", "one too many");
        bad("1 2\n\n1 1 3 3\n", "line 3", "machine 3 does not exist");
        bad("1 2\n1 2 1 3 1 4\n", "line 2", "lists machine 1 twice");
        bad("1 2\n2 1 1 3\n", "line 2", "the line ends where the number of machines of operation 2 was expected");
        bad("1 2\n1 1 1 3 7\n", "line 2", "1 numbers follow them");
        bad("1 2\n1 1 1 -3\n", "line 2", "must be >= 0");
        bad("1 2\n0\n", "line 2", "number of operations must be in 1..");
        bad("1 2\n1 3 1 1 2 2 1 1\n", "line 2", "lists 3 machines");
        bad("1 2\n1 1 1 2.5\n", "line 2", "must be an integer, got \"2.5\"");
    }

    private static void bad(String text, String where, String what) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FjspImporter.parse(text, "bad.fjs", "bad"), text);
        assertTrue(e.getMessage().startsWith("bad.fjs: " + where), e.getMessage());
        assertTrue(e.getMessage().contains(what), e.getMessage());
    }

    @Test
    void theCommandWritesAnInstanceAndRejectsBadFilesWithExitCode2(@TempDir Path dir) throws Exception {
        Path fjs = dir.resolve("tiny.fjs"), out = dir.resolve("tiny.json");
        Files.writeString(fjs, SMALL);
        assertEquals(Main.OK, Main.execute("import-fjs", fjs.toString(), "--out", out.toString(), "--best-known", "6"));
        Instance in = InstanceJson.read(out);
        assertEquals("tiny", in.name());
        assertEquals(6.0, in.bestKnown().objective());
        assertEquals(FjspImporter.parse(SMALL, "x", "tiny").withBestKnown(in.bestKnown()), in);
        Files.writeString(fjs, "1 2\n1 1 9 3\n");
        assertEquals(Main.BAD_INPUT, Main.execute("import-fjs", fjs.toString(), "--out", out.toString()));
    }

    /** The committed Mk01 is Brandimarte's published shape and its committed import is up to date. */
    @Test
    void committedMk01MatchesItsSourceFile() {
        Instance fresh = FjspImporter.read(Path.of("datasets/fjsp/mk01.fjs"));
        Instance committed = InstanceJson.read(Path.of("datasets/fjsp/mk01.json"));
        assertEquals(fresh.withBestKnown(committed.bestKnown()), committed);
        assertEquals(40.0, committed.bestKnown().objective());
        CompiledInstance ci = committed.compile();
        assertEquals(10, ci.taskCount());
        assertEquals(55, ci.totalLayers());
        assertEquals(7, ci.nodeCount()); // six machines and the origin device
        int alternatives = 0;
        for (int t = 0; t < 10; t++)
            for (int l = 0; l < ci.layerCount(t); l++) {
                alternatives += ci.nodesFor(t, l).length;
                for (int n : ci.nodesFor(t, l)) assertTrue(ci.proc(t, l, n) >= 1 && ci.proc(t, l, n) <= 6);
            }
        assertEquals(115, alternatives, "Brandimarte's flexibility 2.09 machines per operation");
    }
}
