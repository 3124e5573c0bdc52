package io.edgesplit.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.solution.LayerStart;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solution.TaskSchedule;
import io.edgesplit.solution.TransferStart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** Reads and writes solution files (docs/formats.md §2), strictly, with JSON paths in every error. */
public final class SolutionJson {
    private SolutionJson() {}

    public static Solution read(Path file) {
        try {
            return fromTree(Json.readTree(file));
        } catch (InvalidInputException e) {
            throw e.file() == null ? e.inFile(file.toString()) : e;
        }
    }

    public static Solution parse(String json) { return fromTree(Json.parse(json, "<string>")); }

    public static Solution fromTree(JsonNode root) {
        JsonObj o = JsonObj.of(root, "");
        String instance = o.string("instance");
        String solver = o.string("solver");
        Status status = JsonObj.enumValue(o.string("status"), "status", SolutionJson::status,
                Arrays.toString(Status.values()));
        Double objective = o.optNumberOrNull("objective");
        Double objectiveTicks = o.optNumberOrNull("objectiveTicks");
        Long bound = o.optIntegerOrNull("lowerBoundTicks");
        Double wall = o.optNumberOrNull("wallSeconds");
        String message = o.optString("message", null);
        // What `solve --json` adds to a solution (docs/api.md, "JSON"): informative only, type-checked and
        // ignored; the validator recomputes validity, so a printed answer can be saved and validated as it is.
        o.bool("valid", false);
        if (o.has("workers")) o.integer("workers");
        if (o.has("violations")) o.stringList("violations");
        List<TaskSchedule> tasks = o.has("tasks") ? o.list("tasks", SolutionJson::readTask) : List.of();
        o.done();
        if (status.hasSchedule()) {
            if (!o.has("tasks")) throw new InvalidInputException("tasks", "a " + status + " solution needs \"tasks\"");
            if (objective == null) throw new InvalidInputException("objective", "a " + status + " solution needs \"objective\"");
            if (objectiveTicks == null) throw new InvalidInputException("objectiveTicks", "a " + status + " solution needs \"objectiveTicks\"");
        } else {
            if (!tasks.isEmpty()) throw new InvalidInputException("tasks", "a " + status + " answer carries no tasks");
            if (objective != null || objectiveTicks != null)
                throw new InvalidInputException("objective", "a " + status + " answer carries no objective");
        }
        return new Solution(instance, solver, status, objective, objectiveTicks, bound, wall, tasks, message);
    }

    private static Status status(String s) {
        for (Status st : Status.values()) if (st.name().equals(s)) return st;
        return null;
    }

    private static TaskSchedule readTask(JsonNode n, String p) {
        JsonObj o = JsonObj.of(n, p);
        String task = o.string("task");
        long completion = o.integer("completionTicks");
        List<LayerStart> layers = o.list("layers", (ln, lp) -> {
            JsonObj l = JsonObj.of(ln, lp);
            LayerStart ls = new LayerStart(l.string("layer"), l.string("node"), l.integer("start"));
            l.done();
            return ls;
        });
        List<TransferStart> transfers = o.has("transfers") ? o.list("transfers", (tn, tp) -> {
            JsonObj t = JsonObj.of(tn, tp);
            TransferStart ts = new TransferStart(t.string("tensor"), t.string("from"), t.string("to"), t.integer("start"));
            t.done();
            return ts;
        }) : List.of();
        o.done();
        return new TaskSchedule(task, completion, layers, transfers);
    }

    public static ObjectNode toTree(Solution s) {
        ObjectNode o = head(s);
        if (s.status().hasSchedule()) {
            ArrayNode tasks = o.putArray("tasks");
            for (TaskSchedule ts : s.tasks()) tasks.add(task(ts));
        }
        return o;
    }

    /** Every field but the tasks, in the file's order. */
    private static ObjectNode head(Solution s) {
        ObjectNode o = Json.object();
        o.put("instance", s.instance());
        o.put("solver", s.solver());
        o.put("status", s.status().name());
        if (s.status().hasSchedule()) {
            o.put("objective", s.objective());
            Json.put(o, "objectiveTicks", s.objectiveTicks());
        }
        if (s.lowerBoundTicks() != null) o.put("lowerBoundTicks", s.lowerBoundTicks());
        if (s.wallSeconds() != null) o.put("wallSeconds", Math.round(s.wallSeconds() * 1e6) / 1e6);
        if (s.message() != null) o.put("message", s.message());
        return o;
    }

    private static ObjectNode task(TaskSchedule ts) {
        ObjectNode t = Json.object();
        t.put("task", ts.task());
        t.put("completionTicks", ts.completionTicks());
        ArrayNode ls = t.putArray("layers");
        for (LayerStart l : ts.layers()) ls.addObject().put("layer", l.layer()).put("node", l.node()).put("start", l.start());
        ArrayNode trs = t.putArray("transfers");
        for (TransferStart tr : ts.transfers())
            trs.addObject().put("tensor", tr.tensor()).put("from", tr.from()).put("to", tr.to()).put("start", tr.start());
        return t;
    }

    public static String write(Solution s) { return Json.pretty(toTree(s)); }

    /**
     * The same text as {@link #write(Solution)}, streamed one task at a time: a solution of 10^6 tasks
     * (7 million layers) needs the memory of one task's tree, not of the whole document.
     */
    public static void writeTo(Solution s, java.io.Writer w) throws IOException {
        try (com.fasterxml.jackson.core.JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
            g.disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.setPrettyPrinter(Json.prettyPrinter());
            g.writeStartObject();
            var fields = head(s).fields();
            while (fields.hasNext()) {
                var f = fields.next();
                g.writeFieldName(f.getKey());
                g.writeTree(f.getValue());
            }
            if (s.status().hasSchedule()) {
                g.writeArrayFieldStart("tasks");
                for (TaskSchedule ts : s.tasks()) g.writeTree(task(ts));
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        w.write("\n");
    }

    public static void write(Solution s, Path file) throws IOException {
        Json.writeAllAtomically(java.util.Map.of(file, w -> writeTo(s, w)));
    }
}
