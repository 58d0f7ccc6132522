package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Conv2dKernel;
import dev.beak.kernel.Winograd;
import dev.beak.kernel.WinogradWeights;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * 2-d convolution (cross-correlation, as in every deep-learning library) by im2col and GEMMs per
 * image and band of output rows ({@link Conv2dKernel}), written straight into NCHW; wide 3x3 stride-1
 * layers run their forward pass and both gradients by Winograd F(2x2, 3x3) ({@link Winograd},
 * {@link WinogradWeights}).
 *
 * <p>Shapes: x (N, C, H, W); w (F, C, kH, kW); b (F) or null; y (N, F, oH, oW) with oH, oW as in
 * {@link Window2d}. Forward: {@code Y[n](F, oH*oW) = W(F, C*kH*kW) * cols[n](C*kH*kW, oH*oW)}.
 * Backward: {@code dW += dY * colsᵀ}, {@code db += row sums of dY},
 * {@code dx += fold(Wᵀ * dY)}.
 */
public final class Conv2dOp {
    private Conv2dOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                               int dilationH, int dilationW, Padding padding) {
        Window2d g = window(x, w, b, strideH, strideW, dilationH, dilationW, padding);
        int f = w.dim(0);
        float[] y = Workspace.floats(g.n() * f * g.oH() * g.oW());
        // Without gradients to record, Winograd also takes thinner layers (the backward pass is never run).
        boolean winograd = Autograd.needsGrad(x, w, b) ? Winograd.pays(g, f) : Winograd.paysForward(g, f);
        if (winograd) Winograd.forward(x.data(), w.data(), b == null ? null : b.data(), g, f, y);
        else Conv2dKernel.forward(x.data(), w.data(), b == null ? null : b.data(), g, f, y);
        Tensor out = Tensor.of(y, g.n(), f, g.oH(), g.oW());
        return Autograd.record(out, "Conv2d", dy -> {
            float[] dx = x.requiresGrad() ? x.gradBuffer() : null, dw = w.requiresGrad() ? w.gradBuffer() : null;
            boolean winogradX = dx != null && Winograd.paysBackward(g, f), winogradW = dw != null && WinogradWeights.pays(g, f);
            Conv2dKernel.backward(x.data(), w.data(), dy, g, f, winogradW ? null : dw,
                    b != null && b.requiresGrad() ? b.gradBuffer() : null, winogradX ? null : dx);
            if (winogradX) Winograd.backwardInput(dy, w.data(), g, f, dx);
            if (winogradW) WinogradWeights.backward(x.data(), dy, g, f, dw);
        }, x, w, b);
    }

    /** The window of x under filters w, after checking that w, b and x fit together. */
    static Window2d window(Tensor x, Tensor w, Tensor b, int strideH, int strideW, int dilationH, int dilationW, Padding padding) {
        if (w.rank() != 4) throw new IllegalArgumentException("conv2d weights must be (F, C, kH, kW), got " + Shape.toString(w.shape()));
        Window2d g = Window2d.of(x.shape(), w.dim(2), w.dim(3), strideH, strideW, dilationH, dilationW, padding);
        int f = w.dim(0);
        if (w.dim(1) != g.c()) {
            throw new IllegalArgumentException("conv2d: input has " + g.c() + " channels, weights expect " + w.dim(1)
                    + " (input " + Shape.toString(x.shape()) + ", weights " + Shape.toString(w.shape()) + ")");
        }
        if (b != null && (b.rank() != 1 || b.dim(0) != f)) {
            throw new IllegalArgumentException("conv2d bias must be (" + f + "), got " + Shape.toString(b.shape()));
        }
        return g;
    }
}
