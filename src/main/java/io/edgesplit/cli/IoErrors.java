package io.edgesplit.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A file-system failure (permission, missing folder, full disk, a path that is a directory) as one
 * sentence naming the file, for exit 2: it is the user's environment, not a bug, so no Java class name.
 */
final class IoErrors {
    private IoErrors() {}

    /** The IOException behind {@code t}, or null when {@code t} is not an I/O failure. */
    static IOException cause(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof IOException io) return io;
            if (!(c instanceof UncheckedIOException) && c != t) break;
        }
        return null;
    }

    static String sentence(IOException e) {
        if (e instanceof FileSystemException f) {
            String what = f.getFile() == null ? "a file" : f.getFile();
            if (f.getOtherFile() != null) what += " (via " + f.getOtherFile() + ")";
            String why;
            if (e instanceof AccessDeniedException) why = "permission denied";
            else if (e instanceof NoSuchFileException) why = "no such file or folder";
            else if (e instanceof NotDirectoryException) why = "a part of the path is not a folder";
            else if (e instanceof FileAlreadyExistsException) why = "it exists and is not a folder, so nothing can be created in it";
            else if (e instanceof DirectoryNotEmptyException) why = "the folder is not empty";
            else why = f.getReason() == null ? "the file system refused" : f.getReason();
            return "cannot read or write " + what + ": " + why;
        }
        return "input/output failure: " + (e.getMessage() == null ? "no detail given by the system" : e.getMessage());
    }
}
