package dev.beak.nn;

import dev.beak.nn.optim.Adam;
import dev.beak.nn.optim.Sgd;
import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Optimizer steps on fixed tensors against values derived by hand from the published update rules. */
class OptimizerGoldenTest {
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
