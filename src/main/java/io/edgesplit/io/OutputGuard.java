package io.edgesplit.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Which paths a command may write (docs/formats.md, "Output files"). A command never replaces one of its
 * own inputs, never replaces something that is not a regular file (a directory, a device such as
 * {@code /dev/null}, a FIFO or a symbolic link: an atomic rename would put a regular file in its place),
 * and {@code bench} never writes outside its results folder. Every refusal is an
 * {@link IllegalArgumentException} with a sentence, which the command line turns into exit 2 before
 * anything is solved or written.
 */
public final class OutputGuard {
    private OutputGuard() {}

    /**
     * Refuses {@code out} (given with {@code option}, e.g. {@code --out}) when it is an existing non-regular
     * file or the same file as one of {@code inputs} (null entries are ignored). A null {@code out} passes.
     */
    public static void check(String option, Path out, Path... inputs) {
        if (out == null) return;
        String name = option + " " + out;
        if (Files.isSymbolicLink(out))
            throw new IllegalArgumentException(name + " is a symbolic link; refusing to replace it with a file "
                    + "(write to the file it points to, or choose another path)");
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(out, LinkOption.NOFOLLOW_LINKS))
            throw new IllegalArgumentException(name + " exists and is not a regular file (a directory, a device or a FIFO); "
                    + "refusing to replace it");
        // The nearest existing ancestor must be a folder, or the write would fail after the solve.
        for (Path a = out.toAbsolutePath().normalize().getParent(); a != null; a = a.getParent())
            if (Files.exists(a)) {
                if (!Files.isDirectory(a)) throw new IllegalArgumentException(name + ": " + a + " is not a folder");
                break;
            }
        for (Path in : inputs)
            if (in != null && same(out, in))
                throw new IllegalArgumentException(name + " is also an input of this command (" + in + "); refusing to overwrite it");
    }

    /** Refuses two outputs of one command that name the same file (the second would replace the first). */
    public static void distinct(String optionA, Path a, String optionB, Path b) {
        if (a != null && b != null && same(a, b))
            throw new IllegalArgumentException(optionA + " and " + optionB + " name the same file (" + a + "); give each its own path");
    }

    /**
     * Refuses {@code p} unless it lies strictly inside {@code root} after normalisation (so a name such as
     * {@code ..} cannot make a bench write, or delete, outside its results folder).
     */
    public static Path inside(Path root, Path p, String what) {
        Path r = root.toAbsolutePath().normalize(), q = p.toAbsolutePath().normalize();
        if (!q.startsWith(r) || q.equals(r))
            throw new IllegalArgumentException(what + " " + p + " would lie outside the results folder " + root + "; refusing to write there");
        return p;
    }

    /** Whether two paths name one file: the same inode when both exist, else the same canonical path. */
    static boolean same(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) return Files.isSameFile(a, b);
        } catch (IOException e) {
            // fall through to comparing names
        }
        return canonical(a).equals(canonical(b));
    }

    /** The absolute, normalised path with its existing parent's symbolic links resolved. */
    private static Path canonical(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        try {
            if (parent != null && Files.isDirectory(parent)) return parent.toRealPath().resolve(abs.getFileName());
        } catch (IOException e) {
            // keep the normalised path
        }
        return abs;
    }
}
