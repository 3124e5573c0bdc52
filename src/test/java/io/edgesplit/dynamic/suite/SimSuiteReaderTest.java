package io.edgesplit.dynamic.suite;

import io.edgesplit.bench.SuiteReader;
import io.edgesplit.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SimSuiteReaderTest {
    @TempDir
    Path dir;

    @Test
    void pathsAreRelativeToTheSuiteFileGlobsExpandAndPolicyNamesWaitForTheRun() throws Exception {
        Path f = SimFixtures.suite(dir, """
                "name": "dyn", "scenarios": ["../scenarios/*.json", "../scenarios/a.json"],
                "policies": ["../policies/local.json", "heft"], "seeds": [3, 1],
                "hindsight": {"backend": "cpsat", "timeLimitSeconds": 30, "workers": 2, "maxRequests": 12}""");
        assertTrue(SimSuiteReader.isSimulation(f));
        SimSuite s = SimSuiteReader.read(f);
        assertEquals("dyn", s.name());
        assertEquals(List.of(dir.resolve("scenarios/a.json"), dir.resolve("scenarios/b.json")), s.scenarios(), "sorted, without duplicates");
        assertEquals(dir.resolve("policies/local.json"), s.policies().get(0).file());
        assertNull(s.policies().get(1).file(), "a name is resolved when the suite runs (PolicyJson.resolve)");
        assertEquals("policies[1]", s.policies().get(1).jsonPath());
        assertEquals(List.of(3L, 1L), s.seeds(), "seeds run in the order written");
        assertEquals(new SimSuite.HindsightConfig("cpsat", 30, 2, 1, 12), s.hindsight());
        assertEquals(3600, s.timeoutSeconds());
    }

    @Test
    void theDefaultsAreOneSeedNoHindsightAndTheFileNameAsName() throws Exception {
        SimSuite s = SimSuiteReader.read(SimFixtures.suite(dir, "\"scenarios\": [\"../scenarios/a.json\"], \"policies\": [\"local\"]"));
        assertEquals("tiny-sim", s.name());
        assertEquals(List.of(1L), s.seeds());
        assertNull(s.hindsight());
    }

    @Test
    void everyErrorNamesTheFileAndTheJsonPath() throws Exception {
        String ok = "\"scenarios\": [\"../scenarios/a.json\"], \"policies\": [\"local\"]";
        assertEquals("scenarios[1]", bad("\"scenarios\": [\"../scenarios/a.json\", \"../nowhere/*.json\"], \"policies\": [\"local\"]").path());
        assertEquals("policies[0]", bad("\"scenarios\": [\"../scenarios/a.json\"], \"policies\": [\"../policies/nope.json\"]").path());
        assertEquals("policies", bad("\"scenarios\": [\"../scenarios/a.json\"], \"policies\": []").path());
        assertEquals("seeds[2]", bad(ok + ", \"seeds\": [1, 2, 1]").path());
        assertEquals("seeds[0]", bad(ok + ", \"seeds\": [-1]").path());
        assertEquals("hindsight.maxRequests", bad(ok + ", \"hindsight\": {\"backend\": \"cpsat\", \"maxRequests\": 0}").path());
        assertEquals("hindsight.backend", bad(ok + ", \"hindsight\": {\"timeLimitSeconds\": 3}").path());
        assertEquals("hindsight.budget", bad(ok + ", \"hindsight\": {\"backend\": \"cpsat\", \"budget\": 3}").path());
        assertEquals("seed", bad(ok + ", \"seed\": 3").path(), "a typo is an unknown field, not silence");
        assertEquals("timeoutSeconds", bad(ok + ", \"timeoutSeconds\": 0").path());
        assertEquals("name", bad(ok + ", \"name\": \"../x\"").path());
        InvalidInputException e = bad(ok + ", \"seed\": 3");
        assertTrue(e.file().endsWith("tiny-sim.json"), e.file());
    }

    @Test
    void anOfflineSuiteTellsASimulationSuiteByItsKind() throws Exception {
        Path f = SimFixtures.suite(dir, "\"scenarios\": [\"../scenarios/a.json\"], \"policies\": [\"local\"]");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> SuiteReader.read(f));
        assertEquals("kind", e.path(), "the offline reader points at the kind instead of complaining about scenarios");
        Path offline = dir.resolve("offline.json");
        Files.writeString(offline, "{\"instances\": [\"scenarios/a.json\"], \"solvers\": [{\"backend\": \"local\"}]}");
        assertFalse(SimSuiteReader.isSimulation(offline));
        Path wrongKind = dir.resolve("wrong.json");
        Files.writeString(wrongKind, "{\"kind\": \"offline\", \"scenarios\": [], \"policies\": []}");
        assertEquals("kind", assertThrows(InvalidInputException.class, () -> SimSuiteReader.read(wrongKind)).path());
    }

    private InvalidInputException bad(String fields) throws Exception {
        Path f = SimFixtures.suite(dir, fields);
        return assertThrows(InvalidInputException.class, () -> SimSuiteReader.read(f));
    }
}
