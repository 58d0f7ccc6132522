package dev.beak.config;

import dev.beak.ops.Padding;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordConfigTest {
    enum Kind { FAST, SLOW_AND_STEADY }

    record Inner(int a, List<Long> b) {}

    record Everything(int count, long big, float rate, double scale, boolean on, String label, Kind kind, int[] dims,
                      List<Float> values, Map<String, Inner> named, Inner inner, Padding padding, Padding.Explicit pads, String maybe) {}

    /** What a JSON round trip makes of a map: floats and doubles come back as doubles (from their shortest text), ints as ints. */
    private static Object throughJson(Object v) {
        if (v instanceof Float f) return Double.parseDouble(Float.toString(f));
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> r = new LinkedHashMap<>();
            m.forEach((k, x) -> r.put((String) k, throughJson(x)));
            return r;
        }
        if (v instanceof List<?> l) return l.stream().map(RecordConfigTest::throughJson).toList();
        return v;
    }

    @SuppressWarnings("unchecked")
    private static <R extends Record> R roundTrip(R r) {
        return (R) RecordConfig.read(r.getClass(), (Map<String, ?>) throughJson(RecordConfig.write(r)));
    }

    @Test
    void everyKindOfComponentRoundTrips() {
        Everything e = new Everything(3, 1L << 40, 0.1f, 1e-300, true, "x", Kind.SLOW_AND_STEADY, new int[] {1, 2},
                List.of(1.5f, -0f), Map.of("k", new Inner(1, List.of(2L))), new Inner(-4, List.of()), Padding.SAME,
                new Padding.Explicit(1, 2, 3, 4), null);
        Map<String, Object> m = RecordConfig.write(e);
        assertThat(m).containsEntry("kind", "slow_and_steady").containsEntry("padding", "same").containsKey("maybe");
        assertThat(m.get("pads")).isEqualTo(Map.of("type", "explicit", "top", 1, "bottom", 2, "left", 3, "right", 4));
        Everything back = roundTrip(e);
        assertThat(back.dims()).containsExactly(1, 2);
        assertThat(back).usingRecursiveComparison().isEqualTo(e);
        assertThat(RecordConfig.write(new Inner(0, List.of()))).containsOnlyKeys("a", "b");
    }

    @Test
    void floatsComeBackBitForBitThroughJsonText() {
        SplittableRandom rng = new SplittableRandom(1);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(rng.nextInt());
            if (!Float.isFinite(f)) continue;
            record F(float v) {}
            assertThat(Float.floatToRawIntBits(roundTrip(new F(f)).v())).isEqualTo(Float.floatToRawIntBits(f));
        }
    }

    @Test
    void sealedChoicesByNameAndWithSettings() {
        record P(Padding p) {}
        assertThat(RecordConfig.read(P.class, Map.of("p", "valid"))).isEqualTo(new P(Padding.VALID));
        assertThat(RecordConfig.read(P.class, Map.of("p", Map.of("type", "explicit", "top", 1, "bottom", 1, "left", 0, "right", 0))))
                .isEqualTo(new P(new Padding.Explicit(1, 1, 0, 0)));
        assertThatThrownBy(() -> RecordConfig.read(P.class, Map.of("p", "full"))).hasMessage("field \"p\" must be one of [valid, same, explicit] (a name, or an object with \"type\"), got \"full\"");
        assertThatThrownBy(() -> RecordConfig.read(P.class, Map.of("p", "explicit"))).hasMessageContaining("needs its settings");
        assertThatThrownBy(() -> RecordConfig.read(P.class, Map.of("p", Map.of("type", "explicit", "top", -1, "bottom", 1, "left", 0, "right", 0))))
                .hasMessageContaining("field \"p\" padding must be >= 0");
    }

    @Test
    void badValuesAreNamedByTheirPath() {
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 1))).hasMessage("lacks field \"b\"");
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 1, "b", List.of(), "c", 2))).hasMessage("has unknown field [c]");
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 3_000_000_000L, "b", List.of())))
                .hasMessageStartingWith("field \"a\" must be an integer in [-2147483648, 2147483647]");
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 1.5, "b", List.of()))).hasMessageStartingWith("field \"a\" must be an integer");
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 1, "b", List.of(1, "x")))).hasMessage("field \"b[1]\" must be a number, got \"x\"");
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, Map.of("a", 1, "b", "all"))).hasMessage("field \"b\" must be a list, got \"all\"");
        Map<String, Object> nullA = new LinkedHashMap<>();
        nullA.put("a", null);
        nullA.put("b", List.of());
        assertThatThrownBy(() -> RecordConfig.read(Inner.class, nullA)).hasMessage("field \"a\" must not be null");
    }

    @Test
    void keysAreSnakeCase() {
        assertThat(RecordConfig.key("kernelH")).isEqualTo("kernel_h");
        assertThat(RecordConfig.key("useBias")).isEqualTo("use_bias");
        assertThat(RecordConfig.key("filters")).isEqualTo("filters");
    }
}
