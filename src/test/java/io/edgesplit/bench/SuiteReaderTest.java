package io.edgesplit.bench;

import io.edgesplit.model.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class SuiteReaderTest {
    @TempDir
    Path dir;

    @Test
    void pathsAreRelativeToTheSuiteFileAndEntriesMayOverrideAConfigFile() throws Exception {
        BenchFixtures.writeInstances(dir, 2);
        Files.createDirectories(dir.resolve("solvers"));
        Files.createDirectories(dir.resolve("benchmarks"));
        Files.writeString(dir.resolve("solvers/bf.json"), "{\"name\": \"bf\", \"backend\": \"bruteforce\", \"timeLimitSeconds\": 3, \"seed\": 7}");
        Path suite = dir.resolve("benchmarks/x.json");
        Files.writeString(suite, """
                {"instances": ["../instances/*.json", "../instances/tiny-1.json"],
                 "solvers": ["../solvers/bf.json",
                             {"config": "../solvers/bf.json", "name": "bf-1s", "timeLimitSeconds": 1, "workers": 2},
                             {"backend": "local"}],
                 "repeats": 2}""");
        Suite s = SuiteReader.read(suite);
        assertEquals("x", s.name(), "the name defaults to the file name");
        assertEquals(List.of(dir.resolve("instances/tiny-1.json"), dir.resolve("instances/tiny-2.json")), s.instances(), "sorted, without duplicates");
        assertEquals(List.of("bf", "bf-1s", "local"), s.configs().stream().map(c -> c.name()).toList());
        assertEquals(1, s.configs().get(1).timeLimitSeconds());
        assertEquals(7, s.configs().get(1).seed());
        assertEquals(2, s.configs().get(1).workers());
        assertEquals(2, s.repeats());
        assertEquals(5, s.graceSeconds());
    }

    @Test
    void generatorSpecsExpandToEveryTaskCountAndSeedAndAreWrittenWhenTheSuitePlans() throws Exception {
        Path suite = dir.resolve("g.json");
        Files.writeString(suite, """
                {"generate": [{"scenario": "testbed", "size": "tiny", "seeds": [1, 2], "tasks": [1, 2]}],
                 "solvers": [{"backend": "local"}]}""");
        Suite s = SuiteReader.read(suite);
        assertEquals(4, s.generated().size());
        assertTrue(s.instances().isEmpty());
        BenchRunner r = new BenchRunner(s, io.edgesplit.solver.SolverRegistry.of(List.of(new io.edgesplit.backend.local.LocalSolver())),
                BenchOptions.defaults(dir.resolve("results"), System.err));
        List<RunSpec> plan = r.plan();
        assertEquals(4, plan.size());
        for (RunSpec run : plan) {
            assertTrue(Files.isRegularFile(run.instance().file()), "generated into the results folder: " + run.instance().file());
            assertTrue(run.instance().file().startsWith(dir.resolve("results/g/instances")));
        }
        assertEquals(List.of(1, 1, 2, 2), plan.stream().map(p -> p.instance().tasks()).sorted().toList(), "tasks overrides x seeds");
        assertEquals("generate[0].scenario", bad("{\"generate\": [{\"scenario\": \"mars\", \"seeds\": 1}], \"solvers\": [{\"backend\": \"local\"}]}").path());
        assertEquals("generate[0].seeds", bad("{\"generate\": [{\"scenario\": \"testbed\"}], \"solvers\": [{\"backend\": \"local\"}]}").path());
    }

    private InvalidInputException bad(String json) throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json);
        return assertThrows(InvalidInputException.class, () -> SuiteReader.read(f));
    }

    @Test
    void anUnknownFieldIsAnErrorNamingItsPath() throws Exception {
        InvalidInputException e = bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"timelimit\": 3}]}");
        assertEquals("solvers[0].timelimit", e.path());
        assertEquals("repeat", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\"}], \"repeat\": 3}").path());
    }

    @Test
    void aGlobMatchingNothingADuplicateNameAndAMissingConfigFileAreErrors() throws Exception {
        assertEquals("instances[1]", bad("{\"instances\": [\"instances/*.json\", \"nope/*.json\"], \"solvers\": [{\"backend\": \"local\"}]}").path());
        assertEquals("solvers[1]", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\"}, {\"backend\": \"local\"}]}").path());
        assertEquals("solvers[0]", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [\"missing.json\"]}").path());
        assertEquals("repeats", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\"}], \"repeats\": 0}").path());
    }

    /** docs/benchmarks.md: the name is a folder under the results root, so "." and ".." are not names. */
    @Test
    void aSuiteNameCannotLeaveTheResultsFolder() throws Exception {
        for (String n : new String[]{"..", ".", ".hidden", "a/b", ""})
            assertEquals("name", bad("{\"name\": \"" + n + "\", \"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\"}]}").path(), n);
        assertEquals("solvers[0].timeLimitSeconds", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"timeLimitSeconds\": 1e10}]}").path());
        BenchOptions o = BenchOptions.defaults(dir.resolve("results"), System.err);
        assertThrows(IllegalArgumentException.class, () -> o.resultsDir(".."));
        assertThrows(IllegalArgumentException.class, () -> o.resultsDir("../elsewhere"));
    }

    /** warmStartFrom: one name or a list of distinct names, in a configuration file and as a suite entry's override. */
    @Test
    void warmStartFromIsANameOrAListOfNames() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        Files.writeString(dir.resolve("bf.json"), "{\"backend\": \"bruteforce\", \"warmStartFrom\": [\"heft\", \"medag\"]}");
        Path suite = dir.resolve("w.json");
        Files.writeString(suite, """
                {"instances": ["instances/*.json"],
                 "solvers": ["bf.json", {"config": "bf.json", "name": "one", "warmStartFrom": "local"}, {"backend": "local"}]}""");
        Suite s = SuiteReader.read(suite);
        assertEquals(List.of("heft", "medag"), s.configs().get(0).warmStartFrom());
        assertEquals(List.of("local"), s.configs().get(1).warmStartFrom());
        assertEquals(List.of(), s.configs().get(2).warmStartFrom());
        assertFalse(s.configs().get(2).warmStarted());
        assertEquals(List.of("heft", "medag"), io.edgesplit.io.SolverConfig.fromTree(io.edgesplit.io.JsonObj.of(
                io.edgesplit.io.Json.parse(ForkedRun.configJson(s.configs().get(0)), "config"), "")).warmStartFrom(), "the child JVM reads it back");
        assertEquals("solvers[0].warmStartFrom", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"warmStartFrom\": []}]}").path());
        assertEquals("solvers[0].warmStartFrom[1]", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"warmStartFrom\": [\"heft\", \"heft\"]}]}").path());
        assertEquals("solvers[0].warmStartFrom[0]", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"warmStartFrom\": [3]}]}").path());
        assertEquals("solvers[0].warmStartFrom", bad("{\"instances\": [\"instances/*.json\"], \"solvers\": [{\"backend\": \"local\", \"warmStartFrom\": \"\"}]}").path());
    }

    @Test
    void everyCommittedSuiteAndSolverConfigurationReads() throws Exception {
        List<Path> configs = committed("solvers");
        assertTrue(configs.size() >= 14, "solvers/*.json: " + configs);
        for (Path f : configs) assertNotNull(io.edgesplit.io.SolverConfig.read(f), f.toString());
        assertEquals(2, io.edgesplit.io.SolverConfig.read(Path.of("solvers/cpsat.json")).workers(), "CP-SAT's worker count is explicit");
        // The suites' instance globs point into datasets/, which is committed: a suite that matches nothing fails.
        List<Path> suites = committed("benchmarks");
        assertTrue(suites.size() >= 7, "benchmarks/*.json: " + suites);
        for (Path f : suites) {
            if (io.edgesplit.dynamic.suite.SimSuiteReader.isSimulation(f)) { // simulation suites have their own reader
                assertFalse(io.edgesplit.dynamic.suite.SimSuiteReader.read(f).scenarios().isEmpty(), f + " has no scenario");
                continue;
            }
            Suite suite = SuiteReader.read(f);
            assertFalse(suite.instances().isEmpty() && suite.generated().isEmpty(), f + " has no instance");
        }
    }

    private static List<Path> committed(String dir) throws java.io.IOException {
        try (var s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }
}
