package io.edgesplit.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/api.md cannot rot: every Java block in it is, character for character, one of the example classes of
 * this package, every example appears there, and every example runs here (so {@code mvn test} compiles and
 * executes all of them).
 */
class ExamplesTest {
    static final Path DOC = Path.of("docs/api.md");
    static final Path SOURCES = Path.of("src/test/java/io/edgesplit/examples");
    /** A block is announced by a comment naming its source file, then a fenced java block. */
    static final Pattern BLOCK = Pattern.compile("<!-- example: (\\S+) -->\\n```java\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyJavaBlockOfTheDocIsAnExampleSourceAndEveryExampleIsInTheDoc() throws Exception {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<String> shown = new ArrayList<>();
        Matcher m = BLOCK.matcher(doc);
        while (m.find()) {
            Path src = Path.of(m.group(1));
            assertTrue(Files.exists(src), "docs/api.md shows " + src + ", which does not exist");
            assertEquals(Files.readString(src, StandardCharsets.UTF_8), m.group(2),
                    "docs/api.md's copy of " + src + " differs from the source: paste the source into the doc");
            shown.add(src.getFileName().toString());
        }
        long javaBlocks = doc.lines().filter(l -> l.strip().equals("```java")).count();
        assertEquals(javaBlocks, shown.size(), "every ```java block of docs/api.md must follow an <!-- example: FILE --> line");
        try (Stream<Path> s = Files.list(SOURCES)) {
            for (Path p : s.filter(p -> !p.getFileName().toString().endsWith("Test.java")).toList())
                assertTrue(shown.contains(p.getFileName().toString()), p + " is not shown in docs/api.md");
        }
    }

    @Test
    void compareBackends() throws Exception {
        String out = run(() -> CompareBackends.main(new String[0]));
        assertTrue(out.contains("medag  FEASIBLE") || out.contains("medag  OPTIMAL"), out);
        // cpsat proves this one in well under a second once OR-Tools is loaded; on a loaded machine the first
        // load alone can eat the limit, so only its line (and that no answer is invalid) is asserted here
        assertTrue(out.contains("\ncpsat  "), out);
        assertTrue(out.contains("valid true") && !out.contains("valid false"), out);
        assertTrue(out.contains("tasks: a=classify b=detect"), out);
    }

    @Test
    void placementPolicy() throws Exception {
        String out = run(() -> PlacementPolicy.main(new String[0]));
        assertEquals(4, out.lines().filter(l -> l.startsWith("epoch ")).count(), out);
        assertTrue(out.contains("nodes busy until {dev1="), out);
    }

    @Test
    void smallSuite() throws Exception {
        String out = run(() -> SmallSuite.main(new String[0]));
        assertEquals(14, out.lines().filter(l -> l.contains("-tiny-")).count(), out);
        assertEquals(5, out.lines().filter(l -> l.contains("mean gap to the best")).count(), out);
    }

    interface Main {
        void run() throws Exception;
    }

    static String run(Main main) throws Exception {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            main.run();
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        System.out.print(out);
        return out;
    }
}
