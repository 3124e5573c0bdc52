package io.edgesplit.report;

import io.edgesplit.bench.RunRecord;
import io.edgesplit.bench.RunsCsv;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw results of one or more results folders as one Tablesaw table: the rows of every
 * {@code runs.csv}, plus a {@code results_dir} column (where each row's solution and trace files are).
 * Several folders merge (shards of one suite, or several suites); a run id seen twice is kept once (the
 * first folder wins) and reported.
 */
public final class Results {
    private Results() {}

    private static final Map<String, ColumnType> TYPES = Map.ofEntries(
            Map.entry("tasks", ColumnType.INTEGER), Map.entry("nodes", ColumnType.INTEGER), Map.entry("layers", ColumnType.INTEGER),
            Map.entry("repeat", ColumnType.INTEGER), Map.entry("seed", ColumnType.LONG), Map.entry("workers", ColumnType.INTEGER),
            Map.entry("time_limit_s", ColumnType.DOUBLE), Map.entry("objective_s", ColumnType.DOUBLE),
            Map.entry("objective_ticks", ColumnType.DOUBLE), Map.entry("bound_s", ColumnType.DOUBLE),
            Map.entry("bound_ticks", ColumnType.DOUBLE), Map.entry("best_known_s", ColumnType.DOUBLE),
            Map.entry("wall_s", ColumnType.DOUBLE), Map.entry("valid", ColumnType.BOOLEAN), Map.entry("cores", ColumnType.INTEGER),
            Map.entry("instance_bound_ticks", ColumnType.DOUBLE), Map.entry("instance_bound_s", ColumnType.DOUBLE));

    /** Loads and merges; the list of notes (duplicates dropped) goes to {@code notes}. */
    public static Table load(List<Path> dirs, List<String> notes) throws IOException {
        Table all = null;
        Set<String> seen = new HashSet<>();
        for (Path dir : dirs) {
            Path csv = dir.resolve("runs.csv");
            if (!Files.isRegularFile(csv)) throw new IllegalArgumentException(dir + ": no runs.csv (is this a results folder?)");
            // A report of a suite that is still running, or was killed, must not choke on a half-written last
            // line: read only whole lines, and leave the file alone (the runner repairs it on --resume).
            String text = Files.readString(csv, java.nio.charset.StandardCharsets.UTF_8);
            int cut = text.lastIndexOf('\n');
            text = cut < 0 ? "" : text.substring(0, cut + 1);
            // Files written before the instance_bound columns (a prefix of today's) still read: those cells are empty.
            boolean old = text.startsWith(RunRecord.Csv.line(RunRecord.COLUMNS_WITHOUT_BOUND) + "\n");
            if (!old && !text.startsWith(RunsCsv.header() + "\n"))
                throw new IllegalArgumentException(csv + ": not a runs.csv of this version (the header differs)");
            // A damaged row or a second row of one run is skipped with a note, never a failure (bench --resume repairs the file).
            io.edgesplit.bench.RunsCsvHealth.Sorted rows = io.edgesplit.bench.RunsCsvHealth.sort(List.of(text.split("\n")), csv.toString());
            if (rows.changed()) {
                for (String n : rows.notes()) notes.add(n + "; skipped");
                text = rows.header() + "\n" + String.join("", rows.kept().stream().map(k -> k + "\n").toList());
            }
            List<String> columns = old ? RunRecord.COLUMNS_WITHOUT_BOUND : RunRecord.COLUMNS;
            ColumnType[] types = columns.stream().map(c -> TYPES.getOrDefault(c, ColumnType.STRING)).toArray(ColumnType[]::new);
            Table t = Table.read().csv(CsvReadOptions.builder(new java.io.StringReader(text)).columnTypes(types).header(true)
                    .missingValueIndicator("").maxCharsPerColumn(65536).build());
            if (old) {
                notes.add(csv + " predates the instance_bound columns (written before runs recorded the cheap lower bound)");
                t.addColumns(DoubleColumn.create("instance_bound_ticks", t.rowCount()), DoubleColumn.create("instance_bound_s", t.rowCount()),
                        StringColumn.create("instance_bound_source", t.rowCount()));
            }
            StringColumn where = StringColumn.create("results_dir", t.rowCount());
            for (int i = 0; i < t.rowCount(); i++) where.set(i, dir.toString());
            t.addColumns(where);
            int before = t.rowCount();
            Table fresh = t.where(t.stringColumn("run_id").eval(id -> !seen.contains(id)));
            if (fresh.rowCount() < before)
                notes.add((before - fresh.rowCount()) + " run(s) in " + dir + " were already in an earlier folder and were ignored");
            fresh.stringColumn("run_id").forEach(seen::add);
            all = all == null ? fresh : all.append(fresh);
        }
        if (all == null) throw new IllegalArgumentException("no results folder given");
        return all;
    }

    /**
     * Rows without an instance bound (a runs.csv written before those columns) get the cheap lower bound of
     * their instance now (docs/bounds.md), when the instance file is readable from the working directory;
     * a note says so. Computing it here gives the same value the runner would have recorded.
     */
    public static void fillMissingBounds(Table t, List<String> notes) {
        DoubleColumn ticks = t.doubleColumn("instance_bound_ticks"), secs = t.doubleColumn("instance_bound_s");
        StringColumn source = t.stringColumn("instance_bound_source");
        Map<String, io.edgesplit.bound.LowerBound> computed = new java.util.TreeMap<>();
        Set<String> unreadable = new java.util.TreeSet<>();
        for (int i = 0; i < t.rowCount(); i++) {
            if (!secs.isMissing(i)) continue;
            String file = t.stringColumn("instance_file").get(i);
            if (unreadable.contains(file)) continue;
            io.edgesplit.bound.LowerBound b = computed.get(file);
            if (b == null) {
                try {
                    Path f = Path.of(file);
                    if (!Files.isRegularFile(f)) { unreadable.add(file); continue; }
                    var ci = io.edgesplit.io.InstanceJson.read(f).compile();
                    if (!ci.name().equals(t.stringColumn("instance").get(i))) { unreadable.add(file); continue; }
                    b = io.edgesplit.bound.LowerBounds.compute(ci);
                    computed.put(file, b);
                } catch (RuntimeException e) {
                    unreadable.add(file);
                    continue;
                }
            }
            ticks.set(i, b.ticks());
            secs.set(i, b.seconds());
            source.set(i, b.source());
        }
        if (!computed.isEmpty())
            notes.add("the cheap lower bound of " + computed.size() + " instance(s) was computed now from the instance file (the runs.csv rows had none)");
        if (!unreadable.isEmpty())
            notes.add("no cheap lower bound for " + unreadable.size() + " instance file(s) not readable from the working directory: " + String.join(", ", unreadable));
    }
}
