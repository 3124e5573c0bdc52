package io.edgesplit.backend.bruteforce;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.solver.UnsupportedInstanceException;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Brute force agrees with optima computed by hand. */
class BruteForceHandWorkedTest {
    static Outcome solve(String json) {
        CompiledInstance ci = InstanceJson.parse(json).compile();
        Outcome o = CheckedSolve.run(new BruteForceSolver(), ci, SolveOptions.defaults().withTimeLimit(60));
        assertTrue(o.valid(), o.report().summary());
        assertEquals(Status.OPTIMAL, o.solution().status());
        return o;
    }

    /**
     * docs/model.md §7: single-layer tasks from distinct devices forced onto one edge node with ingress contention
     * are a two-machine flow shop (stage 1: the edge's ingress, a_i = input bytes at 1 B/s; stage 2: its
     * compute, b_i = flops at 1 FLOP/s; returns take 0). Jobs (a,b): (3,6) (5,2) (1,2) (6,6) (7,5).
     * Johnson: a ≤ b ascending a: J3, J1, J4; then a > b descending b: J5, J2.
     * Ingress: J3 0–1, J1 1–4, J4 4–10, J5 10–17, J2 17–22. Compute: J3 1–3, J1 4–10, J4 10–16, J5 17–22,
     * J2 22–24. Makespan 24.
     */
    @Test
    void aTwoMachineFlowShopHasJohnsonsMakespan() {
        int[][] jobs = {{3, 6}, {5, 2}, {1, 2}, {6, 6}, {7, 5}};
        StringBuilder models = new StringBuilder(), nodes = new StringBuilder(), tasks = new StringBuilder();
        for (int j = 0; j < jobs.length; j++) {
            String sep = j == 0 ? "" : ",";
            models.append(sep).append("{\"name\": \"m").append(j).append("\", \"inputBytes\": ").append(jobs[j][0])
                    .append(", \"layers\": [{\"name\": \"x\", \"flops\": ").append(jobs[j][1]).append(", \"outputBytes\": 0}]}");
            nodes.append("{\"name\": \"dev").append(j).append("\", \"kind\": \"device\", \"speed\": 1},");
            tasks.append(sep).append("{\"name\": \"J").append(j + 1).append("\", \"model\": \"m").append(j)
                    .append("\", \"origin\": \"dev").append(j).append("\", \"release\": 0, \"allowedNodes\": [\"edge\"]}");
        }
        String json = "{\"name\": \"johnson\", \"timeUnit\": 1, \"models\": [" + models + "], \"nodes\": [" + nodes
                + "{\"name\": \"edge\", \"kind\": \"edge\", \"speed\": 1}], \"network\": {\"default\": {\"bandwidth\": 1}}, \"tasks\": ["
                + tasks + "]}";
        assertEquals(24.0, solve(json).solution().objectiveTicks());
    }

    /**
     * A single chain task, layers a (4 GFLOP, 2000 B out), b (2 GFLOP, 500 B), c (1 GFLOP, 100 B), input
     * 1000 B; dev1 1 GFLOP/s; edge1 4 GFLOP/s but busy until 3.5 s; links 10 kB/s + 10 ms (ticks of 1 ms:
     * input 110, a→ 210, b→ 60, c→ 20). By hand: all local 7000; all on edge1 3500+1000+500+250+20 = 5270;
     * a, b on edge1 then c local 3500+1500+60+1000 = 6060; a local, then b, c on edge1: 4000+210+500+250+20
     * = 4980; a, b local, c on edge1: 6000+60+250+20 = 6330; the other splits go back and forth and cost more.
     * Best: split after a, 4980.
     */
    @Test
    void aSingleChainTaskIsSplitWhereTheHandComputationSays() {
        String json = """
                {"name": "chain", "timeUnit": 1e-3,
                 "models": [{"name": "m3", "inputBytes": 1000, "layers": [
                   {"name": "a", "flops": 4e9, "outputBytes": 2000},
                   {"name": "b", "flops": 2e9, "outputBytes": 500},
                   {"name": "c", "flops": 1e9, "outputBytes": 100}]}],
                 "nodes": [{"name": "dev1", "kind": "device", "speed": 1e9},
                           {"name": "edge1", "kind": "edge", "speed": 4e9, "availableAt": 3.5}],
                 "network": {"default": {"bandwidth": 1e4, "latency": 0.01}},
                 "tasks": [{"name": "t1", "model": "m3", "origin": "dev1", "release": 0}]}
                """;
        Outcome o = solve(json);
        assertEquals(4980.0, o.solution().objectiveTicks());
        var layers = o.solution().tasks().get(0).layers();
        assertEquals("dev1", layers.get(0).node());
        assertEquals("edge1", layers.get(1).node());
        assertEquals("edge1", layers.get(2).node());
    }

    @Test
    void itIsNeverWorseThanKeepingEverythingLocal() {
        for (long seed = 0; seed < 40; seed++) {
            CompiledInstance ci = TinyInstances.tiny(seed).compile();
            Outcome bf = CheckedSolve.run(new BruteForceSolver(), ci, SolveOptions.defaults().withTimeLimit(30));
            Outcome local = CheckedSolve.run(new io.edgesplit.backend.local.LocalSolver(), ci, SolveOptions.defaults());
            assertEquals(Status.OPTIMAL, bf.solution().status());
            if (local.solution().status().hasSchedule())
                assertTrue(bf.solution().objectiveTicks() <= local.solution().objectiveTicks(), "seed " + seed);
        }
    }

    @Test
    void itRefusesInstancesTooLargeToEnumerate() {
        CompiledInstance ci = TinyInstances.random(3, 6, 7, 5).compile();
        UnsupportedInstanceException e = assertThrows(UnsupportedInstanceException.class,
                () -> new BruteForceSolver().solve(ci, SolveOptions.defaults()));
        assertTrue(e.getMessage().contains("use an exact backend such as cpsat"), e.getMessage());
    }
}
