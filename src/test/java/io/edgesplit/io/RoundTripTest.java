package io.edgesplit.io;

import io.edgesplit.model.Instance;
import io.edgesplit.solution.Solution;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RoundTripTest {
    @Test
    void readingWhatWasWrittenGivesAnEqualInstance() {
        for (long seed = 0; seed < 200; seed++) {
            Instance in = TinyInstances.tiny(seed);
            String text = InstanceJson.write(in);
            Instance back = InstanceJson.parse(text);
            assertEquals(in, back, "seed " + seed);
            assertEquals(text, InstanceJson.write(back), "seed " + seed);
        }
    }

    @Test
    void committedInstancesRoundTrip() throws Exception {
        Path root = Path.of("datasets/instances");
        assertTrue(Files.isDirectory(root), "the committed instances are part of the repository");
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).toList();
            assertTrue(all.size() >= 30, "committed instances found: " + all.size());
            for (Path f : all) {
                Instance in = InstanceJson.read(f);
                assertEquals(in, InstanceJson.parse(InstanceJson.write(in)), f.toString());
            }
        }
    }

    /** A solution file is streamed task by task (so 10^6 tasks fit in memory) and is byte for byte the tree's text. */
    @Test
    void theStreamedSolutionIsTheSameTextAsTheTree() throws Exception {
        for (long seed = 0; seed < 20; seed++) {
            Solution s = CheckedSolve.run(new LocalSolver(), TinyInstances.tiny(seed).compile(), SolveOptions.defaults()).solution().withMessage("a \"note\"");
            java.io.StringWriter w = new java.io.StringWriter();
            SolutionJson.writeTo(s, w);
            assertEquals(SolutionJson.write(s), w.toString(), "seed " + seed);
        }
    }

    @Test
    void aSolutionRoundTrips() {
        Instance in = TinyInstances.tiny(5);
        Solution s = CheckedSolve.run(new LocalSolver(), in.compile(), SolveOptions.defaults()).solution().withWallSeconds(0.25);
        String text = SolutionJson.write(s);
        assertEquals(s, SolutionJson.parse(text));
        assertEquals(text, SolutionJson.write(SolutionJson.parse(text)));
    }
}
