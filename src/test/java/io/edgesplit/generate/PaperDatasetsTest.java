package io.edgesplit.generate;

import io.edgesplit.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The paper reproduction's instances (datasets/paper, docs/reproduction.md): every listed file exists, and a
 * sample (one per family and size, plus every twentieth line) equals what its manifest line generates, so
 * the committed files are the recorded seeds' (all 120 would cost minutes; the generator is deterministic).
 */
class PaperDatasetsTest {
    static final Path DIR = Path.of("datasets/paper");

    @Test
    void theListedFilesExistAndASampleRegeneratesExactly(@TempDir Path tmp) throws IOException {
        List<String[]> lines = new ArrayList<>();
        for (String line : Files.readAllLines(DIR.resolve("manifest.txt"))) {
            String s = line.strip();
            if (!s.isEmpty() && !s.startsWith("#")) lines.add(s.split("\\s+"));
        }
        assertEquals(120, lines.size(), "2 families x 3 sizes x 20 seeds");
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i);
            Path committed = DIR.resolve(parts[0]);
            assertEquals(true, Files.isRegularFile(committed), parts[0]);
            if (i % 20 != 0 && i % 20 != 7) continue;
            Path out = tmp.resolve("i" + i + ".json");
            List<String> argv = new ArrayList<>(List.of("generate"));
            argv.addAll(Arrays.asList(parts).subList(1, parts.length));
            argv.addAll(List.of("--out", out.toString()));
            assertEquals(Main.OK, Main.execute(argv.toArray(String[]::new)));
            assertEquals(Files.readString(committed), Files.readString(out), parts[0] + " differs from its manifest line");
        }
    }
}
