package io.edgesplit.report;

import io.edgesplit.dynamic.suite.SimRow;
import io.edgesplit.dynamic.suite.SimRunsCsv;
import io.edgesplit.testing.InJvmCli;
import org.jfree.chart.JFreeChart;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class SimulationReportTest {
    @TempDir
    Path dir;

    /** A results folder as a simulation suite leaves it: two policies, two seeds, one run failed. */
    private Path results() throws Exception {
        Path d = dir.resolve("results/dyn");
        Files.createDirectories(d.resolve("requests"));
        Files.createDirectories(d.resolve("load"));
        try (SimRunsCsv out = SimRunsCsv.openForAppend(d.resolve("sim-runs.csv"), new java.util.ArrayList<>())) {
            for (String policy : List.of("fast", "slow"))
                for (long seed : List.of(1L, 2L)) {
                    double scale = policy.equals("fast") ? 1 : 2;
                    StringBuilder req = new StringBuilder("request,model,origin,release_s,completion_s,latency_s,deadline_s,missed\n");
                    for (int i = 0; i < 30; i++) {
                        double rel = i * 0.5, lat = scale * (0.1 + 0.01 * ((i * 7 + seed) % 10));
                        req.append("r").append(i).append(",m,dev1,").append(rel).append(',').append(rel + lat).append(',').append(lat)
                                .append(',').append(rel + 0.25).append(',').append(lat > 0.25).append('\n');
                    }
                    String file = "requests/world__" + policy + "__s" + seed + ".csv";
                    Files.writeString(d.resolve(file), req.toString());
                    boolean failed = policy.equals("slow") && seed == 2;
                    out.append(new SimRow("world", policy, "heft", "replan", seed, failed ? SimRow.ERROR : SimRow.OK, failed ? null : 30,
                            failed ? null : 0.15 * scale, 0.15 * scale, 0.19 * scale, 0.19 * scale, 0.19 * scale, 30, policy.equals("fast") ? 0 : 30,
                            12, 3.0, 5.0, 6.0, 0, 0, 1.5, !failed, 0, failed ? null : 4.5 * scale, "OPTIMAL", 4.5, 4.5,
                            failed ? null : scale, failed ? null : scale, failed ? null : file, failed ? "IllegalStateException: boom" : null, "2026-11-30T00:00:00Z"));
                }
            Files.writeString(d.resolve("load/world__s1.csv"), "node,kind,factor,at_s,value\ndev1,device,compute,0,1\nedge1,edge,compute,0,1\n"
                    + "cloud,cloud,compute,0,1\nedge1,edge,compute,5,3\nedge1,edge,link,2,2\ndev1,device,compute,1,9\n");
        }
        return d;
    }

    @Test
    void theReportHasItsTablesAndBothFiguresOfEveryScenario() throws Exception {
        Path d = results();
        InJvmCli.Run run = InJvmCli.run("report", d.toString());
        assertEquals(0, run.code(), run.err());
        Path report = d.resolve("report");
        for (String f : List.of("simulation.md", "simulation.csv", "plots/sim-cdf-world.svg", "plots/sim-latency-over-time-world.svg"))
            assertTrue(Files.size(report.resolve(f)) > 0, f);
        String md = Files.readString(report.resolve("simulation.md"));
        assertTrue(md.contains("| fast | 2 / 2 |"), md);
        assertTrue(md.contains("| slow | 1 / 2 |"), "the failed run is not counted: " + md);
        assertTrue(md.contains("slow seed 2: ERROR — IllegalStateException: boom"), "and it is named: " + md);
        List<String> csv = Files.readAllLines(report.resolve("simulation.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(0).startsWith("scenario,policy,backend,mode,runs,ok,invalid,errors,timeouts,mean_s"));
        assertTrue(csv.get(2).startsWith("world,slow,heft,replan,2,1,0,1,0,0.3,0.3,0.3,"), csv.get(2));
    }

    @Test
    void severalFoldersMergeAndTheFirstRowOfARunWins() throws Exception {
        Path a = results();
        Path b = dir.resolve("results/dyn-copy");
        Files.createDirectories(b);
        // The same four runs again (e.g. a shard that overlapped), counted once, and one run of seed 3 that only b has.
        String rows = Files.readString(a.resolve("sim-runs.csv"));
        String fast1 = rows.lines().filter(l -> l.startsWith("world,fast,heft,replan,1,")).findFirst().orElseThrow();
        Files.writeString(b.resolve("sim-runs.csv"), rows + fast1.replace("world,fast,heft,replan,1,", "world,fast,heft,replan,3,") + "\n");
        assertEquals(2, InJvmCli.run("report", a.toString(), b.toString()).code(), "several folders need --out");
        InJvmCli.Run run = InJvmCli.run("report", a.toString(), b.toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, run.code(), run.err());
        String md = Files.readString(dir.resolve("merged/simulation.md"));
        assertTrue(md.startsWith("# Simulation report\n\n5 run(s) on 1 scenario(s)"), md);
        assertTrue(md.contains("| fast | 3 / 3 |"), md);
        assertTrue(run.err().contains("world|fast|3: requests file requests/world__fast__s1.csv not found"),
                "b has no requests files: its run is left out of the figures, with a note: " + run.err());
    }

    @Test
    void aGzippedRequestsFileIsReadLikeAPlainOne() throws Exception {
        Path d = results();
        Path plain = d.resolve("requests/world__fast__s1.csv");
        String text = Files.readString(plain);
        try (var z = new java.util.zip.GZIPOutputStream(Files.newOutputStream(d.resolve("requests/world__fast__s1.csv.gz")))) {
            z.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        Files.delete(plain);
        List<String> notes = new java.util.ArrayList<>();
        SimRow row = SimRunsCsv.read(d.resolve("sim-runs.csv")).get("world|fast|1");
        List<double[]> reqs = SimulationFigures.requests(new SimulationReport.Run(row, d), notes);
        assertEquals(30, reqs.size());
        assertEquals(List.of(), notes);
    }

    @Test
    void theLatencyCdfRisesFromZeroToOneAndNeverFalls() {
        Map<String, double[]> lat = new LinkedHashMap<>();
        lat.put("a", new double[]{0.3, 0.1, 0.2, 0.2, 0.5});
        lat.put("b", new double[]{1.0});
        JFreeChart c = SimulationPlots.cdf("w", lat);
        XYDataset data = c.getXYPlot().getDataset();
        assertEquals(2, data.getSeriesCount());
        for (int s = 0; s < data.getSeriesCount(); s++) {
            int n = data.getItemCount(s);
            assertEquals(0, data.getYValue(s, 0), "starts at 0");
            assertEquals(1, data.getYValue(s, n - 1), 1e-12, "ends at 1");
            for (int i = 1; i < n; i++) {
                assertTrue(data.getXValue(s, i) >= data.getXValue(s, i - 1), "latency never decreases");
                assertTrue(data.getYValue(s, i) >= data.getYValue(s, i - 1), "share never decreases");
            }
        }
        assertEquals(0.6, data.getYValue(0, 2), 1e-12, "two of five requests at 0.2: 3 of 5 within 0.2");
    }

    @Test
    void theLoadPanelIsTheMeanComputeFactorOfTheEdgeAndCloudNodes() throws Exception {
        Path d = results();
        List<String> notes = new java.util.ArrayList<>();
        Map<String, List<double[]>> steps = SimulationFigures.edgeAndCloudCompute(d, "world", 1, notes);
        assertEquals(List.of("edge1", "cloud"), List.copyOf(steps.keySet()), "devices and link factors are not in it");
        List<double[]> mean = SimulationPlots.meanFactor(steps);
        assertEquals(2, mean.size());
        assertArrayEquals(new double[]{0, 1}, mean.get(0));
        assertArrayEquals(new double[]{5, 2}, mean.get(1), "(3 + 1) / 2 from 5 s on");
        assertTrue(notes.isEmpty());
    }

    @Test
    void theMovingMeanAveragesTheLastWindowOfRequestsByRelease() {
        var s = SimulationPlots.movingMean("p", List.of(new double[]{2, 3}, new double[]{0, 1}, new double[]{1, 2}), 2);
        assertEquals(3, s.getItemCount());
        assertEquals(1.0, s.getY(0).doubleValue(), "the first alone");
        assertEquals(1.5, s.getY(1).doubleValue(), "the first two");
        assertEquals(2.5, s.getY(2).doubleValue(), "the last two: the window slid");
    }
}
