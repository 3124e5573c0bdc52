package io.edgesplit.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.Writer;
import java.nio.channels.FileChannel;
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
 * opening, a last line without its newline, or one that does not parse, is that half-written line: it is
 * cut off, and its run is simply run again under {@code --resume}.
 */
public final class RunsCsv implements AutoCloseable {
    private final Path file;
    private final Writer out;
    private final FileChannel channel;

    private RunsCsv(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
        this.out = java.nio.channels.Channels.newWriter(channel, StandardCharsets.UTF_8);
    }

    public static String header() { return RunRecord.Csv.line(RunRecord.COLUMNS); }

    /** Opens for appending, writing the header when the file is new or empty; repairs a truncated tail first. */
    public static RunsCsv openForAppend(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (Files.exists(file)) repair(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        RunsCsv r = new RunsCsv(file, ch);
        if (ch.size() == 0) r.appendLine(header());
        return r;
    }

    public synchronized void append(RunRecord rec) throws IOException { appendLine(rec.toCsvLine()); }

    private void appendLine(String line) throws IOException {
        out.write(line + "\n");
        out.flush();
        channel.force(false);
    }

    @Override
    public void close() throws IOException { out.close(); }

    /** The rows of a runs.csv, by run id (a later duplicate replaces an earlier one, which never happens in files we write). */
    public static Map<String, RunRecord> read(Path file) throws IOException {
        Map<String, RunRecord> rows = new LinkedHashMap<>();
        if (!Files.exists(file)) return rows;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) continue;
            RunRecord r = parse(lines.get(i));
            if (r != null) rows.put(r.runId(), r);
        }
        return rows;
    }

    static RunRecord parse(String line) {
        try {
            return RunRecord.fromCells(RunRecord.Csv.split(line));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Cuts a half-written last line (no trailing newline, or not parseable); checks the header.
     *
     * @return whether something was cut
     */
    public static boolean repair(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        if (all.length == 0) return false;
        int end = all.length;
        boolean cut = false;
        if (all[end - 1] != '\n') {
            int lastNl = lastIndexOf(all, end - 1);
            end = lastNl + 1; // keep through the last complete line
            cut = true;
        }
        // The last complete line must parse too (a crash can leave garbage that happens to end in a newline only
        // if the process wrote it; we still check so a damaged row is re-run rather than counted).
        String text = new String(all, 0, end, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) lines.remove(lines.size() - 1);
        if (!lines.isEmpty() && lines.get(0).equals(RunRecord.Csv.line(RunRecord.COLUMNS_WITHOUT_BOUND)))
            throw new IOException(file + ": a runs.csv written before the instance_bound columns; it still reports, "
                    + "but new runs cannot be appended to it: use --fresh or another results folder");
        if (!lines.isEmpty() && !lines.get(0).equals(header()))
            throw new IOException(file + ": not a runs.csv of this version (header differs); move it away or use another results folder");
        while (lines.size() > 1 && parse(lines.get(lines.size() - 1)) == null) {
            end -= lines.get(lines.size() - 1).getBytes(StandardCharsets.UTF_8).length + 1;
            lines.remove(lines.size() - 1);
            cut = true;
        }
        if (cut) {
            try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
                raf.setLength(Math.max(end, 0));
            }
        }
        return cut;
    }

    private static int lastIndexOf(byte[] a, int from) {
        for (int i = from; i >= 0; i--) if (a[i] == '\n') return i;
        return -1;
    }

    public Path file() { return file; }
}
