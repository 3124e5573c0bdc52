package io.edgesplit.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a run's anytime trace file (seconds, objective and bound in ticks and seconds). */
final class Traces {
    private Traces() {}

    /** Points {time s, objective s (NaN if none)}; empty when the file is missing. */
    static List<double[]> read(Analysis.Run r) {
        List<double[]> out = new ArrayList<>();
        if (r.traceFile() == null || r.traceFile().isEmpty()) return out;
        Path f = Path.of(r.resultsDir()).resolve(r.traceFile());
        if (!Files.isRegularFile(f)) return out;
        try {
            List<String> lines = Files.readAllLines(f);
            for (int i = 1; i < lines.size(); i++) {
                String[] c = lines.get(i).split(",", -1);
                if (c.length < 5) continue;
                out.add(new double[]{Double.parseDouble(c[0]), c[3].isEmpty() ? Double.NaN : Double.parseDouble(c[3])});
            }
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        return out;
    }
}
