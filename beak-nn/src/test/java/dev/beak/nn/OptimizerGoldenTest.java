package dev.beak.nn;

import dev.beak.nn.optim.Adadelta;
import dev.beak.nn.optim.Adagrad;
import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.AdamW;
import dev.beak.nn.optim.GradientClipping;
import dev.beak.nn.optim.Optimizer;
import dev.beak.nn.optim.RmsProp;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Optimizer steps on fixed tensors against values derived by hand from the published update rules,
 * and against PyTorch's optimizers ({@code golden/optimizers.txt}, written by {@code golden/make_goldens.py}).
 */
class OptimizerGoldenTest {
    private static final float[] P0 = {1f, -1f, 0.5f, 2f};
    private static final float[][] GRADS = {{0.3f, -0.2f, 0f, 1.5f}, {0.1f, 0.4f, -1f, -0.5f}, {-0.5f, 0.2f, 0.2f, 0.05f}};

    /** The Beak optimizer for each case of make_goldens.py, with the same settings. */
    private static final Map<String, Supplier<Optimizer>> CASES = Map.ofEntries(
            Map.entry("sgd", () -> new Sgd(0.1)),
            Map.entry("sgd_momentum", () -> new Sgd(0.1, 0.9)),
            Map.entry("sgd_nesterov", () -> new Sgd(0.1, 0.9, true)),
            Map.entry("sgd_momentum_l2", () -> new Sgd(0.1, 0.9).weightDecay(0.01)),
            Map.entry("sgd_clip_norm", () -> new Sgd(0.1).clipping(GradientClipping.globalNorm(0.5))),
            Map.entry("sgd_clip_value", () -> new Sgd(0.1).clipping(GradientClipping.value(0.25))),
            Map.entry("adam", () -> new Adam(0.01)),
            Map.entry("adam_l2", () -> new Adam(0.01).weightDecay(0.1)),
            Map.entry("adamw", () -> new AdamW(0.01, 0.1)),
            Map.entry("adagrad", () -> new Adagrad(0.1)),
            Map.entry("rmsprop", () -> new RmsProp(0.01)),
            Map.entry("rmsprop_centered_momentum", () -> new RmsProp(0.01, 0.9, 1e-8, 0.9, true)),
            Map.entry("adadelta", Adadelta::new));

    @Test
    void everyOptimizerMatchesPyTorch() throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = OptimizerGoldenTest.class.getResourceAsStream("/golden/optimizers.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) rows.add(line.trim().split(" "));
            }
        }
        assertThat(rows.stream().map(r -> r[0]).distinct()).containsExactlyInAnyOrderElementsOf(CASES.keySet());
        String current = null;
        Optimizer opt = null;
        Tensor p = null;
        for (String[] r : rows) {
            if (!r[0].equals(current)) {
                current = r[0];
                opt = CASES.get(current).get();
                p = Tensor.of(P0.clone(), 4).requiringGrad();
            }
            int t = Integer.parseInt(r[1]);
            p.zeroGrad();
            p.accumulateGrad(GRADS[t - 1]);
            opt.step(List.of(p));
            for (int i = 0; i < 4; i++) {
                double expected = Double.parseDouble(r[2 + i]);
                assertThat((double) p.data()[i]).as("%s step %d element %d", current, t, i)
                        .isCloseTo(expected, within(2e-6 * (1 + Math.abs(expected))));
            }
        }
    }

    @Test
    void sgdWithMomentum() {
        Tensor p = Tensor.of(new float[] {1f, -2f}, 2).requiringGrad();
        Sgd sgd = new Sgd(0.1, 0.9);
        p.accumulateGrad(new float[] {0.5f, 1f});
        sgd.step(List.of(p));  // v = g; p = p - 0.1 v
        assertThat(p.data()).containsExactly(new float[] {0.95f, -2.1f}, within(1e-6f));
        p.zeroGrad();
        p.accumulateGrad(new float[] {0.5f, 1f});
        sgd.step(List.of(p));  // v = 0.9 v + g = 0.95, 1.9; p -= 0.1 v
        assertThat(p.data()).containsExactly(new float[] {0.855f, -2.29f}, within(1e-6f));
    }

    @Test
    void adamFirstStepsMatchTheFormula() {
        Tensor p = Tensor.of(new float[] {1f, -1f, 0.5f}, 3).requiringGrad();
        double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
        Adam adam = new Adam(lr, b1, b2, eps);
        double[] w = {1, -1, 0.5}, m = new double[3], v = new double[3];
        double[][] grads = {{0.3, -0.2, 0.0}, {0.1, 0.4, -1.0}, {-0.5, 0.2, 0.2}};
        for (int t = 1; t <= 3; t++) {
            p.zeroGrad();
            float[] g = new float[3];
            for (int i = 0; i < 3; i++) g[i] = (float) grads[t - 1][i];
            p.accumulateGrad(g);
            adam.step(List.of(p));
            for (int i = 0; i < 3; i++) {
                m[i] = b1 * m[i] + (1 - b1) * grads[t - 1][i];
                v[i] = b2 * v[i] + (1 - b2) * grads[t - 1][i] * grads[t - 1][i];
                double mh = m[i] / (1 - Math.pow(b1, t)), vh = v[i] / (1 - Math.pow(b2, t));
                w[i] -= lr * mh / (Math.sqrt(vh) + eps);
            }
            for (int i = 0; i < 3; i++) assertThat((double) p.data()[i]).as("step %d, element %d", t, i).isCloseTo(w[i], within(1e-6));
        }
    }
}
