package io.edgesplit.cli;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON object on stdout instead of text (a picocli mixin). */
final class JsonOutput {
    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;
}
