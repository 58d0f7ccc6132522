package dev.beak.ops;

import dev.beak.tensor.Tensor;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcatOpTest {
    private final SplittableRandom rng = new SplittableRandom(5);

    /** Reference: index arithmetic on the full output coordinates, for (outer, a_i, inner) views. */
    private static double[] concat(double[][] in, int outer, int[] a, int inner) {
        int total = 0;
        for (int v : a) total += v;
        double[] y = new double[outer * total * inner];
        for (int o = 0; o < outer; o++) {
            int base = 0;
            for (int i = 0; i < in.length; i++) {
                for (int c = 0; c < a[i]; c++)
                    for (int r = 0; r < inner; r++) y[(o * total + base + c) * inner + r] = in[i][(o * a[i] + c) * inner + r];
                base += a[i];
            }
        }
        return y;
    }

    @Test
    void channelsOfFeatureMaps() {
        Tensor a = Tensor.randn(rng, 2, 3, 2, 2), b = Tensor.randn(rng, 2, 1, 2, 2), c = Tensor.randn(rng, 2, 2, 2, 2);
        GradCheck.check(t -> Ops.concat(1, t), d -> concat(d, 2, new int[] {3, 1, 2}, 4), a, b, c);
        assertThat(Ops.concat(1, a, b, c).shape()).containsExactly(2, 6, 2, 2);
    }

    @Test
    void firstAndLastAxes() {
        GradCheck.check(t -> Ops.concat(0, t), d -> concat(d, 1, new int[] {2, 3}, 4), Tensor.randn(rng, 2, 4), Tensor.randn(rng, 3, 4));
        GradCheck.check(t -> Ops.concat(-1, t), d -> concat(d, 3, new int[] {1, 2}, 1), Tensor.randn(rng, 3, 1), Tensor.randn(rng, 3, 2));
    }

    @Test
    void gradientOnlyForInputsThatNeedIt() {
        Tensor a = Tensor.randn(rng, 2, 2).requiringGrad(), b = Tensor.randn(rng, 2, 3);
        Ops.sum(Ops.concat(1, a, b)).backward();
        assertThat(a.grad().data()).containsOnly(1f);
        assertThat(b.hasGrad()).isFalse();
    }

    @Test
    void mismatchedShapesAreNamed() {
        assertThatThrownBy(() -> Ops.concat(1, Tensor.zeros(2, 3, 4), Tensor.zeros(2, 3, 5)))
                .hasMessageContaining("(2, 3, 4) and (2, 3, 5) differ outside that axis");
        assertThatThrownBy(() -> Ops.concat(3, Tensor.zeros(2, 3))).hasMessageContaining("axis 3");
    }
}
