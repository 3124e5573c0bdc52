package io.edgesplit.cli;

import io.edgesplit.io.Json;
import io.edgesplit.model.DnnModel;
import io.edgesplit.profiles.MeasuredProfiles;
import io.edgesplit.zoo.ModelZoo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "import-profile", mixinStandardHelpOptions = true, description = {
        "Turn a TensorRT per-layer profile (trtexec --exportProfile JSON) of a zoo model into measured per-layer "
                + "seconds, added to (or replacing that model in) a measured-profile set; the scenario family "
                + "campus-measured puts such a set into instance profiles. See docs/datasets.md, \"Measured profiles\"."})
final class ImportProfileCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROFILE", description = "the trtexec profile JSON")
    Path profile;
    @Option(names = "--model", required = true, paramLabel = "ZOO", description = "the zoo model it measures (./edgesplit zoo)")
    String model;
    @Option(names = "--map", required = true, paramLabel = "FILE", description = "layer map: lines \"REGEX ZOO_LAYER\", first match wins")
    Path map;
    @Option(names = "--into", required = true, paramLabel = "FILE", description = "the measured-profile set to update (created when absent)")
    Path into;
    @Option(names = "--hardware", paramLabel = "ID", description = "hardware id (required when creating the set)")
    String hardware;
    @Option(names = "--source", paramLabel = "TEXT", description = "where the measurements come from: repository, commit, path (required when creating)")
    String source;
    @Option(names = "--licence", paramLabel = "TEXT", description = "the measurements' licence (required when creating)")
    String licence;
    @Option(names = "--notes", paramLabel = "TEXT", description = "free text: precision, runtime, device settings")
    String notes;

    @Override
    public Integer call() throws IOException {
        DnnModel m = ModelZoo.get(model);
        if (m == null) throw new IllegalArgumentException("--model: unknown zoo model \"" + model + "\" (./edgesplit zoo lists them)");
        Map<String, Double> table = MeasuredProfiles.fromTensorRt(Json.readTree(profile), profile.toString(), m, MeasuredProfiles.readMap(map));
        MeasuredProfiles set;
        if (Files.exists(into)) {
            set = MeasuredProfiles.read(into);
        } else {
            if (hardware == null || source == null || licence == null)
                throw new IllegalArgumentException("--into " + into + " does not exist yet: --hardware, --source and --licence are required to create it");
            set = new MeasuredProfiles(hardware, source, licence, notes, Map.of());
        }
        set = set.with(model, table);
        Json.writeAtomically(into, set.toJson());
        double total = table.values().stream().mapToDouble(Double::doubleValue).sum();
        System.out.printf(Locale.ROOT, "wrote %s: %s, %d of %d layers measured (the rest fused), %.4f ms in all%n", into, model,
                table.size(), m.layerCount(), total * 1e3);
        return Main.OK;
    }
}
