package io.edgesplit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Layer;
import io.edgesplit.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "zoo", mixinStandardHelpOptions = true, description = "The model zoo: per model its layers, parameters, FLOPs and largest tensor.")
final class ZooCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "MODEL", description = "show one model layer by layer")
    String model;
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
        List<DnnModel> models = model == null ? ModelZoo.all() : List.of(ModelZoo.get(model));
        if (json) {
            if (model != null) {
                System.out.print(Json.pretty(InstanceJson.modelToTree(models.get(0))));
                return Main.OK;
            }
            ArrayNode a = Json.MAPPER.createArrayNode();
            for (DnnModel m : models) {
                ObjectNode o = a.addObject();
                o.put("name", m.name());
                o.put("layers", m.layerCount());
                o.put("params", Math.round(m.totalParamBytes() / 4));
                Json.put(o, "paramBytes", m.totalParamBytes());
                Json.put(o, "flops", m.totalFlops());
                Json.put(o, "inputBytes", m.inputBytes());
                Json.put(o, "largestTensorBytes", largest(m));
                o.put("dag", m.layers().stream().anyMatch(l -> l.inputs().size() > 1));
            }
            System.out.print(Json.pretty(a));
            return Main.OK;
        }
        if (model != null) {
            DnnModel m = models.get(0);
            System.out.printf(Locale.ROOT, "%-28s %14s %14s %12s  %s%n", "layer", "MFLOP", "output bytes", "params", "inputs");
            for (Layer l : m.layers())
                System.out.printf(Locale.ROOT, "%-28s %14.3f %14.0f %12d  %s%n", l.name(), l.flops() / 1e6, l.outputBytes(),
                        Math.round(l.paramBytes() / 4), l.inputs().isEmpty() ? "input" : String.join(",", l.inputs()));
            return Main.OK;
        }
        System.out.printf(Locale.ROOT, "%-14s %7s %13s %10s %16s  %s%n", "model", "layers", "params", "GFLOP", "largest tensor", "shape");
        for (DnnModel m : models)
            System.out.printf(Locale.ROOT, "%-14s %7d %13d %10.3f %14.0f B  %s%n", m.name(), m.layerCount(),
                    Math.round(m.totalParamBytes() / 4), m.totalFlops() / 1e9, largest(m),
                    m.layers().stream().anyMatch(l -> l.inputs().size() > 1) ? "DAG" : "chain");
        return Main.OK;
    }

    private static double largest(DnnModel m) {
        double x = m.inputBytes();
        for (Layer l : m.layers()) x = Math.max(x, l.outputBytes());
        return x;
    }
}
