package io.edgesplit.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PairedStatisticsTest {
    @Test
    void theClassIsTheNameWithoutItsSeed() {
        assertEquals("campus-measured-large", PairedStatistics.instanceClass("campus-measured-large-s12-t200"));
        assertEquals("testbed-small", PairedStatistics.instanceClass("testbed-small-s3"));
        assertEquals("heft-worked-example", PairedStatistics.instanceClass("heft-worked-example"));
    }

    @Test
    void theBootstrapIntervalHoldsTheMeanAndIsReproducible() {
        double[] v = {0.1, 0.3, 0.2, 0.25, 0.15, 0.4, 0.05, 0.2};
        double[] a = PairedStatistics.bootstrap(v), b = PairedStatistics.bootstrap(v);
        assertEquals(a[0], b[0]);
        assertEquals(a[1], b[1]);
        double m = PairedStatistics.mean(v);
        assertTrue(a[0] < m && m < a[1], a[0] + " " + m + " " + a[1]);
        double[] same = {0.2, 0.2, 0.2};
        assertEquals(0.2, PairedStatistics.bootstrap(same)[0], 1e-12);
    }

    @Test
    void wilcoxonSeesAConsistentImprovementAndNoneInTies() {
        double[] base = new double[20], better = new double[20];
        for (int i = 0; i < 20; i++) {
            base[i] = 1 + i;
            better[i] = 0.8 * (1 + i);
        }
        assertTrue(PairedStatistics.wilcoxon(better, base) < 1e-4);
        assertEquals(1.0, PairedStatistics.wilcoxon(base, base));
    }

    @Test
    void tiedPairsAreDroppedAndThePValueNeverPassesOne() {
        double[] m = {1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9}, b = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
        double p = PairedStatistics.wilcoxon(m, b);
        assertTrue(p > 0 && p <= 1, "p = " + p);
    }
}
