package io.edgesplit.bench;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Runs done, elapsed and estimated time left: a terminal bar (progressbar library) when stderr is a
 * terminal, otherwise one plain line per finished run (logs, CI, cluster jobs).
 */
abstract class Progress implements AutoCloseable {
    static Progress create(boolean bar, PrintStream log, String suite, int total, int alreadyDone) {
        return bar ? new Bar(suite, total, alreadyDone) : new Lines(log, total, alreadyDone);
    }

    abstract void step(String what);

    @Override
    public abstract void close();

    static String hms(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    private static final class Bar extends Progress {
        private final ProgressBar pb;

        Bar(String suite, int total, int done) {
            pb = new ProgressBarBuilder().setTaskName(suite).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(500).setMaxRenderedLength(120)
                    .startsFrom(done, Duration.ZERO).build();
        }

        @Override
        synchronized void step(String what) {
            pb.step();
            pb.setExtraMessage(what.length() > 40 ? what.substring(0, 40) : what);
        }

        @Override
        public void close() { pb.close(); }
    }

    private static final class Lines extends Progress {
        private final PrintStream out;
        private final int total;
        private final int startDone;
        private int done;
        private final long t0 = System.nanoTime();

        Lines(PrintStream out, int total, int done) {
            this.out = out;
            this.total = total;
            this.done = done;
            this.startDone = done;
        }

        @Override
        synchronized void step(String what) {
            done++;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            int ranHere = done - startDone;
            double eta = elapsed / ranHere * (total - done);
            out.printf(Locale.ROOT, "[%d/%d] %s  elapsed %s, left ~%s%n", done, total, what, hms(elapsed), hms(eta));
            out.flush();
        }

        @Override
        public void close() {}
    }
}
