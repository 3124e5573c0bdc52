package io.edgesplit.dynamic;

import io.edgesplit.io.Json;
import io.edgesplit.io.JsonObj;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solver.Limits;
import io.edgesplit.solver.Params;
import io.edgesplit.solver.SolverRegistry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads policy files (docs/dynamic.md §3): {@code {"name", "backend", "mode": "replan"|"on-arrival",
 * "budgetSeconds", "params", "warmStart"}}.
 */
public final class PolicyJson {
    private PolicyJson() {}

    private static final SolverRegistry REGISTRY = SolverRegistry.load();

    /** Per-decision budget when a file gives none: generous for one request, small against a simulated second. */
    public static final double DEFAULT_BUDGET = 0.2;

    public static PolicyConfig read(Path file) {
        try {
            return fromTree(JsonObj.of(Json.readTree(file), ""));
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    public static PolicyConfig fromTree(JsonObj o) {
        String backend = o.string("backend");
        if (REGISTRY.find(backend).isEmpty())
            throw new InvalidInputException(o.child("backend"), "unknown backend \"" + backend + "\"; registered: " + REGISTRY.names());
        String modeText = o.optString("mode", "replan");
        PolicyConfig.Mode mode = JsonObj.enumValue(modeText, o.child("mode"), s -> switch (s) {
            case "replan" -> PolicyConfig.Mode.REPLAN;
            case "on-arrival" -> PolicyConfig.Mode.ON_ARRIVAL;
            default -> null;
        }, "replan, on-arrival");
        String name = o.optString("name", backend + "-" + modeText);
        double budget = o.optNumber("budgetSeconds", DEFAULT_BUDGET);
        if (Limits.timeLimitProblem(budget) != null) throw new InvalidInputException(o.child("budgetSeconds"), Limits.timeLimitProblem(budget));
        Map<String, Object> params = new LinkedHashMap<>();
        JsonObj p = o.optObject("params");
        if (p != null) {
            for (String k : p.fieldNames()) params.put(k, io.edgesplit.io.SolverConfig.paramValue(p.raw(k), p.child(k)));
            p.done();
        }
        boolean warm = o.bool("warmStart", true);
        o.done();
        PolicyConfig c = new PolicyConfig(name, backend, mode, budget, new Params(params), warm);
        try {
            c.params().checkAgainst(backend, REGISTRY.find(backend).get().parameters());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(o.child("params"), e.getMessage());
        }
        return c;
    }

    /**
     * {@code --policy}: a policy file path, or NAME for {@code policiesDir/NAME.json}, or a registered backend
     * name (mode replan, default budget).
     */
    public static PolicyConfig resolve(String nameOrPath, Path policiesDir) {
        Path asFile = Path.of(nameOrPath);
        if (nameOrPath.endsWith(".json") || Files.isRegularFile(asFile)) {
            if (!Files.isRegularFile(asFile)) throw new InvalidInputException(nameOrPath, "", "no such policy file");
            return read(asFile);
        }
        if (policiesDir != null && Files.isRegularFile(policiesDir.resolve(nameOrPath + ".json")))
            return read(policiesDir.resolve(nameOrPath + ".json"));
        if (REGISTRY.find(nameOrPath).isPresent())
            return new PolicyConfig(nameOrPath + "-replan", nameOrPath, PolicyConfig.Mode.REPLAN, DEFAULT_BUDGET, Params.EMPTY, true);
        throw new InvalidInputException("--policy", "unknown policy \"" + nameOrPath + "\": not a file, not "
                + (policiesDir == null ? "" : policiesDir + "/" + nameOrPath + ".json, not ") + "a backend; backends: " + REGISTRY.names());
    }
}
