package dev.beak.command;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one-line JSON of every --json: numbers as numbers (six significant digits), arrays as arrays, strings escaped, order kept. */
class JsonTest {
    @Test
    void numbersListsAndStrings() {
        Map<String, Object> m = Json.object("accuracy", 0.98654321, "count", 7L, "shape", new int[] {1, 28, 28}, "values", new float[] {0.5f, -2f},
                "name", "a \"b\"\n", "nan", Double.NaN, "nested", Json.object("ok", true, "none", null), "list", List.of(1, "x"));
        assertThat(Json.line(m)).isEqualTo("{\"accuracy\":0.986543,\"count\":7,\"shape\":[1,28,28],\"values\":[0.5,-2],"
                + "\"name\":\"a \\\"b\\\"\\n\",\"nan\":null,\"nested\":{\"ok\":true,\"none\":null},\"list\":[1,\"x\"]}");
        assertThat(Json.line(Json.object("big", 123456789.0, "small", 1.5e-9))).isEqualTo("{\"big\":123457000,\"small\":0.0000000015}");
        assertThat(Json.quote("\u0001")).isEqualTo("\"\\u0001\"");
    }

    @Test
    void objectNeedsPairs() {
        assertThatThrownBy(() -> Json.object("a", 1, "b")).hasMessageContaining("pairs");
    }
}
