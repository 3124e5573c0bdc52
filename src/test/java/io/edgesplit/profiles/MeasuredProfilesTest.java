package io.edgesplit.profiles;

import io.edgesplit.generate.ScenarioGenerator;
import io.edgesplit.io.Json;
import io.edgesplit.model.DnnModel;
import io.edgesplit.model.Instance;
import io.edgesplit.model.InvalidInputException;
import io.edgesplit.model.Layer;
import io.edgesplit.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredProfilesTest {
    static final DnnModel CHAIN = new DnnModel("chain", 100, List.of(new Layer("a", 1, 10, 0, List.of()),
            new Layer("b", 1, 10, 0, List.of("a")), new Layer("c", 1, 10, 0, List.of("b"))));

    @Test
    void fusedReformatAndUnmatchedEntriesGoWhereTheMapSays(@TempDir Path dir) throws IOException {
        Path map = dir.resolve("chain.map");
        Files.writeString(map, "# comment\n/a/  a\n/b/  b\n");
        String trt = """
                [{"count": 10},
                 {"name": "Reformatting CopyNode for Input Tensor 0 to /a/Conv", "averageMs": 0.5},
                 {"name": "/a/Conv + /a/Relu", "averageMs": 1.0},
                 {"name": "dummy_shape_call", "averageMs": 0.25},
                 {"name": "/b/Conv + /c/Add", "averageMs": 2.0}]""";
        Map<String, Double> t = MeasuredProfiles.fromTensorRt(Json.parse(trt, "t"), "t", CHAIN, MeasuredProfiles.readMap(map));
        // The reformat matches a's rule itself; the shape call goes to the next matched entry (b); c is fused into b.
        assertEquals(Map.of("a", 0.0015, "b", 0.00225), t);
        MeasuredProfiles p = new MeasuredProfiles("hw", "src", "MIT", null, Map.of("chain", t));
        assertEquals(List.of(0.0015, 0.00225, 0.0), p.layerSeconds(CHAIN, "chain"));
        MeasuredProfiles back = MeasuredProfiles.parse(Json.parse(p.toJson(), "x"), "x");
        assertEquals(p, back);
    }

    @Test
    void aMapNamingAnUnknownLayerIsBadInput(@TempDir Path dir) throws IOException {
        Path map = dir.resolve("bad.map");
        Files.writeString(map, "/z/  zzz\n");
        assertThrows(InvalidInputException.class, () -> MeasuredProfiles.fromTensorRt(Json.parse("[]", "t"), "t", CHAIN, MeasuredProfiles.readMap(map)));
        Files.writeString(map, "only-one-token\n");
        assertThrows(InvalidInputException.class, () -> MeasuredProfiles.readMap(map));
    }

    @Test
    void theShippedSetCoversEveryLayerOfItsModelsAndTheFamilyUsesIt() {
        MeasuredProfiles p = MeasuredProfiles.builtIn(ScenarioGenerator.MEASURED);
        for (String m : List.of("alexnet", "resnet18", "mobilenet_v2")) assertTrue(p.covers(m), m);
        for (ScenarioGenerator.SizeClass size : ScenarioGenerator.SizeClass.values()) {
            Instance in = ScenarioGenerator.generate(new ScenarioGenerator.Spec(ScenarioGenerator.Family.CAMPUS_MEASURED, size, 3,
                    size == ScenarioGenerator.SizeClass.LARGE ? 20 : null, null, null, null, null));
            assertTrue(!in.profiles().isEmpty(), size.id());
            for (Profile pr : in.profiles()) {
                assertTrue(in.nodes().stream().anyMatch(n -> n.name().equals(pr.node()) && n.kind() == io.edgesplit.model.NodeKind.EDGE));
                assertTrue(pr.layerSeconds().stream().mapToDouble(Double::doubleValue).sum() > 0, pr.model());
            }
        }
    }
}
