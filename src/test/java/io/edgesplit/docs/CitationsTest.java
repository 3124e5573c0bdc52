package io.edgesplit.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract lives in the repository (docs/model.md, docs/formats.md): code, tests, help text and docs cite
 * its sections, and a citation of a page or section that does not exist is an error, as is a citation of the
 * founding document users never receive.
 */
class CitationsTest {

    /** Built from parts so that this file does not cite it itself. */
    private static final Pattern ABSENT_CONTRACT = Pattern.compile("\\b" + "SP" + "EC" + "\\b|" + "SP" + "EC\\.md");
    /** {@code docs/model.md}, optionally followed by a section {@code §4} or {@code §4.6}. */
    private static final Pattern DOC_CITATION = Pattern.compile("docs/([a-z0-9-]+)\\.md(?: §(\\d+)(?:\\.\\d+)?)?");

    private static final Path ROOT = Path.of("").toAbsolutePath();

    @Test
    void noFileCitesADocumentThatIsNotInTheRepository() {
        List<String> bad = new ArrayList<>();
        for (Path f : citingFiles()) {
            String[] lines = read(f).split("\n", -1);
            for (int i = 0; i < lines.length; i++)
                if (ABSENT_CONTRACT.matcher(lines[i]).find()) bad.add(ROOT.relativize(f) + ":" + (i + 1) + ": " + lines[i].strip());
        }
        assertEquals(List.of(), bad, "cite docs/model.md or docs/formats.md, which users have");
    }

    @Test
    void everyCitedDocsPageAndSectionExists() {
        List<String> bad = new ArrayList<>();
        for (Path f : citingFiles()) bad.addAll(brokenCitations(ROOT.relativize(f).toString(), read(f)));
        assertEquals(List.of(), bad);
    }

    @Test
    void theCheckFindsABrokenCitation() {
        assertFalse(brokenCitations("x", "see docs/model.md §4.6 and docs/formats.md §2").size() > 0);
        assertEquals(1, brokenCitations("x", "see docs/" + "model.md §42").size());
        assertEquals(1, brokenCitations("x", "see docs/" + "nonexistent.md").size());
        assertTrue(ABSENT_CONTRACT.matcher("as in " + "SP" + "EC 1.4").find());
    }

    static List<String> brokenCitations(String where, String text) {
        List<String> bad = new ArrayList<>();
        Matcher m = DOC_CITATION.matcher(text);
        while (m.find()) {
            Path page = ROOT.resolve("docs").resolve(m.group(1) + ".md");
            if (!Files.isRegularFile(page)) { bad.add(where + ": " + m.group() + ": no such page"); continue; }
            if (m.group(2) != null && !Pattern.compile("(?m)^## " + m.group(2) + "\\. ").matcher(read(page)).find())
                bad.add(where + ": " + m.group() + ": the page has no section \"## " + m.group(2) + ". \"");
        }
        return bad;
    }

    private static List<Path> citingFiles() {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("src", "docs", "scripts", "benchmarks", "solvers", "datasets", "results"))
            try (Stream<Path> s = Files.walk(ROOT.resolve(dir))) {
                s.filter(Files::isRegularFile)
                        .filter(p -> p.toString().matches(".*\\.(java|md|json|sh|py|txt)$"))
                        .filter(p -> !p.toString().contains("/runs/") && !p.toString().contains("/instances/"))
                        .filter(p -> !p.toString().contains("/datasets/") || p.toString().endsWith(".md"))
                        .forEach(files::add);
            } catch (IOException e) { throw new UncheckedIOException(e); }
        for (String top : List.of("README.md", "pom.xml", "CHANGELOG.md")) {
            Path p = ROOT.resolve(top);
            if (Files.isRegularFile(p)) files.add(p);
        }
        assertTrue(files.size() > 100, "the scan found the sources and docs (" + files.size() + " files)");
        return files;
    }

    private static String read(Path p) {
        try { return Files.readString(p); } catch (IOException e) { throw new UncheckedIOException(e); }
    }
}
