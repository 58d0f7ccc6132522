package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Mean absolute error over every element: {@code mean(|y - t|)}, a scalar.
 *
 * <p>Shapes: output y (N, ...); targets t the same (or (N) for an (N, 1) output).
 * Gradient: {@code dy = sign(y - t) / size} (zero where y equals t). Targets get no gradient.
 */
public final class MeanAbsoluteErrorOp {
    private MeanAbsoluteErrorOp() {}

    public static Tensor apply(Tensor output, Tensor targets) {
        float[] y = output.data(), t = LossTargets.elementwise("mean absolute error", output, targets);
        int size = y.length;
        double sum = 0;
        for (int i = 0; i < size; i++) sum += Math.abs((double) y[i] - t[i]);
        return Autograd.record(Tensor.scalar((float) (sum / size)), "MeanAbsoluteError", g -> {
            float[] dy = output.gradBuffer();
            float scale = g[0] / size;
            for (int i = 0; i < size; i++) dy[i] += Math.signum(y[i] - t[i]) * scale;
        }, output);
    }
}
