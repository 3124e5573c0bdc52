package io.edgesplit.cli;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import static io.edgesplit.cli.CliEndToEndTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/formats.md, "Output files": a command never replaces one of its inputs, a device, a FIFO, a folder or
 * a symbolic link; it refuses with exit 2 and one sentence before solving, and writes nothing.
 */
class OutputSafetyTest {
    @TempDir
    Path dir;
    Path inst;
    byte[] original;

    @BeforeEach
    void instance() throws Exception {
        inst = dir.resolve("i.json");
        InstanceJson.write(TinyInstances.random(11, 2, 3, 3), inst);
        original = Files.readAllBytes(inst);
    }

    private void refused(CliEndToEndTest.Run r, String fragment) throws Exception {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(fragment), r.err());
        assertFalse(r.err().contains("Exception"), "a sentence, not a Java class name: " + r.err());
        assertTrue(r.out().isEmpty(), "refused before solving: " + r.out());
        assertArrayEquals(original, Files.readAllBytes(inst), "the instance is untouched");
    }

    @Test
    void anOutputThatIsAnInputOfTheSameCommandIsRefused() throws Exception {
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--out", inst.toString()), "is also an input");
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--gantt", dir.resolve("./i.json").toString()), "is also an input");
        refused(run("gantt", "--instance", inst.toString(), "--solution", inst.toString(), "--out", inst.toString()), "is also an input");
    }

    @Test
    void aSymbolicLinkAFifoAFolderAndADeviceAreNeverReplaced() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), inst);
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--out", link.toString()), "symbolic link");
        assertTrue(Files.isSymbolicLink(link));
        Path fifo = dir.resolve("fifo");
        if (new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0) {
            refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--gantt", fifo.toString()), "not a regular file");
            assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS));
        }
        refused(run("generate", "--scenario", "testbed", "--seed", "1", "--out", dir.toString()), "not a regular file");
        if (Files.exists(Path.of("/dev/null")))
            refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--out", "/dev/null"), "not a regular file");
    }

    @Test
    void theSolutionAndTheChartMustBeTwoFiles() throws Exception {
        Path s = dir.resolve("s.json");
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--out", s.toString(), "--gantt", s.toString()), "name the same file");
        assertFalse(Files.exists(s));
    }

    @Test
    void anOutputUnderAFileIsRefusedBeforeSolvingAndNothingIsWritten() throws Exception {
        Path s = dir.resolve("s.json");
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--out", s.toString(),
                "--gantt", inst.resolve("g.svg").toString()), "is not a folder");
        assertFalse(Files.exists(s), "no solution file without its chart");
    }

    @Test
    void outOfRangeOptionsAreRefusedWithTheOptionName() throws Exception {
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--time-limit", "1e10"), "--time-limit");
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--time-limit", "Infinity"), "--time-limit");
        refused(run("solve", "--instance", inst.toString(), "--solver", "heft", "--workers", "100000"), "--workers");
    }

    @Test
    void aFileSystemFailureIsOneSentenceAndExitTwo() {
        assertEquals("cannot read or write /x/y: permission denied",
                IoErrors.sentence(new java.nio.file.AccessDeniedException("/x/y")));
        java.io.IOException e = IoErrors.cause(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/a")));
        assertEquals("cannot read or write /a: no such file or folder", IoErrors.sentence(e));
    }
}
