package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Im2col;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * 2-d convolution (cross-correlation, as in every deep-learning library) by im2col and one GEMM with
 * the batch folded into the GEMM's columns.
 *
 * <p>Shapes: x (N, C, H, W); w (F, C, kH, kW); b (F) or null; y (N, F, oH, oW) with oH, oW as in
 * {@link Window2d}. Forward: {@code Y(F, N*oH*oW) = W(F, C*kH*kW) * cols(C*kH*kW, N*oH*oW)}, then
 * permuted to NCHW. Backward: {@code dW += dY * colsᵀ}, {@code db += row sums of dY},
 * {@code dx += fold(Wᵀ * dY)}.
 */
public final class Conv2dOp {
    private Conv2dOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                               int dilationH, int dilationW, Padding padding) {
        if (w.rank() != 4) throw new IllegalArgumentException("conv2d weights must be (F, C, kH, kW), got " + Shape.toString(w.shape()));
        Window2d g = Window2d.of(x.shape(), w.dim(2), w.dim(3), strideH, strideW, dilationH, dilationW, padding);
        int f = w.dim(0), k = g.c() * g.kH() * g.kW(), p = g.oH() * g.oW(), np = g.n() * p;
        if (w.dim(1) != g.c()) {
            throw new IllegalArgumentException("conv2d: input has " + g.c() + " channels, weights expect " + w.dim(1)
                    + " (input " + Shape.toString(x.shape()) + ", weights " + Shape.toString(w.shape()) + ")");
        }
        if (b != null && (b.rank() != 1 || b.dim(0) != f)) {
            throw new IllegalArgumentException("conv2d bias must be (" + f + "), got " + Shape.toString(b.shape()));
        }
        Gemm gemm = Kernels.gemm();
        float[] cols = new float[k * np];
        Im2col.unfold(x.data(), g, cols);
        float[] yT = new float[f * np];
        gemm.gemm(false, false, f, np, k, w.data(), cols, yT, false);
        float[] y = new float[f * np];
        float[] bias = b == null ? null : b.data();
        // (F, N, P) -> (N, F, P), adding the bias on the way.
        for (int n = 0; n < g.n(); n++) {
            for (int c = 0; c < f; c++) {
                int src = c * np + n * p, dst = (n * f + c) * p;
                float bc = bias == null ? 0f : bias[c];
                for (int i = 0; i < p; i++) y[dst + i] = yT[src + i] + bc;
            }
        }
        Tensor out = Tensor.of(y, g.n(), f, g.oH(), g.oW());
        return Autograd.record(out, "Conv2d", dy -> {
            float[] dyT = new float[f * np];
            for (int n = 0; n < g.n(); n++) {
                for (int c = 0; c < f; c++) System.arraycopy(dy, (n * f + c) * p, dyT, c * np + n * p, p);
            }
            if (w.requiresGrad()) gemm.gemm(false, true, f, k, np, dyT, cols, w.gradBuffer(), true);
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int c = 0; c < f; c++) {
                    double s = 0;
                    for (int i = c * np, e = i + np; i < e; i++) s += dyT[i];
                    db[c] += (float) s;
                }
            }
            if (x.requiresGrad()) {
                float[] dcols = new float[k * np];
                gemm.gemm(true, false, k, np, f, w.data(), dyT, dcols, false);
                Im2col.fold(dcols, g, x.gradBuffer());
            }
        }, x, w, b);
    }
}
