package io.edgesplit.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.cli.Main;
import io.edgesplit.io.Json;
import io.edgesplit.model.Instance;
import io.edgesplit.testing.InJvmCli;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade's answer equals what {@code solve --json} prints, for every registered backend on every committed
 * tiny and small instance, with the same seed and limit.
 *
 * <p>Why the comparison holds: every backend is deterministic for a given seed and worker count as long as
 * it ends by itself (a proof, a stall, its iteration cap) rather than by the clock; the two runs then give the
 * same JSON, wall time aside. A run that is no proof and used a fifth of its limit (here: 1 s) or more may
 * have been cut by a deadline (the limit, or a phase of it) at a different point of its search than the other
 * run, even with a schedule in one run and none in the other (an exact backend on a small instance under
 * load); for those the test checks that both answers are valid and counts them. Each backend solves one
 * instance first so that loading native code (OR-Tools) is not charged to a compared run.
 */
class FacadeMatchesCliTest {
    static final double LIMIT = 1;

    @Test
    void everyBackendOnEveryTinyAndSmallInstance() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : new String[] {"datasets/instances/tiny", "datasets/instances/small"})
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                files.addAll(s.filter(f -> f.toString().endsWith(".json")).sorted().toList());
            }
        assertEquals(24, files.size(), "14 tiny and 10 small instances are committed");
        List<Backend> backends = EdgeSplit.backends();
        assertTrue(backends.size() >= 11, backends.toString());
        Instance warm = EdgeSplit.readInstance(files.get(0));
        for (Backend b : backends) EdgeSplit.solve(warm, b.name(), Options.defaults().timeLimit(LIMIT));

        int same = 0, timeLimited = 0;
        java.util.Map<String, Integer> cut = new java.util.TreeMap<>();
        List<String> differences = new ArrayList<>();
        for (Backend b : backends) {
            for (Path f : files) {
                String[] cli = run("solve", "--instance", f.toString(), "--solver", b.name(), "--time-limit", "1", "--seed", "1", "--json");
                Result r = EdgeSplit.solve(EdgeSplit.readInstance(f), b.name(), Options.defaults().timeLimit(LIMIT).seed(1));
                ObjectNode fromCli = (ObjectNode) Json.parse(cli[0], "stdout of solve " + b.name() + " " + f);
                ObjectNode fromFacade = (ObjectNode) Json.parse(r.toJson(), "facade");
                double cliWall = fromCli.path("wallSeconds").asDouble(), facadeWall = r.wallSeconds();
                fromCli.remove("wallSeconds");
                fromFacade.remove("wallSeconds");
                String what = b.name() + " on " + f.getFileName();
                if (fromCli.equals(fromFacade)) {
                    same++;
                } else if (clockBound(fromCli, cliWall) || clockBound(fromFacade, facadeWall)) {
                    timeLimited++;
                    cut.merge(b.name(), 1, Integer::sum);
                    assertTrue(fromCli.get("valid").asBoolean() && fromFacade.get("valid").asBoolean(), what);
                } else {
                    differences.add(what + ":\n  cli    " + Json.compact(fromCli) + "\n  facade " + Json.compact(fromFacade));
                }
                assertTrue(r.valid(), what + ": " + r.violations());
            }
        }
        System.out.printf("facade = CLI: %d identical, %d cut by the %.0f s limit (both valid; per backend %s), %d differ%n",
                same, timeLimited, LIMIT, cut, differences.size());
        assertTrue(differences.isEmpty(), String.join("\n", differences));
        assertTrue(same >= backends.size() * files.size() * 3 / 4, "most runs end before the limit: " + same);
    }

    /**
     * Whether an answer may depend on when the clock stopped it: it is no proof, and it used at least a fifth of
     * the limit, the shortest phase deadline a backend sets itself (warmStartFrom's share; choco gives model
     * building a third).
     */
    private static boolean clockBound(ObjectNode answer, double wall) {
        return !answer.path("status").asText().equals("OPTIMAL") && wall >= LIMIT / 5;
    }

    /** Runs the command line in this JVM; returns stdout and stderr. */
    static String[] run(String... args) {
        InJvmCli.Run r = InJvmCli.run(args);
        if (r.code() == Main.BAD_INPUT) throw new AssertionError(String.join(" ", args) + ": " + r.err());
        return new String[] {r.out(), r.err()};
    }
}
