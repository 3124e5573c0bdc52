package io.edgesplit.dynamic;

import io.edgesplit.dynamic.Realisation.Request;
import io.edgesplit.dynamic.Scenario.Background;
import io.edgesplit.dynamic.Scenario.Bursty;
import io.edgesplit.dynamic.Scenario.LoadPattern;
import io.edgesplit.dynamic.Scenario.MixEntry;
import io.edgesplit.dynamic.Scenario.Poisson;
import io.edgesplit.dynamic.Scenario.Steps;
import io.edgesplit.dynamic.Scenario.Trace;
import io.edgesplit.dynamic.Scenario.TraceRow;
import io.edgesplit.model.Fluctuation;
import io.edgesplit.model.Instance;
import io.edgesplit.model.Node;
import io.edgesplit.model.Task;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Samples a scenario's world for a seed (docs/dynamic.md §2). Arrivals, request contents, compute and link
 * fluctuations each draw from their own stream split off one generator in a fixed order, so changing the load
 * pattern does not move the arrivals. Times are rounded to 0.1 ms and factors to 4 decimals (readable files,
 * and steps never collide in a tick at the default time unit).
 */
public final class ScenarioSampler {
    private ScenarioSampler() {}

    public static Realisation sample(Scenario sc, long seed) {
        SplittableRandom root = new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ sc.name().hashCode());
        SplittableRandom arrivalsRnd = root.split(), contentRnd = root.split(), loadRnd = root.split(), linkRnd = root.split();
        double[] times = arrivalTimes(sc, arrivalsRnd);
        List<Request> requests = new ArrayList<>(times.length);
        Map<String, Double> localCache = new HashMap<>(); // per (model, origin): requests repeat them
        int width = Math.max(5, Integer.toString(times.length).length());
        for (int i = 0; i < times.length; i++) {
            TraceRow row = sc.arrivals() instanceof Trace t ? t.rows().get(i) : null;
            // Always draw both, so a trace that fixes one column does not shift the other draws.
            String model = pickModel(sc.mix(), contentRnd);
            String origin = sc.origins().get(contentRnd.nextInt(sc.origins().size()));
            if (row != null && row.model() != null) model = row.model();
            if (row != null && row.origin() != null) origin = row.origin();
            double release = times[i];
            double deadline = Double.NaN;
            if (row != null && row.deadline() != null) deadline = release + row.deadline();
            else if (sc.deadline() != null) {
                if (sc.deadline().seconds() != null) deadline = release + sc.deadline().seconds();
                else {
                    String m = model, o = origin;
                    double local = localCache.computeIfAbsent(m + "\u0000" + o, k -> localSeconds(sc.topology(), m, o));
                    if (!Double.isNaN(local)) deadline = release + sc.deadline().localSlack() * local;
                }
            }
            requests.add(new Request(String.format("r%0" + width + "d", i + 1), model, origin, release, deadline));
        }
        double last = times.length == 0 ? 0 : times[times.length - 1];
        List<List<Fluctuation.Step>> compute = pattern(sc.load(), sc.topology(), horizon(last, sc.load()), loadRnd);
        List<List<Fluctuation.Step>> link = pattern(sc.links(), sc.topology(), horizon(last, sc.links()), linkRnd);
        List<Fluctuation> fl = new ArrayList<>();
        for (int n = 0; n < sc.topology().nodes().size(); n++)
            if (!compute.get(n).isEmpty() || !link.get(n).isEmpty())
                fl.add(new Fluctuation(sc.topology().nodes().get(n).name(), compute.get(n), link.get(n)));
        return new Realisation(requests, fl);
    }

    /** The realised instance: the topology with the requests as tasks and the fluctuations (docs/model.md §8). */
    public static Instance realisedInstance(Scenario sc, Realisation r, String name) {
        Instance t = sc.topology();
        List<Task> tasks = new ArrayList<>(r.requests().size());
        for (Request q : r.requests()) tasks.add(new Task(q.name(), q.model(), q.origin(), q.release(), 1.0, null));
        return new Instance(name, t.timeUnit(), t.objective(), t.granularity(), t.contention(), t.models(), t.nodes(),
                t.network(), t.profiles(), tasks, null, r.fluctuations());
    }

    private static double[] arrivalTimes(Scenario sc, SplittableRandom rnd) {
        if (sc.arrivals() instanceof Trace t) return t.rows().stream().mapToDouble(TraceRow::time).toArray();
        double[] out = new double[sc.requests()];
        double now = 0;
        if (sc.arrivals() instanceof Poisson p) {
            for (int i = 0; i < out.length; i++) {
                now += exp(rnd, p.rate());
                out[i] = round(now);
            }
        } else if (sc.arrivals() instanceof Bursty b) {
            boolean burst = false;
            double switchAt = exp(rnd, 1 / b.meanCalm());
            for (int i = 0; i < out.length; ) {
                double gap = exp(rnd, burst ? b.burstRate() : b.rate());
                if (now + gap >= switchAt) { // memoryless: restart the draw in the new state from the switch
                    now = switchAt;
                    burst = !burst;
                    switchAt = now + exp(rnd, 1 / (burst ? b.meanBurst() : b.meanCalm()));
                    continue;
                }
                now += gap;
                out[i++] = round(now);
            }
        }
        for (int i = 1; i < out.length; i++) out[i] = Math.max(out[i], out[i - 1]); // rounding keeps the order
        return out;
    }

    private static String pickModel(List<MixEntry> mix, SplittableRandom rnd) {
        return io.edgesplit.generate.ScenarioGenerator.pickWeighted(mix, MixEntry::weight, rnd).model();
    }

    /** The request's latency wholly on its idle device (seconds), or NaN when some layer cannot run there. */
    private static double localSeconds(Instance in, String model, String origin) {
        Node node = in.node(origin).orElseThrow();
        var m = in.model(model).orElseThrow();
        var profile = in.profiles().stream().filter(p -> p.model().equals(model) && p.node().equals(origin)).findFirst();
        double s = 0;
        for (int l = 0; l < m.layerCount(); l++) {
            if (profile.isPresent()) {
                Double v = profile.get().layerSeconds().get(l);
                if (v == null) return Double.NaN;
                s += node.slowdown() * v;
            } else s += node.slowdown() * m.layers().get(l).flops() / node.speed();
        }
        return s;
    }

    private static List<List<Fluctuation.Step>> pattern(LoadPattern p, Instance topo, double horizon, SplittableRandom rnd) {
        List<List<Fluctuation.Step>> out = new ArrayList<>();
        for (Node node : topo.nodes()) {
            SplittableRandom own = rnd.split(); // one stream per node, in node order
            if (p instanceof Steps s) {
                List<Fluctuation.Step> steps = new ArrayList<>();
                for (double[] st : s.steps().getOrDefault(node.name(), List.of())) steps.add(new Fluctuation.Step(st[0], st[1]));
                out.add(steps);
            } else if (p instanceof Background b && b.kinds().contains(node.kind().json())) {
                out.add(background(b, horizon, own));
            } else out.add(List.of());
        }
        return out;
    }

    /** Background jobs as a piecewise-constant factor 1 + share × min(jobs, maxJobs), back to 1 by the horizon. */
    private static List<Fluctuation.Step> background(Background b, double horizon, SplittableRandom rnd) {
        List<double[]> events = new ArrayList<>(); // {time, +1/-1}
        double t = 0;
        while (true) {
            t += exp(rnd, b.rate());
            if (t >= horizon) break;
            double end = Math.min(horizon, t + exp(rnd, 1 / b.meanSeconds()));
            events.add(new double[]{round(t), +1});
            events.add(new double[]{round(end), -1});
        }
        PriorityQueue<double[]> q = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Double.compare(x[0], y[0]) : Double.compare(x[1], y[1]));
        q.addAll(events);
        List<Fluctuation.Step> steps = new ArrayList<>();
        int jobs = 0;
        double lastFactor = 1;
        while (!q.isEmpty()) {
            double at = q.peek()[0];
            while (!q.isEmpty() && q.peek()[0] == at) jobs += (int) q.poll()[1];
            double f = Math.round((1 + b.share() * Math.min(jobs, b.maxJobs())) * 1e4) / 1e4;
            if (f != lastFactor) {
                steps.add(new Fluctuation.Step(at, f));
                lastFactor = f;
            }
        }
        return steps;
    }

    /**
     * Background load is drawn up to the last arrival plus the longer of half the arrival span and twenty mean
     * job lengths: long enough for the last requests to finish under it, short enough that a millisecond-scale
     * scenario does not draw seconds of steps (the simulator keeps only the steps before the last completion).
     */
    static double horizon(double lastArrival, LoadPattern p) {
        double job = p instanceof Background b ? b.meanSeconds() : 0;
        return round(lastArrival + Math.max(0.5 * lastArrival, 20 * job) + 1e-3);
    }

    /** The fluctuations up to {@code until} seconds: what happened while requests were in the system. */
    static List<Fluctuation> until(List<Fluctuation> fl, double until) {
        List<Fluctuation> out = new ArrayList<>();
        for (Fluctuation f : fl) {
            List<Fluctuation.Step> c = f.compute().stream().filter(st -> st.at() <= until).toList();
            List<Fluctuation.Step> l = f.link().stream().filter(st -> st.at() <= until).toList();
            if (!c.isEmpty() || !l.isEmpty()) out.add(new Fluctuation(f.node(), c, l));
        }
        return out;
    }

    private static double exp(SplittableRandom rnd, double rate) { return -Math.log(1 - rnd.nextDouble()) / rate; }

    private static double round(double s) { return Math.round(s * 1e4) / 1e4; }
}
