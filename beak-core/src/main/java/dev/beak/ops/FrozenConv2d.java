package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Conv2dKernel;
import dev.beak.kernel.PackedA;
import dev.beak.kernel.Winograd;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * A convolution whose filters stay fixed while it is used, as in an inference plan: the GEMM path
 * packs the filters once (at its first call) instead of on every call, which for deep layers on
 * small maps (ResNet-50's 512 x 4608 filters on 7 x 7) costs as much as a fifth of the product.
 * Computes exactly what {@link Conv2dOp} computes; when gradients are wanted it is {@link Conv2dOp}.
 * Safe to share between threads.
 */
public final class FrozenConv2d {
    private final Tensor w, b;
    private volatile PackedA packed;

    /** Filters w (F, C, kH, kW) and bias b (F) or null; neither may change while this is used. */
    public FrozenConv2d(Tensor w, Tensor b) {
        if (w.rank() != 4) throw new IllegalArgumentException("conv2d weights must be (F, C, kH, kW), got " + dev.beak.tensor.Shape.toString(w.shape()));
        this.w = w;
        this.b = b;
    }

    public Tensor apply(Tensor x, int strideH, int strideW, int dilationH, int dilationW, Padding padding) {
        if (Autograd.needsGrad(x, w, b)) return Conv2dOp.apply(x, w, b, strideH, strideW, dilationH, dilationW, padding);
        Window2d g = Conv2dOp.window(x, w, b, strideH, strideW, dilationH, dilationW, padding);
        int f = w.dim(0);
        float[] y = Workspace.floats(g.n() * f * g.oH() * g.oW()), bias = b == null ? null : b.data();
        if (Winograd.paysForward(g, f)) Winograd.forward(x.data(), w.data(), bias, g, f, y);
        else Conv2dKernel.forward(x.data(), filters(), bias, g, y);
        return Tensor.of(y, g.n(), f, g.oH(), g.oW());
    }

    private PackedA filters() {
        PackedA p = packed;
        if (p == null) {
            // Two threads may both pack at first; either result is the same.
            p = Conv2dKernel.packFilters(w.data(), w.dim(0), w.size() / w.dim(0));
            packed = p;
        }
        return p;
    }
}
