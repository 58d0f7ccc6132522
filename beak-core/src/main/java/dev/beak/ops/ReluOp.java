package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/** {@code y = max(x, 0)} elementwise; the gradient passes where {@code x > 0}. Shapes: y has x's shape. */
public final class ReluOp {
    private ReluOp() {}

    public static Tensor apply(Tensor x) {
        float[] in = x.data(), y = Workspace.floats(in.length);
        for (int i = 0; i < in.length; i++) y[i] = Math.max(in[i], 0f);
        return Autograd.record(Tensor.of(y, x.shape()), "Relu", dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) if (in[i] > 0f) dx[i] += dy[i];
        }, x);
    }
}
