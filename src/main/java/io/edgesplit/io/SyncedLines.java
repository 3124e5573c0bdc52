package io.edgesplit.io;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An append-only file of lines, each written whole, flushed and forced to disk before {@link #append} returns:
 * the raw results files of suites ({@code runs.csv}, {@code sim-runs.csv}) lose at most the line being written
 * when a run is killed.
 */
public final class SyncedLines implements AutoCloseable {
    private final FileOutputStream stream;
    private final Writer out;

    // A FileOutputStream, not a FileChannel: a channel closes itself when the writing thread has been
    // interrupted, and the row of a run stopped by Ctrl-C is written by exactly such a thread.
    private SyncedLines(FileOutputStream stream) {
        this.stream = stream;
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /** Opens for appending (creating folders), writing {@code header} first when the file is new or empty. */
    public static SyncedLines open(Path file, String header) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SyncedLines s = new SyncedLines(new FileOutputStream(file.toFile(), true));
        if (Files.size(file) == 0) s.append(header);
        return s;
    }

    public synchronized void append(String line) throws IOException {
        out.write(line + "\n");
        out.flush();
        stream.getFD().sync();
    }

    @Override
    public void close() throws IOException { out.close(); }
}
