package io.edgesplit.examples;

import io.edgesplit.api.EdgeSplit;
import io.edgesplit.api.Options;
import io.edgesplit.api.Result;
import io.edgesplit.model.Instance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * docs/api.md, example 3: a small suite run from code. Five backends on every tiny instance; per instance
 * each backend's objective and its gap to the best valid one, then the mean gaps. The {@code bench} command
 * does this at scale, with reports and plots (docs/benchmarks.md).
 */
public class SmallSuite {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "datasets/instances/tiny");
        List<String> backends = List.of("local", "edge-only", "heft", "medag", "cpsat");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }

        double[] gapSum = new double[backends.size()];
        System.out.printf("%-42s%s%n", "instance", String.join("", backends.stream().map(b -> String.format("%21s", b)).toList()));
        for (Path f : files) {
            Instance in = EdgeSplit.readInstance(f);
            List<Result> rs = new ArrayList<>();
            for (String b : backends) rs.add(EdgeSplit.solve(in, b, Options.defaults().timeLimit(10)));
            double best = rs.stream().filter(r -> r.valid() && r.hasSchedule())
                    .mapToDouble(r -> r.objectiveSeconds().orElseThrow()).min().orElseThrow();
            StringBuilder row = new StringBuilder(String.format("%-42s", in.name()));
            for (int i = 0; i < rs.size(); i++) {
                Result r = rs.get(i);
                if (!r.valid() || !r.hasSchedule()) {       // ERROR, UNKNOWN, ...: no objective to compare
                    row.append(String.format("%21s", r.status()));
                    gapSum[i] = Double.NaN;
                    continue;
                }
                double obj = r.objectiveSeconds().orElseThrow();
                gapSum[i] += 100 * (obj / best - 1);
                row.append(String.format("%11.6f s%s%7s", obj, r.provedOptimal() ? "*" : " ",
                        String.format("%+.1f%%", 100 * (obj / best - 1))));
            }
            System.out.println(row);
        }
        for (int i = 0; i < backends.size(); i++)
            System.out.printf("%-8s mean gap to the best %.2f %%%n", backends.get(i), gapSum[i] / files.size());
        System.out.println("* = proved optimal");
    }
}
