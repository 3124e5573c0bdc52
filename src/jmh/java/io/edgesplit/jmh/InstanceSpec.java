package io.edgesplit.jmh;

import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.Instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code instance} parameter of the benchmarks: either a generated instance {@code gen:t<tasks>-n<nodes>[-s<seed>]}
 * (see {@link GeneratedInstances}) or the path of an instance file, e.g. a committed dataset
 * {@code datasets/instances/small/testbed-s1.json} (relative to the working directory, the repository root).
 */
final class InstanceSpec {
    private InstanceSpec() {}

    private static final Pattern GEN = Pattern.compile("gen:t(\\d+)-n(\\d+)(?:-s(\\d+))?");

    static Instance load(String spec) {
        Matcher m = GEN.matcher(spec);
        if (m.matches())
            return GeneratedInstances.generate(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 1 : Long.parseLong(m.group(3)));
        if (spec.startsWith("gen:"))
            throw new IllegalArgumentException("instance \"" + spec + "\": expected gen:t<tasks>-n<nodes>[-s<seed>]");
        Path p = Path.of(spec);
        if (!Files.isRegularFile(p))
            throw new IllegalArgumentException("instance \"" + spec + "\": no such file (relative paths are from "
                    + Path.of("").toAbsolutePath() + "; run from the repository root)");
        return InstanceJson.read(p);
    }

    static String generated(int tasks, int nodes) { return "gen:t" + tasks + "-n" + nodes; }
}
