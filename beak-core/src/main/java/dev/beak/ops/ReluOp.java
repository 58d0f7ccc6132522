package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Elementwise;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/** {@code y = max(x, 0)} elementwise; the gradient passes where {@code x > 0}. Shapes: y has x's shape. */
public final class ReluOp {
    private ReluOp() {}

    public static Tensor apply(Tensor x) {
        float[] in = x.data(), y = Workspace.floats(in.length);
        Elementwise.relu(in, y, in.length);
        return Autograd.record(Tensor.of(y, x.shape()), "Relu", dy -> {
            Elementwise.reluBackward(in, dy, x.gradBuffer(), dy.length);
        }, x);
    }

    /**
     * x := max(x, 0) in place, for inference plans that fuse a ReLU into the op that computed x into its
     * own buffer (nothing else may read x's data); no gradient is recorded. Returns x.
     */
    public static Tensor applyInPlace(Tensor x) {
        if (x.requiresGrad()) throw new IllegalArgumentException("an in-place ReLU cannot record gradients");
        float[] d = x.data();
        Elementwise.relu(d, d, d.length);
        return x;
    }
}
