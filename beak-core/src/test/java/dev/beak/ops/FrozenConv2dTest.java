package dev.beak.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** A frozen convolution computes what {@link Conv2dOp} computes, on every path (GEMM, pointwise, Winograd), and with a fused ReLU what a ReLU after it computes. */
class FrozenConv2dTest {
    @Test
    void equalsTheConvolutionOnEveryPath() {
        SplittableRandom rng = new SplittableRandom(5);
        // {N, C, H, W, F, k, stride, dilation, groups}: im2col bands, grouped small images, pointwise, Winograd,
        // strided, dilated, grouped (ShuffleNet's 1x1 in 3 groups, 3x3 in 2), depthwise.
        int[][] cases = {
            {1, 64, 7, 7, 96, 3, 1, 1, 1}, {2, 3, 32, 32, 16, 7, 2, 1, 1}, {1, 256, 14, 14, 64, 1, 1, 1, 1},
            {1, 64, 28, 28, 64, 3, 1, 1, 1}, {3, 5, 9, 11, 7, 3, 2, 2, 1}, {1, 40, 8, 8, 9, 1, 1, 1, 1},
            {1, 240, 14, 14, 60, 1, 1, 1, 3}, {2, 8, 9, 9, 12, 3, 2, 1, 2}, {1, 16, 10, 10, 16, 3, 1, 1, 16},
            {1, 600, 7, 7, 40, 1, 1, 1, 1}, {2, 128, 7, 7, 64, 1, 1, 1, 1}, {1, 32, 14, 14, 48, 3, 2, 1, 1}, {1, 24, 5, 6, 300, 3, 1, 1, 1},
        };
        for (int[] c : cases) {
            Tensor x = random(rng, c[0], c[1], c[2], c[3]), w = random(rng, c[4], c[1] / c[8], c[5], c[5]), b = random(rng, c[4]);
            FrozenConv2d frozen = new FrozenConv2d(w, b, c[8]);
            try (var scope = Autograd.noGrad()) {
                for (Padding p : new Padding[] {Padding.SAME, Padding.VALID}) {
                    Tensor expected = Ops.conv2d(x, w, b, c[6], c[6], c[7], c[7], p, c[8]);
                    Tensor first = frozen.apply(x, c[6], c[6], c[7], c[7], p), again = frozen.apply(x, c[6], c[6], c[7], c[7], p);
                    assertThat(first.shape()).containsExactly(expected.shape());
                    assertThat(first.data()).as(java.util.Arrays.toString(c) + " " + p).containsExactly(expected.data());
                    assertThat(again.data()).containsExactly(expected.data());
                    // Fused residual and ReLU: an addend of the output's shape (in the write-back) and one that broadcasts.
                    Tensor same = random(rng, expected.shape()), perChannel = random(rng, 1, c[4], 1, 1);
                    for (Tensor addend : new Tensor[] {null, same, perChannel}) {
                        float[] rectified = (addend == null ? expected : Ops.add(expected, addend)).data().clone();
                        for (int i = 0; i < rectified.length; i++) rectified[i] = Math.max(rectified[i], 0f);
                        String what = java.util.Arrays.toString(c) + " " + p + " addend " + (addend == null ? "none" : Shape.toString(addend.shape()));
                        assertThat(frozen.apply(x, c[6], c[6], c[7], c[7], p, addend, true).data()).as("relu " + what).containsExactly(rectified);
                        if (addend != null) {
                            assertThat(frozen.apply(x, c[6], c[6], c[7], c[7], p, addend, false).data()).as(what)
                                    .containsExactly(Ops.add(expected, addend).data());
                        }
                    }
                }
            }
        }
    }

    /**
     * Grouped inference (groups on the threads for one image, in turn otherwise) against the training
     * path, which unfolds all channels once and multiplies each group's block: equal within rounding.
     */
    @Test
    void groupedInferenceEqualsTheTrainingPath() {
        SplittableRandom rng = new SplittableRandom(7);
        int before = dev.beak.kernel.Parallel.threads();
        int[][] cases = {{1, 272, 14, 14, 272, 1, 4}, {1, 96, 27, 27, 256, 5, 2}, {2, 24, 9, 9, 36, 3, 4}, {1, 240, 7, 7, 60, 1, 3}};
        try {
            for (int threads : new int[] {1, 2, 3}) {
                dev.beak.kernel.Parallel.setThreads(threads);
                for (int[] c : cases) {
                    Tensor x = random(rng, c[0], c[1], c[2], c[3]), w = random(rng, c[4], c[1] / c[6], c[5], c[5]), b = random(rng, c[4]);
                    Tensor tracked = x.copy().requiresGrad(true);
                    float[] expected = Ops.conv2d(tracked, w, b, 1, 1, 1, 1, Padding.SAME, c[6]).data();
                    Tensor actual;
                    try (var scope = Autograd.noGrad()) {
                        actual = new FrozenConv2d(w, b, c[6]).apply(x, 1, 1, 1, 1, Padding.SAME);
                    }
                    for (int i = 0; i < expected.length; i++) {
                        assertThat(actual.data()[i]).as("%s threads %d at %d", java.util.Arrays.toString(c), threads, i)
                                .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f * (1 + Math.abs(expected[i]))));
                    }
                }
            }
        } finally {
            dev.beak.kernel.Parallel.setThreads(before);
        }
    }

    /** On maps where only frozen filters make Winograd pay (14 x 14 at batch 1), the result is the convolution's within rounding, and repeatable. */
    @Test
    void winogradWithFiltersTransformedOnceEqualsTheConvolution() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int[] c : new int[][] {{64, 14, 64}, {96, 13, 80}}) {
            Tensor x = random(rng, 1, c[0], c[1], c[1]), w = random(rng, c[2], c[0], 3, 3), b = random(rng, c[2]);
            dev.beak.ops.Window2d g = Conv2dOp.window(x, w, b, 1, 1, 1, 1, Padding.SAME);
            // (Winograd runs with the Vector API only; the scalar build checks the GEMM path here.)
            assertThat(dev.beak.kernel.Winograd.paysFrozen(g, c[2]) && !dev.beak.kernel.Winograd.paysForward(g, c[2]))
                    .isEqualTo(dev.beak.kernel.Kernels.vectorized());
            FrozenConv2d frozen = new FrozenConv2d(w, b, 1);
            try (var scope = Autograd.noGrad()) {
                float[] expected = Ops.conv2d(x, w, b, 1, 1, 1, 1, Padding.SAME, 1).data();
                float[] first = frozen.apply(x, 1, 1, 1, 1, Padding.SAME).data(), again = frozen.apply(x, 1, 1, 1, 1, Padding.SAME).data();
                for (int i = 0; i < expected.length; i++) {
                    assertThat(first[i]).as("%s at %d", java.util.Arrays.toString(c), i)
                            .isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-4f * (1 + Math.abs(expected[i]))));
                }
                assertThat(again).containsExactly(first);
            }
        }
    }

    @Test
    void recordsGradientsLikeTheConvolutionWhenTheyAreWanted() {
        SplittableRandom rng = new SplittableRandom(6);
        Tensor x = random(rng, 1, 4, 6, 6).requiresGrad(true), w = random(rng, 5, 4, 3, 3), b = random(rng, 5);
        Tensor y = new FrozenConv2d(w, b, 1).apply(x, 1, 1, 1, 1, Padding.SAME);
        Ops.sum(y).backward();
        assertThat(x.grad()).isNotNull();
    }

    private static Tensor random(SplittableRandom rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextDouble(-1, 1);
        return t;
    }
}
