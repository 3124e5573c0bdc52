package io.edgesplit.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.bound.LowerBound;
import io.edgesplit.bound.LowerBounds;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.io.Json;
import io.edgesplit.model.CompiledInstance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "bound", mixinStandardHelpOptions = true, description = "Cheap lower bounds on the instance's optimum "
        + "(docs/bounds.md): each component, its value, and which one wins.")
final class BoundCommand implements Callable<Integer> {
    @Option(names = "--instance", required = true, paramLabel = "FILE", description = "instance JSON")
    Path instance;
    @Option(names = "--json", description = "print one JSON object on stdout")
    boolean json;

    @Override
    public Integer call() {
        CompiledInstance ci = InstanceJson.read(instance).compile();
        LowerBound b = LowerBounds.compute(ci);
        if (json) {
            ObjectNode o = Json.object();
            o.put("instance", ci.name());
            o.put("objective", ci.objective().json());
            Json.put(o, "boundTicks", b.ticks());
            o.put("bound", b.seconds());
            o.put("source", b.source());
            ArrayNode parts = o.putArray("components");
            for (LowerBound.Component c : b.components()) {
                ObjectNode j = parts.addObject();
                j.put("name", c.name());
                Json.put(j, "ticks", c.ticks());
                j.put("seconds", ci.seconds(c.ticks()));
                j.put("detail", c.detail());
                j.put("best", c == b.best());
            }
            o.put("millis", b.millis());
            System.out.print(Json.pretty(o));
        } else {
            System.out.println(String.format(Locale.ROOT, "%s: %s lower bound %.6f s (%s ticks) from %s", ci.name(),
                    ci.objective().json(), b.seconds(), Format.num(b.ticks()), b.source()));
            for (LowerBound.Component c : b.components())
                System.out.println(String.format(Locale.ROOT, "  %s %-24s %14s ticks  %12.6f s  %s", c == b.best() ? "*" : " ",
                        c.name(), Format.num(c.ticks()), ci.seconds(c.ticks()), c.detail()));
            System.out.println(String.format(Locale.ROOT, "  (%.1f ms)", b.millis()));
        }
        return Main.OK;
    }
}
