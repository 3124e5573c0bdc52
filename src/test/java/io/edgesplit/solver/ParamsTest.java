package io.edgesplit.solver;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A backend declares each parameter once; a configuration is checked against the declarations before any solve. */
class ParamsTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.ofInt("k", 3, "paths per task"),
            ParamSpec.ofChoice("mode", "auto", List.of("auto", "hint", "neighbourhood"), "warm start use"));

    @Test
    void aChoiceOutsideTheDeclaredOnesIsRefusedWithThemListed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Params(Map.of("mode", "hints")).checkAgainst("x", SPECS));
        assertEquals("params.mode: expected one of auto, hint, neighbourhood, got \"hints\"", e.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedWithTheAcceptedOnesListed() {
        var e = assertThrows(IllegalArgumentException.class, () -> new Params(Map.of("kk", 2)).checkAgainst("x", SPECS));
        assertEquals("params.kk: unknown parameter of backend \"x\"; accepted: k, mode", e.getMessage());
    }

    @Test
    void declaredValuesPass() {
        new Params(Map.of("mode", "hint", "k", 5)).checkAgainst("x", SPECS);
    }

    @Test
    void aChoiceWhoseDefaultIsNotAChoiceCannotBeDeclared() {
        assertThrows(IllegalArgumentException.class, () -> ParamSpec.ofChoice("m", "x", List.of("a", "b"), ""));
    }

    @Test
    void everyRegisteredBackendsChoicesIncludeTheirDefaults() {
        for (Solver s : SolverRegistry.load().all())
            for (ParamSpec p : s.parameters())
                if (p.type().equals("choice")) assertEquals(true, p.choices().contains(String.valueOf(p.defaultValue())), s.name() + "." + p.name());
    }
}
