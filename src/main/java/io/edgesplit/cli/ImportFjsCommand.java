package io.edgesplit.cli;

import io.edgesplit.fjsp.FjspImporter;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.Instance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "import-fjs", description = "Convert a flexible job shop file (FJSPLIB format) into an instance: "
        + "granularity layer, zero-byte tensors, one task per job, one node per machine, profiles for the times; "
        + "one tick = one FJSP time unit.")
final class ImportFjsCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "the .fjs file")
    Path file;
    @Option(names = "--out", required = true, paramLabel = "F", description = "the instance JSON to write")
    Path out;
    @Option(names = "--name", paramLabel = "NAME", description = "instance name (default: the file name without extension)")
    String name;
    @Option(names = "--best-known", paramLabel = "MAKESPAN", description = "store a best-known makespan (FJSP time units) with the instance")
    Double bestKnown;
    @Option(names = "--best-known-source", paramLabel = "TEXT", description = "where the best-known value comes from")
    String bestKnownSource;

    @Override
    public Integer call() throws IOException {
        io.edgesplit.io.OutputGuard.check("--out", out, file);
        Instance in = FjspImporter.read(file);
        if (name != null) in = in.withName(name);
        if (bestKnown != null) {
            if (!(bestKnown >= 0) || bestKnown.isInfinite()) throw new IllegalArgumentException("--best-known: expected a number >= 0, got " + bestKnown);
            in = FjspImporter.withBestKnown(in, bestKnown, bestKnownSource);
        } else if (bestKnownSource != null) throw new IllegalArgumentException("--best-known-source needs --best-known");
        InstanceJson.write(in, out);
        System.out.println("wrote " + out + ": " + in.tasks().size() + " jobs, " + (in.nodes().size() - 1) + " machines, "
                + in.models().stream().mapToInt(m -> m.layerCount()).sum() + " operations");
        return Main.OK;
    }
}
