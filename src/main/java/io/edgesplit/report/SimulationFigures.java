package io.edgesplit.report;

import io.edgesplit.bench.RunRecord;
import io.edgesplit.dynamic.suite.RunFiles;
import io.edgesplit.dynamic.suite.SimRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the files of a scenario's runs (requests and load, {@link RunFiles}) and draws its two figures. A run
 * whose files are missing is left out with a note, never guessed.
 */
final class SimulationFigures {
    private SimulationFigures() {}

    /** Writes the CDF and the latency-over-time SVGs of one scenario; returns the files written. */
    static List<Path> write(String scenario, List<SimulationReport.Run> runs, Path cdfFile, Path timeFile, List<String> notes) throws IOException {
        Map<String, List<Double>> pooled = new LinkedHashMap<>();
        TreeMap<Long, Map<String, List<double[]>>> bySeed = new TreeMap<>();
        Map<Long, Path> dirOfSeed = new TreeMap<>();
        for (SimulationReport.Run r : runs) {
            SimRow row = r.row();
            if (!row.ok()) continue;
            List<double[]> reqs = requests(r, notes);
            if (reqs == null) continue;
            List<Double> all = pooled.computeIfAbsent(row.policy(), k -> new ArrayList<>());
            for (double[] q : reqs) all.add(q[1]);
            bySeed.computeIfAbsent(row.seed(), k -> new LinkedHashMap<>()).put(row.policy(), reqs);
            dirOfSeed.putIfAbsent(row.seed(), r.dir());
        }
        List<Path> out = new ArrayList<>();
        if (pooled.isEmpty()) {
            notes.add("no figures for scenario " + scenario + ": no valid run with its requests file");
            return out;
        }
        Map<String, double[]> cdf = new LinkedHashMap<>();
        pooled.forEach((k, v) -> cdf.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        out.add(svg(cdfFile, Plots.svg(SimulationPlots.cdf(scenario, cdf))));
        // Arrivals differ between seeds, so a time axis is one seed's: the smallest one with valid runs.
        long seed = bySeed.firstKey();
        Map<String, List<double[]>> series = bySeed.get(seed);
        double horizon = 0;
        for (List<double[]> l : series.values()) for (double[] q : l) horizon = Math.max(horizon, q[0] + q[1]);
        List<double[]> factor = SimulationPlots.meanFactor(edgeAndCloudCompute(dirOfSeed.get(seed), scenario, seed, notes));
        out.add(svg(timeFile, Plots.svg(SimulationPlots.overTime(scenario, seed, series, factor, horizon))));
        return out;
    }

    private static Path svg(Path f, String svg) throws IOException {
        Files.writeString(f, "<?xml version=\"1.0\"?>\n" + svg + "\n");
        return f;
    }

    /** (release s, latency s) per request of a run, or null (with a note) when its file is missing or damaged. */
    static List<double[]> requests(SimulationReport.Run r, List<String> notes) throws IOException {
        String rel = r.row().requestsFile();
        String text = rel == null ? null : RunFiles.read(r.dir().resolve(rel));
        if (text == null) {
            notes.add("run " + r.row().id() + ": requests file " + rel + " not found in " + r.dir() + "; left out of the figures");
            return null;
        }
        List<double[]> out = new ArrayList<>();
        String[] lines = text.split("\n");
        try {
            for (int i = 1; i < lines.length; i++) {
                if (lines[i].isBlank()) continue;
                List<String> c = RunRecord.Csv.split(lines[i]);
                out.add(new double[]{Double.parseDouble(c.get(3)), Double.parseDouble(c.get(5))});
            }
        } catch (RuntimeException e) {
            notes.add("run " + r.row().id() + ": requests file " + rel + " is damaged (" + e.getMessage() + "); left out of the figures");
            return null;
        }
        return out;
    }

    /** Per edge or cloud node, its compute steps from {@code load/<scenario>__s<seed>.csv}; empty (with a note) when the file is missing. */
    static Map<String, List<double[]>> edgeAndCloudCompute(Path dir, String scenario, long seed, List<String> notes) throws IOException {
        Path f = dir.resolve("load").resolve(RunFiles.worldStem(scenario, seed) + ".csv");
        String text = RunFiles.read(f);
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        if (text == null) {
            notes.add("scenario " + scenario + " seed " + seed + ": " + f + " not found; the load panel is empty");
            return out;
        }
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            List<String> c = RunRecord.Csv.split(lines[i]);
            if (c.size() < 5 || !c.get(2).equals("compute") || !(c.get(1).equals("edge") || c.get(1).equals("cloud"))) continue;
            List<double[]> steps = out.computeIfAbsent(c.get(0), k -> new ArrayList<>());
            double at = Double.parseDouble(c.get(3)), v = Double.parseDouble(c.get(4));
            // A step at the time of the baseline line (0) replaces it: one factor per instant.
            if (!steps.isEmpty() && steps.get(steps.size() - 1)[0] == at) steps.set(steps.size() - 1, new double[]{at, v});
            else steps.add(new double[]{at, v});
        }
        return out;
    }
}
