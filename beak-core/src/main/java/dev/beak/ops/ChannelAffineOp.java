package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * A per-channel affine map with an optional ReLU, for inference: what an evaluation-mode batch norm
 * followed by per-channel Mul and Add (and a ReLU) comes to once its constants are folded, in one pass.
 *
 * <p>Shapes: x (N, C, *); scale (C); shift (C); y like x, {@code y[n, c, ...] = x[n, c, ...] * scale[c] + shift[c]},
 * then {@code max(y, 0)} with {@code relu}. It records no gradient: it runs only where none is recorded
 * (an inference plan), and refuses an input that would need one.
 */
public final class ChannelAffineOp {
    private ChannelAffineOp() {}

    public static Tensor apply(Tensor x, float[] scale, float[] shift, boolean relu) {
        if (x.rank() < 2 || scale.length != x.dim(1) || shift.length != x.dim(1)) {
            throw new IllegalArgumentException("channel affine: input " + Shape.toString(x.shape()) + " with " + scale.length
                    + " scales and " + shift.length + " shifts (expected (N, C, *) and C of each)");
        }
        if (x.requiresGrad() && Autograd.isEnabled()) {
            throw new IllegalStateException("channel affine is an inference op; run it under Autograd.noGrad()");
        }
        int c = x.dim(1), planes = x.dim(0) * c, s = planes == 0 ? 0 : x.size() / planes;
        float[] in = x.data(), y = Workspace.floats(in.length);
        for (int i = 0; i < planes; i++) {
            float k = scale[i % c], t = shift[i % c];
            int from = i * s, to = from + s;
            if (relu) for (int o = from; o < to; o++) y[o] = Math.max(in[o] * k + t, 0f);
            else for (int o = from; o < to; o++) y[o] = in[o] * k + t;
        }
        return Tensor.of(y, x.shape());
    }
}
