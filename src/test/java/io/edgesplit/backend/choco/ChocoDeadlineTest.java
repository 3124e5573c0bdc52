package io.edgesplit.backend.choco;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 5: on a medium instance choco always answers a feasible schedule within the time limit. Building
 * and root-propagating the Choco model of a thousand-layer instance takes seconds and does not look at the
 * clock, so the solve must answer from its calling thread at the deadline and stop its worker.
 */
class ChocoDeadlineTest {
    /** Wall-clock slack over the limit: answering, validation and a loaded machine's scheduling. */
    /**
     * Generous on purpose: this test checks that the deadline stops building and propagation at all (before,
     * it overran by seconds), not how fast; the benchmarks measure the overshoot (docs/choco.md). Under a
     * load of 8 on two cores the same solve answered 0.52 s late.
     */
    static final double SLACK_S = 1.5;

    static CompiledInstance medium(String name) throws Exception {
        return InstanceJson.read(Path.of("datasets/instances/medium/" + name + ".json")).compile();
    }

    static void answersInTime(CompiledInstance ci, SolveOptions o) throws InterruptedException {
        Outcome out = CheckedSolve.run(new ChocoSolver(), ci, o);
        assertTrue(out.valid(), () -> out.report().summary());
        assertEquals(Status.FEASIBLE, out.solution().status(), out.solution().message());
        assertTrue(out.solution().wallSeconds() <= o.timeLimitSeconds() + SLACK_S,
                "answered after " + out.solution().wallSeconds() + " s with a limit of " + o.timeLimitSeconds() + " s");
        // the abandoned worker stops at once (milliseconds here), so it does not slow down the next solve;
        // 2 s of patience for a loaded CI machine
        for (int waited = 0; waited < 2000 && workerAlive(); waited += 50) Thread.sleep(50);
        for (Thread th : Thread.getAllStackTraces().keySet())
            assertFalse(th.isAlive() && th.getName().startsWith("choco-"), "worker " + th.getName() + " still running");
    }

    private static boolean workerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(th -> th.isAlive() && th.getName().startsWith("choco-"));
    }

    @Test
    void aMediumInstanceGetsAValidScheduleWithinAShortLimit() throws Exception {
        answersInTime(medium("campus-heavy-s1"), SolveOptions.defaults().withTimeLimit(2));
    }

    /**
     * buildShare 1 lets the model be built and propagated whatever it takes, so the deadline falls in the
     * middle of building or of the root propagation of a 1163-layer model (the case that overran before).
     */
    @Test
    void theDeadlineStopsModelBuildingAndRootPropagation() throws Exception {
        answersInTime(medium("campus-light-s1"),
                SolveOptions.defaults().withTimeLimit(3).withParams(Map.of("search", "complete", "buildShare", 1.0)));
    }
}
