package io.edgesplit.fjsp;

import io.edgesplit.model.BestKnown;
import io.edgesplit.model.Contention;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Granularity;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Network;
import io.edgesplit.model.Node;
import io.edgesplit.model.NodeKind;
import io.edgesplit.model.Objective;
import io.edgesplit.model.Profile;
import io.edgesplit.model.Task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a flexible job shop file in the standard FJSPLIB format (Brandimarte 1993; Hurink et al. 1994;
 * Dauzère-Pérès and Paulli 1997 all use it) and turns it into an instance, by docs/model.md §7: "zero-byte tensors
 * + granularity layer + profiles = the flexible job shop problem".
 *
 * <p>The format: a header line {@code jobs machines [average machines per operation]}, then one line per
 * job: the number of operations, then per operation the number k of machines that can process it followed
 * by k pairs {@code machine time} (machines numbered from 1). Blank lines are ignored.
 *
 * <p>The instance: one node {@code mK} (kind edge) per machine, plus one device {@code origin} that holds
 * every job's input and receives its (empty) result; one chain model {@code jobJ} per job whose layers
 * {@code opI} are the operations, with zero FLOPs and zero-byte tensors; one task per job, released at 0,
 * allowed on exactly the machines that can do one of its operations; a profile per (job, machine) with the
 * operation's time, or null where that machine cannot do the operation. The network has zero latency, so
 * every transfer lasts zero ticks and occupies nothing, and {@code timeUnit} is 1, so one tick is one FJSP
 * time unit and the makespan in ticks is the FJSP makespan.
 */
public final class FjspImporter {
    private FjspImporter() {}

