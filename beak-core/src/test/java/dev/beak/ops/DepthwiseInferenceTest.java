package dev.beak.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Depthwise convolution at inference ({@link dev.beak.kernel.DepthwiseKernel}: phase planes, the taps summed in a register)
 * equals the direct loops the training pass runs, bit for bit, over strides, dilations,
 * kernels, paddings and channel multipliers.
 */
class DepthwiseInferenceTest {
    @Test
    void equalsTheTrainingPassBitForBit() {
        SplittableRandom rng = new SplittableRandom(9);
        for (int it = 0; it < 300; it++) {
            int n = 1 + rng.nextInt(2), c = 1 + rng.nextInt(5), mult = 1 + rng.nextInt(2), f = c * mult;
            int kH = 1 + rng.nextInt(5), kW = 1 + rng.nextInt(5), sH = 1 + rng.nextInt(3), sW = 1 + rng.nextInt(3);
            int dH = 1 + rng.nextInt(2), dW = 1 + rng.nextInt(2);
            int h = (kH - 1) * dH + 1 + rng.nextInt(12), w = (kW - 1) * dW + 1 + rng.nextInt(12);
            Padding padding = switch (rng.nextInt(3)) {
                case 0 -> Padding.SAME;
                case 1 -> Padding.VALID;
                default -> new Padding.Explicit(rng.nextInt(3), rng.nextInt(3), rng.nextInt(3), rng.nextInt(3));
            };
            Tensor x = random(rng, n, c, h, w), wt = random(rng, f, 1, kH, kW), b = rng.nextBoolean() ? random(rng, f) : null;
            Tensor inference;
            try (var scope = Autograd.noGrad()) {
                inference = Ops.conv2d(x, wt, b, sH, sW, dH, dW, padding, c);
            }
            Tensor training = Ops.conv2d(x.requiresGrad(true), wt, b, sH, sW, dH, dW, padding, c);
            String what = String.format("x %dx%dx%dx%d, %d filters %dx%d, stride %dx%d, dilation %dx%d, %s",
                    n, c, h, w, f, kH, kW, sH, sW, dH, dW, padding);
            assertThat(inference.shape()).as(what).containsExactly(training.shape());
            assertThat(inference.data()).as(what).containsExactly(training.data());
            x.requiresGrad(false);
        }
    }

    @Test
    void aHugeDilationTakesTheDirectLoopsInsteadOfHugePlanes() {
        SplittableRandom rng = new SplittableRandom(10);
        Tensor x = random(rng, 1, 2, 4, 4), wt = random(rng, 2, 1, 2, 1);
        Window2d g = Window2d.of(x.shape(), 2, 1, 1, 1, 1 << 24, 1, Padding.SAME);
        assertThat(dev.beak.kernel.DepthwiseKernel.fits(g)).isFalse();
        Tensor y;
        try (var scope = Autograd.noGrad()) {
            y = Ops.conv2d(x, wt, null, 1, 1, 1 << 24, 1, Padding.SAME, 2);
        }
        Tensor training = Ops.conv2d(x.requiresGrad(true), wt, null, 1, 1, 1 << 24, 1, Padding.SAME, 2);
        assertThat(y.data()).containsExactly(training.data());
    }

    private static Tensor random(SplittableRandom rng, int... shape) {
        Tensor t = Tensor.zeros(shape);
        float[] d = t.data();
        for (int i = 0; i < d.length; i++) d[i] = (float) rng.nextDouble(-1, 1);
        return t;
    }
}
