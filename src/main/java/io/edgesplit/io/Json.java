package io.edgesplit.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.model.InvalidInputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The project's one JSON configuration: strict parsing, stable pretty printing, atomic file writes. */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Json() {}

    /** Parses a file; a missing file or malformed JSON is an {@link InvalidInputException} naming the file. */
    public static JsonNode readTree(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file.toString(), "", "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    public static JsonNode parse(String text, String label) {
        try {
            JsonNode n = MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) throw new InvalidInputException(label, "", "empty document; expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": ";
            throw new InvalidInputException(label, "", "not valid JSON: " + where + e.getOriginalMessage());
        }
    }

    public static ObjectNode object() { return MAPPER.createObjectNode(); }

    /** Pretty JSON with two-space indentation and arrays of scalars kept readable. */
    public static String pretty(JsonNode n) {
        try {
            return MAPPER.writer(prettyPrinter()).writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh printer of the project's pretty format (printers hold nesting state: one per document). */
    public static DefaultPrettyPrinter prettyPrinter() {
        return new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** What goes into a file, written straight to it (a solution of millions of layers never becomes one String). */
    @FunctionalInterface
    public interface Body {
        void writeTo(java.io.Writer w) throws IOException;
    }

    public static String compact(JsonNode n) {
        try {
            return MAPPER.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Writes through a temporary file and a rename, so a reader never sees half a file. Only a regular file
     * (or nothing) is replaced: the rename would put a regular file in the place of a device, a FIFO or a
     * symbolic link, so those are refused (docs/formats.md, "Output files").
     */
    public static void writeAtomically(Path file, String content) throws IOException {
        writeAllAtomically(java.util.Map.of(file, w -> w.write(content)));
    }

    /**
     * Several files written together: every temporary file is written before the first rename, so a failure
     * while writing (a full disk, a missing permission) leaves all of them as they were.
     */
    public static void writeAllAtomically(java.util.Map<Path, Body> files) throws IOException {
        java.util.Map<Path, Path> temps = new java.util.LinkedHashMap<>();
        try {
            for (var e : files.entrySet()) {
                Path file = e.getKey();
                if (Files.exists(file, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    throw new FileSystemException(file.toString(), null, "exists and is not a regular file; not replaced");
                Path dir = file.toAbsolutePath().getParent();
                if (dir != null) Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
                temps.put(file, tmp);
                try (java.io.Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    e.getValue().writeTo(w);
                }
                try { // temporary files are private (0600); results and solutions are meant to be shared
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: keep the default
                }
            }
            for (var e : temps.entrySet()) {
                try {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException x) {
                    Files.move(e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            for (Path tmp : temps.values()) Files.deleteIfExists(tmp);
        }
    }

    /** A double written as an integer when it is one (131072, not 131072.0). */
    public static void put(ObjectNode o, String field, double v) {
        if (v == Math.rint(v) && Math.abs(v) < 9.0e15) o.put(field, (long) v);
        else o.put(field, v);
    }
}