    /** Reads and converts a file; the instance is named after the file (without extension). */
    public static Instance read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read: " + e.getMessage());
        }
        String base = file.getFileName().toString();
        int dot = base.lastIndexOf('.');
        return parse(text, file.toString(), dot > 0 ? base.substring(0, dot) : base);
    }

    /**
     * Converts FJSPLIB text.
     *
     * @param fileName for error messages
     * @throws InvalidInputException naming the line (and the token) of the first problem
     */
    public static Instance parse(String text, String fileName, String instanceName) {
        List<Integer> lines = new ArrayList<>(); // per non-blank line: its number in the file
        List<String[]> tokens = new ArrayList<>();
        String[] raw = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < raw.length; i++) {
            String s = raw[i].trim();
            if (s.isEmpty()) continue;
            lines.add(i + 1);
            tokens.add(s.split("\\s+"));
        }
        if (tokens.isEmpty()) throw new InvalidInputException(fileName, "line 1", "empty file; expected a header \"jobs machines\"");
        String[] header = tokens.get(0);
        int headerLine = lines.get(0);
        if (header.length < 2 || header.length > 3)
            throw new InvalidInputException(fileName, "line " + headerLine,
                    "expected a header \"jobs machines [average machines per operation]\", got " + header.length + " numbers");
        int jobs = positive(header[0], fileName, headerLine, "the number of jobs");
        int machines = positive(header[1], fileName, headerLine, "the number of machines");
        if (header.length == 3) {
            try {
                Double.parseDouble(header[2]);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(fileName, "line " + headerLine, "the average number of machines per operation is not a number: \"" + header[2] + "\"");
            }
        }
        if (tokens.size() - 1 < jobs)
            throw new InvalidInputException(fileName, "line " + (raw.length),
                    "the header announces " + jobs + " jobs but the file has " + (tokens.size() - 1) + " job lines");
        if (tokens.size() - 1 > jobs)
            throw new InvalidInputException(fileName, "line " + lines.get(jobs + 1),
                    "the header announces " + jobs + " jobs; this line is one too many");

        List<Node> nodes = new ArrayList<>();
        nodes.add(new Node("origin", NodeKind.DEVICE, 1.0));
        for (int m = 1; m <= machines; m++) nodes.add(new Node("m" + m, NodeKind.EDGE, 1.0));
        List<DnnModel> models = new ArrayList<>();
        List<Profile> profiles = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        for (int j = 1; j <= jobs; j++) {
            String[] tk = tokens.get(j);
            int line = lines.get(j);
            int[] pos = {0};
            int ops = positive(next(tk, pos, fileName, line, "the number of operations"), fileName, line, "the number of operations");
            Long[][] time = new Long[ops][machines]; // null: that machine cannot do the operation
            for (int o = 0; o < ops; o++) {
                String what = "operation " + (o + 1);
                int k = positive(next(tk, pos, fileName, line, "the number of machines of " + what), fileName, line,
                        "the number of machines of " + what);
                if (k > machines)
                    throw new InvalidInputException(fileName, "line " + line, what + " lists " + k + " machines; the shop has " + machines);
                for (int a = 0; a < k; a++) {
                    String mt = next(tk, pos, fileName, line, "a machine of " + what);
                    int m = positive(mt, fileName, line, "a machine of " + what);
                    if (m > machines)
                        throw new InvalidInputException(fileName, "line " + line, what + ": machine " + m + " does not exist (1.." + machines + ")");
                    String tt = next(tk, pos, fileName, line, "the time of " + what + " on machine " + m);
                    long p = nonNegative(tt, fileName, line, "the time of " + what + " on machine " + m);
                    if (time[o][m - 1] != null)
                        throw new InvalidInputException(fileName, "line " + line, what + " lists machine " + m + " twice");
                    time[o][m - 1] = p;
                }
            }
            if (pos[0] != tk.length)
                throw new InvalidInputException(fileName, "line " + line, "job " + j + " has " + ops + " operations, but "
                        + (tk.length - pos[0]) + " numbers follow them");
            String model = "job" + j;
            List<Layer> layers = new ArrayList<>();
            for (int o = 0; o < ops; o++)
                layers.add(Layer.chained("op" + (o + 1), 0, 0, 0, o == 0 ? null : "op" + o));
            models.add(new DnnModel(model, 0, layers));
            List<String> allowed = new ArrayList<>();
            for (int m = 0; m < machines; m++) {
                List<Double> secs = new ArrayList<>();
                boolean any = false;
                for (int o = 0; o < ops; o++) {
                    secs.add(time[o][m] == null ? null : (double) time[o][m]);
                    any |= time[o][m] != null;
                }
                if (!any) continue;
                allowed.add("m" + (m + 1));
                profiles.add(new Profile(model, "m" + (m + 1), secs));
            }
            tasks.add(new Task(model, model, "origin", 0, 1, allowed));
        }
        Instance in = new Instance(instanceName, 1.0, Objective.MAKESPAN, Granularity.LAYER, Contention.NONE,
                models, nodes, Network.uniform(1.0, 0), profiles, tasks, null);
        try {
            in.compile(); // every rule of docs/model.md §1, so a bad file never yields a bad instance
        } catch (InvalidInputException e) {
            throw new InvalidInputException(fileName, e.path(), "the converted instance is invalid: " + e.problem());
        }
        return in;
    }

    /** The same instance with a best-known makespan (in FJSP time units = seconds here). */
    public static Instance withBestKnown(Instance in, double makespan, String source) {
        return in.withBestKnown(new BestKnown(makespan, source));
    }

    private static String next(String[] tk, int[] pos, String file, int line, String what) {
        if (pos[0] >= tk.length)
            throw new InvalidInputException(file, "line " + line, "the line ends where " + what + " was expected");
        return tk[pos[0]++];
    }

    private static long parseInt(String s, String file, int line, String what) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(file, "line " + line, what + " must be an integer, got \"" + s + "\"");
        }
    }

    private static int positive(String s, String file, int line, String what) {
        long v = parseInt(s, file, line, what);
        if (v < 1 || v > 1_000_000) throw new InvalidInputException(file, "line " + line, what + " must be in 1..1000000, got " + v);
        return (int) v;
    }

    private static long nonNegative(String s, String file, int line, String what) {
        long v = parseInt(s, file, line, what);
        if (v < 0) throw new InvalidInputException(file, "line " + line, what + " must be >= 0, got " + v);
        return v;
    }
}
