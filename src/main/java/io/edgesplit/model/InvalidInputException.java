package io.edgesplit.model;

/**
 * Bad input: says where (the file, when known, and the JSON path) and what was expected. The CLI prints
 * {@link #getMessage()} as one line and exits 2.
 */
public final class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String file;
    private final String path;
    private final String problem;

    public InvalidInputException(String file, String path, String problem) {
        super(format(file, path, problem));
        this.file = file;
        this.path = path;
        this.problem = problem;
    }

    public InvalidInputException(String path, String problem) { this(null, path, problem); }

    private static String format(String file, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null) sb.append(file).append(": ");
        if (path != null && !path.isEmpty()) sb.append(path).append(": ");
        return sb.append(problem).toString();
    }

    /** The same error, located in {@code newFile}. */
    public InvalidInputException inFile(String newFile) { return new InvalidInputException(newFile, path, problem); }

    public String file() { return file; }

    /** The JSON path, e.g. {@code tasks[3].origin}; empty for the document itself. */
    public String path() { return path; }

    public String problem() { return problem; }
}
