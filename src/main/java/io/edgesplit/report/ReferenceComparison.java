package io.edgesplit.report;

import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a new run of a suite compares with its committed reference, {@code results/reference/<suite>/runs.csv}
 * (docs/benchmarks.md, "Reference results"): per configuration, the runs both have (same instance, configuration
 * and repeat), how many the new run answers better, equally or worse, the mean objective ratio new/reference,
 * and the status changes. A reference keeps the committed numbers apart from what a user's machine produces,
 * so running the main job never overwrites them and still says whether it reproduced them.
 */
public final class ReferenceComparison {
    private ReferenceComparison() {}

    /** Where the reference of {@code suite} lives, given the folder a run of it wrote. */
    public static Path referenceFor(Path resultsDir, String suite) {
        return resultsDir.toAbsolutePath().normalize().getParent().resolve("reference").resolve(suite);
    }

    /**
     * Compares {@code raw} (the new runs of one suite) with the reference next to {@code resultsDir}, if one
     * exists and is another folder; returns the Markdown, or null when there is nothing to compare with.
     */
    public static String markdown(Table raw, Path resultsDir, List<String> notes) throws IOException {
        if (raw.rowCount() == 0) return null;
        String suite = raw.row(0).getString("suite");
        Path ref = referenceFor(resultsDir, suite);
        if (!Files.isRegularFile(ref.resolve("runs.csv"))
                || ref.toAbsolutePath().normalize().equals(resultsDir.toAbsolutePath().normalize())) return null;
        Table old = Results.load(List.of(ref), notes);
        return markdown(raw, old, ref);
    }

    static String markdown(Table now, Table ref, Path refDir) {
        Map<String, Integer> byKey = new HashMap<>(); // row numbers: a Tablesaw Row is a cursor, not a value
        for (Row r : ref) byKey.put(key(r), r.getRowNumber());
        Map<String, int[]> counts = new TreeMap<>(); // config -> common, better, equal, worse, status changes
        Map<String, List<Double>> ratios = new TreeMap<>();
        List<String> changes = new ArrayList<>();
        for (Row r : now) {
            Integer at = byKey.get(key(r));
            if (at == null) continue;
            Row o = ref.row(at);
            String cfg = r.getString("config");
            int[] c = counts.computeIfAbsent(cfg, k -> new int[5]);
            c[0]++;
            double a = r.getDouble("objective_s"), b = o.getDouble("objective_s");
            if (!r.getString("status").equals(o.getString("status"))) {
                c[4]++;
                changes.add(String.format(Locale.ROOT, "| %s | %s | %d | %s | %s |", r.getString("instance"), cfg, r.getInt("repeat"),
                        o.getString("status"), r.getString("status")));
            }
            if (Double.isNaN(a) || Double.isNaN(b)) continue;
            double tol = 1e-9 * Math.max(1, Math.abs(b));
            c[a < b - tol ? 1 : a > b + tol ? 3 : 2]++;
            if (b > 0) ratios.computeIfAbsent(cfg, k -> new ArrayList<>()).add(a / b);
        }
        StringBuilder sb = new StringBuilder("## Compared with the committed reference\n\n");
        sb.append("Reference: `").append(refDir).append("/runs.csv` (").append(ref.rowCount()).append(" runs). ")
                .append("Runs are matched by instance, configuration and repeat; *better* means a smaller objective. ")
                .append("Time-limited anytime backends differ between machines and loads; exact optima and the ")
                .append("deterministic heuristics should agree exactly.\n\n");
        if (counts.isEmpty()) return sb.append("No run in common with the reference.\n").toString();
        sb.append("| configuration | runs in common | better | equal | worse | mean objective ratio (new/ref) | status changes |\n");
        sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (var e : counts.entrySet()) {
            int[] c = e.getValue();
            List<Double> rs = ratios.getOrDefault(e.getKey(), List.of());
            String ratio = rs.isEmpty() ? "–" : String.format(Locale.ROOT, "%.4f", rs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN));
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %s | %d |%n", e.getKey(), c[0], c[1], c[2], c[3], ratio, c[4]));
        }
        if (!changes.isEmpty()) {
            sb.append("\n| instance | configuration | repeat | reference status | new status |\n|---|---|---:|---|---|\n");
            changes.forEach(l -> sb.append(l).append('\n'));
        }
        return sb.toString();
    }

    private static String key(Row r) {
        return r.getString("instance") + "\u0000" + r.getString("config") + "\u0000" + r.getInt("repeat");
    }
}
