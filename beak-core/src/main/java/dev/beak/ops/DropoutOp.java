package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

import java.util.SplittableRandom;

/**
 * Inverted dropout (Srivastava et al., 2014): in training each value is zeroed with probability
 * {@code rate} and the survivors are scaled by {@code 1 / (1 - rate)}, so evaluation is the identity.
 * Shapes: y has x's shape.
 */
public final class DropoutOp {
    private DropoutOp() {}

    public static Tensor apply(Tensor x, float rate, SplittableRandom rng) {
        if (!(rate >= 0f && rate < 1f)) throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        if (rate == 0f) return x;
        float keep = 1f - rate, scale = 1f / keep;
        float[] in = x.data(), mask = Workspace.zeros(in.length), y = Workspace.zeros(in.length);
        for (int i = 0; i < in.length; i++) {
            if (rng.nextDouble() < keep) {
                mask[i] = scale;
                y[i] = in[i] * scale;
            }
        }
        return Autograd.record(Tensor.of(y, x.shape()), "Dropout", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i] * mask[i];
        }, x);
    }
}
