package io.edgesplit.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Sorts the rows of a {@code runs.csv} text into the ones to keep and the ones to set aside, with a note for
 * each (docs/benchmarks.md, "A runs.csv that heals"): a row that does not parse as a run (a damaged line,
 * wherever it is) and a second row of a run id already seen (the first is kept, like {@code report} keeps
 * the first folder's row of a run in a merge); a run stopped by an interrupt is set aside too (it is
 * not a result). Used by {@code bench --resume}, which rewrites the file
 * without them (their runs then run again) and by {@code report}, which skips them with a warning.
 */
public final class RunsCsvHealth {
    private RunsCsvHealth() {}

    /**
     * @param header  the header line as found (kept as it is)
     * @param kept    the rows to keep, in order, without line breaks
     * @param removed the rows set aside, as they were
     * @param notes   one sentence per row set aside, naming its line number
     */
    public record Sorted(String header, List<String> kept, List<String> removed, List<String> notes) {
        public boolean changed() { return !removed.isEmpty(); }
    }

    /** Sorts {@code lines} (the first is the header; blank lines are dropped silently). */
    public static Sorted sort(List<String> lines, String file) {
        List<String> kept = new ArrayList<>(), removed = new ArrayList<>(), notes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            RunRecord r = parse(line);
            if (r == null) {
                removed.add(line);
                notes.add(file + " line " + (i + 1) + ": a damaged row (it does not parse as a run): "
                        + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
            } else if (r.status().equals(RunRecord.INTERRUPTED)) {
                removed.add(line);
                notes.add(file + " line " + (i + 1) + ": run " + r.runId() + " was interrupted, which is not a result; --resume runs it again");
            } else if (!ids.add(r.runId())) {
                removed.add(line);
                notes.add(file + " line " + (i + 1) + ": a second row of run " + r.runId() + " (the first is kept)");
            } else kept.add(line);
        }
        return new Sorted(lines.isEmpty() ? "" : lines.get(0), kept, removed, notes);
    }

    /** The run of a line, or null when it is not a whole, well-typed row. */
    static RunRecord parse(String line) {
        try {
            List<String> cells = RunRecord.Csv.split(line);
            RunRecord r = RunRecord.fromCells(cells);
            String valid = cells.get(RunRecord.COLUMNS.indexOf("valid"));
            if (!valid.equals("true") && !valid.equals("false")) return null; // Boolean.parseBoolean takes anything
            if (r.runId().isBlank() || r.status().isBlank() || !Double.isFinite(r.wallSeconds())) return null;
            return r;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
