package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Mean squared error over every element: {@code mean((y - t)²)}, a scalar.
 *
 * <p>Shapes: output y (N, ...); targets t the same (or (N) for an (N, 1) output).
 * Gradient: {@code dy = 2 (y - t) / size}. Targets get no gradient.
 */
public final class MeanSquaredErrorOp {
    private MeanSquaredErrorOp() {}

    public static Tensor apply(Tensor output, Tensor targets) {
        float[] y = output.data(), t = LossTargets.elementwise("mean squared error", output, targets);
        int size = y.length;
        double sum = 0;
        for (int i = 0; i < size; i++) {
            double d = (double) y[i] - t[i];
            sum += d * d;
        }
        return Autograd.record(Tensor.scalar((float) (sum / size)), "MeanSquaredError", g -> {
            float[] dy = output.gradBuffer();
            float scale = 2f * g[0] / size;
            for (int i = 0; i < size; i++) dy[i] += (y[i] - t[i]) * scale;
        }, output);
    }
}
