package io.edgesplit.dynamic.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The append-only {@code sim-runs.csv}, kept like an offline suite's {@code runs.csv} ({@code bench.RunsCsv}):
 * each run is one line, written whole, flushed and forced to disk the moment the run ends, so a killed suite
 * loses at most the line being written. On opening, a half-written last line is cut off, and damaged rows and
 * second rows of a run are set aside in {@code sim-runs.csv.removed} (nothing is lost); their runs run again
 * under {@code --resume}, which never writes a second row of a run it finds.
 */
public final class SimRunsCsv implements AutoCloseable {
    private final io.edgesplit.io.SyncedLines lines;

    private SimRunsCsv(io.edgesplit.io.SyncedLines lines) { this.lines = lines; }

    /** Opens for appending: heals the file first, writes the header when it is new or empty. */
    public static SimRunsCsv openForAppend(Path file, List<String> notes) throws IOException {
        if (Files.exists(file)) notes.addAll(heal(file));
        return new SimRunsCsv(io.edgesplit.io.SyncedLines.open(file, SimRow.header()));
    }

    public void append(SimRow row) throws IOException { lines.append(row.toCsvLine()); }

    @Override
    public void close() throws IOException { lines.close(); }

    /** The whole rows of a sim-runs.csv, by run id, in file order (damaged rows skipped; of two rows of a run, the first). */
    public static Map<String, SimRow> read(Path file) throws IOException {
        Map<String, SimRow> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) return rows;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            SimRow r = lines.get(i).isBlank() ? null : SimRow.parse(lines.get(i));
            if (r != null) rows.putIfAbsent(r.id(), r);
        }
        return rows;
    }

    /**
     * Cuts a half-written last line, checks the header, sets aside damaged rows and second rows of a run id
     * (appended to {@code sim-runs.csv.removed}) and rewrites the file atomically without them.
     *
     * @return one sentence per change
     */
    public static List<String> heal(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<String> notes = new ArrayList<>();
        if (all.length == 0) return notes;
        String text = new String(all, StandardCharsets.UTF_8);
        List<String> removed = new ArrayList<>();
        if (!text.endsWith("\n")) {
            int cut = text.lastIndexOf('\n') + 1;
            String tail = text.substring(cut);
            if (cut > 0 && !tail.isBlank()) removed.add(tail);
            text = text.substring(0, cut);
            notes.add(file + " ended in a half-written line (an interrupted run); it was cut off and that run will run again");
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        if (text.isEmpty()) lines.clear();
        if (!lines.isEmpty() && !lines.get(0).equals(SimRow.header()))
            throw new IOException(file + ": not a sim-runs.csv of this version (header differs); move it away or use another results folder");
        List<String> kept = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            SimRow r = SimRow.parse(line);
            if (r == null) {
                removed.add(line);
                notes.add(file + " line " + (i + 1) + ": a damaged row (it does not parse as a run): "
                        + (line.length() > 60 ? line.substring(0, 60) + "..." : line));
            } else if (!ids.add(r.id())) {
                removed.add(line);
                notes.add(file + " line " + (i + 1) + ": a second row of run " + r.id() + " (the first is kept)");
            } else kept.add(line);
        }
        if (notes.isEmpty()) return notes;
        if (!removed.isEmpty())
            Files.writeString(file.resolveSibling(file.getFileName() + ".removed"), String.join("\n", removed) + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        StringBuilder sb = new StringBuilder();
        if (!lines.isEmpty()) {
            sb.append(lines.get(0)).append('\n');
            for (String k : kept) sb.append(k).append('\n');
        }
        io.edgesplit.io.Json.writeAtomically(file, sb.toString());
        return notes;
    }
}
