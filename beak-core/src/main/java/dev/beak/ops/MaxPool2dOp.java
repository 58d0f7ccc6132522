package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.MaxPoolKernel;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * 2-d max pooling. Padded positions never win (they count as minus infinity).
 *
 * <p>Shapes: x (N, C, H, W); y (N, C, oH, oW) with oH, oW as in {@link Window2d}. The backward pass
 * routes each output gradient to the input position that won (first one on ties).
 */
public final class MaxPool2dOp {
    private MaxPool2dOp() {}

    public static Tensor apply(Tensor x, int kH, int kW, int strideH, int strideW, Padding padding) {
        Window2d g = Window2d.of(x.shape(), kH, kW, strideH, strideW, 1, 1, padding);
        int oH = g.oH(), oW = g.oW();
        float[] in = x.data(), y = Workspace.floats(g.n() * g.c() * oH * oW);
        if (!Autograd.needsGrad(x)) {
            MaxPoolKernel.forwardValues(in, g, y);   // no winners to record
            return Tensor.of(y, g.n(), g.c(), oH, oW);
        }
        int[] argmax = MaxPoolKernel.twoByTwo(g) ? null : Workspace.ints(y.length);
        MaxPoolKernel.forward(in, g, y, argmax);
        Tensor out = Tensor.of(y, g.n(), g.c(), oH, oW);
        return Autograd.record(out, "MaxPool2d", dy -> {
            MaxPoolKernel.backward(in, y, dy, argmax, g, x.gradBuffer());
        }, x);
    }
}
