package io.edgesplit.report;

import io.edgesplit.backend.local.LocalSolver;
import io.edgesplit.bench.BenchFixtures;
import io.edgesplit.io.InstanceJson;
import io.edgesplit.model.CompiledInstance;
import io.edgesplit.solution.Solution;
import io.edgesplit.solution.Status;
import io.edgesplit.solver.CheckedSolve;
import io.edgesplit.solver.Outcome;
import io.edgesplit.solver.SolveOptions;
import io.edgesplit.testing.TinyInstances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class GanttChartTest {
    @TempDir
    Path dir;

    /** A valid schedule of a random instance with several tasks: local everywhere it can run. */
    private static Outcome solved(CompiledInstance ci) {
        Outcome o = CheckedSolve.run(new LocalSolver(), ci, SolveOptions.defaults());
        assertTrue(o.valid() && o.solution().status().hasSchedule(), o.report().summary());
        return o;
    }

    private static CompiledInstance instanceLocalCanSolve(int tasks) {
        for (long seed = 1; ; seed++) {
            var in = TinyInstances.random(seed, tasks, 5, 5);
            try {
                new LocalSolver().solve(in.compile(), SolveOptions.defaults());
                return in.compile();
            } catch (RuntimeException refused) {
                // allowedNodes without the origin: try the next seed
            }
        }
    }

    @Test
    void theSvgIsWellFormedWithTwoLanesPerNodeAndOneBarPerNonEmptyLayerAndTransfer() throws Exception {
        CompiledInstance ci = instanceLocalCanSolve(4);
        Solution s = solved(ci).solution();
        Path out = dir.resolve("g.svg");
        GanttChart.writeSvg(ci, s, out);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.toFile()); // throws unless well-formed
        assertEquals("svg", doc.getDocumentElement().getTagName());
        NodeList groups = doc.getElementsByTagName("g");
        List<String> lanes = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element g = (Element) groups.item(i);
            if (g.getAttribute("class").equals("lane")) lanes.add(g.getAttribute("data-node") + "/" + g.getAttribute("data-kind"));
        }
        List<String> expected = new ArrayList<>();
        for (int n = 0; n < ci.nodeCount(); n++) { expected.add(ci.nodeName(n) + "/compute"); expected.add(ci.nodeName(n) + "/ingress"); }
        assertEquals(expected, lanes, "one compute and one ingress lane per node, in node order");
        int nonEmpty = 0;
        for (var ts : s.tasks()) {
            int t = ci.taskIndex(ts.task());
            for (var ls : ts.layers()) if (ci.proc(t, ci.layerIndex(t, ls.layer()), ci.nodeIndex(ls.node())) > 0) nonEmpty++;
            for (var tr : ts.transfers())
                if (ci.transfer(ci.tensorBytes(t, tr.tensor().equals("input") ? -1 : ci.layerIndex(t, tr.tensor())), ci.nodeIndex(tr.from()), ci.nodeIndex(tr.to())) > 0) nonEmpty++;
        }
        NodeList rects = doc.getElementsByTagName("rect");
        int bars = 0;
        Set<String> fills = new HashSet<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getAttribute("class").equals("bar")) { bars++; fills.add(r.getAttribute("fill")); }
        }
        assertEquals(nonEmpty, bars);
        assertEquals(ci.taskCount(), fills.size(), "one colour per task");
        for (int t = 0; t < ci.taskCount(); t++) assertTrue(Files_contains(out, ">" + ci.taskName(t) + "</text>"), "legend names " + ci.taskName(t));
    }

    @Test
    void tensOfTasksGetDistinctColours() {
        Set<String> c = new HashSet<>();
        for (int t = 0; t < 40; t++) c.add(GanttChart.colour(t, 40));
        assertEquals(40, c.size());
    }

    @Test
    void anAnswerWithoutAScheduleIsRefused() throws Exception {
        BenchFixtures.writeInstances(dir, 1);
        CompiledInstance ci = InstanceJson.read(dir.resolve("instances/tiny-1.json")).compile();
        Solution none = Solution.withoutSchedule(ci.name(), "x", Status.UNKNOWN, null, 1.0, null);
        assertThrows(IllegalArgumentException.class, () -> GanttChart.svg(ci, none));
    }

    private static boolean Files_contains(Path f, String s) throws Exception { return java.nio.file.Files.readString(f).contains(s); }
}
