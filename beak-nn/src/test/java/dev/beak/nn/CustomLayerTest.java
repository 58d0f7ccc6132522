package dev.beak.nn;

import dev.beak.nn.layer.Layer;
import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypes;
import dev.beak.nn.layer.Parameter;
import dev.beak.ops.Ops;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A layer defined outside Beak: registered once, its record describes it in model files like Beak's own. */
class CustomLayerTest {
    /** y = x * scale + shift, with a learned per-feature scale; a setting of each supported kind. */
    public record ScaleShift(float shift, int features, Mode mode, List<Integer> tags) implements LayerSpec {
        public enum Mode { PLAIN, SQUARED }

        public ScaleShift {
            if (features < 1) throw new IllegalArgumentException("features must be >= 1, got " + features);
        }

        @Override public String baseName() { return "scale_shift"; }

        @Override public int[] outputShape(int[]... in) { return in[0].clone(); }

        @Override
        public Layer build(SplittableRandom rng, int[]... in) {
            Tensor scale = Tensor.full(2f, features);
            List<Parameter> params = List.of(new Parameter("scale", scale));
            return new Layer() {
                @Override public Tensor forward(boolean training, Tensor... x) {
                    Tensor y = Ops.add(Ops.mul(x[0], scale), Tensor.full(shift, features));
                    return mode == Mode.SQUARED ? Ops.mul(y, y) : y;
                }

                @Override public List<Parameter> parameters() { return params; }
            };
        }
    }

    @Test
    void aRegisteredRecordRoundTripsWithEveryKindOfField() {
        LayerTypes.register(ScaleShift.class);
        ScaleShift spec = new ScaleShift(0.5f, 3, ScaleShift.Mode.SQUARED, List.of(1, 2));
        Map<String, Object> config = LayerTypes.write(spec);
        assertThat(config).containsEntry("mode", "squared").containsEntry("features", 3);
        assertThat(LayerTypes.read("ScaleShift", config)).isEqualTo(spec);
    }

    @Test
    void badFieldsAreNamed() {
        LayerTypes.register(ScaleShift.class);
        Map<String, Object> ok = Map.of("shift", 0.5, "features", 3, "mode", "plain", "tags", List.of());
        assertThat(LayerTypes.read("ScaleShift", ok)).isEqualTo(new ScaleShift(0.5f, 3, ScaleShift.Mode.PLAIN, List.of()));
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "mode", "plain", "tags", List.of())))
                .hasMessage("ScaleShift: lacks field \"features\"");
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "features", 2.5, "mode", "plain", "tags", List.of())))
                .hasMessageContaining("field \"features\" must be an integer");
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "features", 3, "mode", "cubed", "tags", List.of())))
                .hasMessageContaining("field \"mode\" must be one of [plain, squared]");
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "features", 0, "mode", "plain", "tags", List.of())))
                .hasMessage("ScaleShift: features must be >= 1, got 0");
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "features", 3, "mode", "plain", "tags", List.of("a"))))
                .hasMessageContaining("field \"tags[0]\" must be a number");
        assertThatThrownBy(() -> LayerTypes.read("ScaleShift", Map.of("shift", 0.5, "features", 3, "mode", "plain", "tags", List.of(), "extra", 1)))
                .hasMessageContaining("unknown field [extra]");
        assertThatThrownBy(() -> LayerTypes.read("Nope", Map.of())).hasMessageContaining("unknown layer type \"Nope\"");
    }

    @Test
    void anUnregisteredLayerCannotBeSavedAndNamesCannotBeTakenTwice() {
        record Unregistered() implements LayerSpec {
            @Override public String baseName() { return "u"; }

            @Override public int[] outputShape(int[]... in) { return in[0]; }

            @Override public Layer build(SplittableRandom rng, int[]... in) { return (Layer.Stateless) (t, x) -> x[0]; }
        }
        assertThatThrownBy(() -> LayerTypes.write(new Unregistered())).hasMessageContaining("LayerTypes.register(Unregistered.class)");
        assertThatThrownBy(() -> LayerTypes.register("Conv2d", ScaleShift.class)).hasMessageContaining("taken by dev.beak.nn.layer.Conv2d");
    }
}
