package io.edgesplit.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The append-only raw results file. Each finished run is one line, written whole and flushed (and forced
 * to disk) before the next run is reported, so a killed suite loses at most the line being written. On
 * opening, a last line without its newline is that half-written line: it is cut off; a damaged row anywhere
 * and a second row of one run are set aside with a note ({@link #heal}); their runs run again under
 * {@code --resume}.
 */
public final class RunsCsv implements AutoCloseable {
    private final Path file;
    private final io.edgesplit.io.SyncedLines lines;

    private RunsCsv(Path file, io.edgesplit.io.SyncedLines lines) {
        this.file = file;
        this.lines = lines;
    }

    public static String header() { return RunRecord.Csv.line(RunRecord.COLUMNS); }

    /** Opens for appending, writing the header when the file is new or empty; repairs a truncated tail first. */
    public static RunsCsv openForAppend(Path file) throws IOException {
        if (Files.exists(file)) repair(file);
        return new RunsCsv(file, io.edgesplit.io.SyncedLines.open(file, header()));
    }

    public void append(RunRecord rec) throws IOException { lines.append(rec.toCsvLine()); }

    @Override
    public void close() throws IOException { lines.close(); }

    /** The whole rows of a runs.csv, by run id (damaged rows skipped; of two rows of one run, the first). */
    public static Map<String, RunRecord> read(Path file) throws IOException {
        Map<String, RunRecord> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) return rows;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            RunRecord r = RunsCsvHealth.parse(lines.get(i));
            if (r != null) rows.putIfAbsent(r.runId(), r);
        }
        return rows;
    }

    /**
     * Cuts a half-written last line, checks the header, and sets aside every damaged row and every second
     * row of a run id ({@link RunsCsvHealth}), wherever they are.
     *
     * @return whether something was cut or set aside
     */
    public static boolean repair(Path file) throws IOException { return !heal(file).isEmpty(); }

    /**
     * Like {@link #repair}, returning one note per change. Rows set aside are appended to
     * {@code runs.csv.removed} next to the file (nothing is lost), and the file is rewritten atomically
     * without them; their runs then run again under {@code --resume}.
     */
    public static List<String> heal(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        List<String> notes = new ArrayList<>();
        if (all.length == 0) return notes;
        int end = all.length;
        String tail = null;
        if (all[end - 1] != '\n') {
            int lastNl = lastIndexOf(all, end - 1);
            tail = new String(all, lastNl + 1, end - lastNl - 1, StandardCharsets.UTF_8);
            end = lastNl + 1; // keep through the last complete line
            notes.add(file + " ended in a half-written line (an interrupted run); it was cut off and that run will run again");
        }
        String text = new String(all, 0, end, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        if (!lines.isEmpty() && lines.get(0).equals(RunRecord.Csv.line(RunRecord.COLUMNS_WITHOUT_BOUND)))
            throw new IOException(file + ": a runs.csv written before the instance_bound columns; it still reports, "
                    + "but new runs cannot be appended to it: use --fresh or another results folder");
        if (!lines.isEmpty() && !lines.get(0).equals(header()))
            throw new IOException(file + ": not a runs.csv of this version (header differs); move it away or use another results folder");
        RunsCsvHealth.Sorted sorted = RunsCsvHealth.sort(lines, file.toString());
        notes.addAll(sorted.notes());
        if (tail == null && !sorted.changed()) return notes;
        List<String> removed = new ArrayList<>(sorted.removed());
        if (tail != null && !tail.isBlank() && !lines.isEmpty()) removed.add(tail);
        if (!removed.isEmpty()) {
            Path aside = file.resolveSibling(file.getFileName() + ".removed");
            Files.writeString(aside, String.join("\n", removed) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        StringBuilder sb = new StringBuilder();
        if (!lines.isEmpty()) {
            sb.append(sorted.header()).append('\n');
            for (String k : sorted.kept()) sb.append(k).append('\n');
        }
        io.edgesplit.io.Json.writeAtomically(file, sb.toString());
        return notes;
    }

    private static int lastIndexOf(byte[] a, int from) {
        for (int i = from; i >= 0; i--) if (a[i] == '\n') return i;
        return -1;
    }

    public Path file() { return file; }
}
