package io.edgesplit.cli;

import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.generate.ScenarioGenerator.Family;
import io.edgesplit.generate.ScenarioGenerator.SizeClass;
import io.edgesplit.generate.ScenarioGenerator.Spec;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.Contention;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Objective;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "generate", mixinStandardHelpOptions = true, description = {
        "Write a generated instance: a named scenario family, a size class and a seed (the same arguments "
                + "always give the same file). See docs/datasets.md.",
        "Families: testbed (3 Raspberry Pi endpoints, LAN edge PCs, VGG5), campus-light, campus-heavy "
                + "(Pi devices, Jetson and T4 edge nodes, a cloud; Wi-Fi/LAN/WAN; mixed zoo models), campus-measured "
                + "(the heavy campus with GPU edge servers whose per-layer latencies are measured: AlexNet, ResNet-18, MobileNetV2).",
        "Sizes: tiny (1-2 tasks, <=4 layers, <=3 nodes), small (4-8 tasks of 7 layers, 4-6 nodes), "
                + "medium (20-50 tasks, 8-16 nodes), large (200-1000 tasks, 16-64 nodes)."})
final class GenerateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec cmd;

    @Option(names = "--scenario", required = true, paramLabel = "NAME", description = "testbed, campus-light, campus-heavy or campus-measured")
    String scenario;
    @Option(names = "--seed", required = true, paramLabel = "N", description = "random seed (>= 0)")
    long seed;
    @Option(names = "--size", paramLabel = "CLASS", defaultValue = "small", description = "tiny, small, medium or large (default: ${DEFAULT-VALUE})")
    String size;
    @Option(names = "--tasks", paramLabel = "N", description = "number of tasks (default: drawn from the size class)")
    Integer tasks;
    @Option(names = "--nodes", paramLabel = "N", description = "number of nodes (default: drawn from the size class)")
    Integer nodes;
    @Option(names = "--objective", paramLabel = "O", description = "makespan (default) or total-latency")
    String objective;
    @Option(names = "--granularity", paramLabel = "G", description = "segment (default) or layer")
    String granularity;
    @Option(names = "--contention", paramLabel = "C", description = "ingress (default) or none")
    String contention;
    @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the instance JSON")
    Path out;

    @Override
    public Integer call() throws IOException {
        io.edgesplit.io.OutputGuard.check("--out", out);
        Spec spec;
        try {
            spec = new Spec(parse("--scenario", scenario, Family::fromId, "testbed, campus-light, campus-heavy, campus-measured"),
                    parse("--size", size, SizeClass::fromId, "tiny, small, medium, large"), seed, tasks, nodes,
                    objective == null ? null : parse("--objective", objective, Objective::fromJson, io.edgesplit.model.JsonName.choices(Objective.class)),
                    granularity == null ? null : parse("--granularity", granularity, Granularity::fromJson, io.edgesplit.model.JsonName.choices(Granularity.class)),
                    contention == null ? null : parse("--contention", contention, Contention::fromJson, io.edgesplit.model.JsonName.choices(Contention.class)));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cmd.commandLine(), e.getMessage());
        }
        Instance in = ScenarioGenerator.generate(spec);
        InstanceJson.write(in, out);
        System.out.printf(Locale.ROOT, "wrote %s: %s, %d tasks, %d nodes, %d layers in all%n", out, in.name(), in.tasks().size(),
                in.nodes().size(), in.tasks().stream().mapToInt(t -> in.model(t.model()).orElseThrow().layerCount()).sum());
        return Main.OK;
    }

    private static <T> T parse(String option, String value, Function<String, T> from, String expected) {
        T t = from.apply(value);
        if (t == null) throw new IllegalArgumentException(option + ": unknown value \"" + value + "\"; expected one of " + expected);
        return t;
    }
}
