package io.edgesplit.cli;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.model.Instance;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** {@code --instance FILE}, shared by the commands that read one instance (a picocli mixin). */
final class InstanceOption {
    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance JSON (docs/formats.md §1)")
    Path file;

    /** The instance, read and checked; a bad file is an error naming the file and the JSON path (exit 2). */
    Instance read() { return EdgeSplit.readInstance(file); }
}
