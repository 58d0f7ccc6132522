package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Im2col;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Grouped 2-d convolution (Krizhevsky et al., 2012; depthwise when groups = C, as in Howard et al.,
 * 2017, "MobileNets"): channels and filters are split into G groups, and group g's filters see only
 * group g's channels. One im2col, then one GEMM per group; {@link Conv2dOp} is the G = 1 case.
 *
 * <p>Shapes: x (N, C, H, W); w (F, C/G, kH, kW); b (F) or null; y (N, F, oH, oW) with oH, oW as in
 * {@link Window2d}; G divides C and F. Depthwise (C/G = 1) runs {@link DepthwiseConv2dOp}. Per group:
 * {@code Y_g(F/G, N*oH*oW) = W_g(F/G, C/G*kH*kW) * cols_g(C/G*kH*kW, N*oH*oW)}.
 */
public final class GroupedConv2dOp {
    private GroupedConv2dOp() {}

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                               int dilationH, int dilationW, Padding padding, int groups) {
        if (x.rank() != 4 || w.rank() != 4 || groups < 1 || x.dim(1) % groups != 0 || w.dim(0) % groups != 0
                || w.dim(1) * groups != x.dim(1)) {
            throw new IllegalArgumentException("grouped conv2d: input " + Shape.toString(x.shape()) + " and weights "
                    + Shape.toString(w.shape()) + " do not fit " + groups + " groups (need x (N, C, H, W), w (F, C/groups, kH, kW), "
                    + "groups dividing C and F)");
        }
        int n = x.dim(0), c = x.dim(1), f = w.dim(0), cg = c / groups, fg = f / groups;
        Window2d g = Window2d.of(x.shape(), w.dim(2), w.dim(3), strideH, strideW, dilationH, dilationW, padding);
        if (b != null && b.size() != f) throw new IllegalArgumentException("conv2d bias must be (" + f + "), got " + Shape.toString(b.shape()));
        if (cg == 1) return DepthwiseConv2dOp.apply(x, w, b, g);
        // One im2col of all channels: its rows are ordered (c, i, j), so group gi's rows form the
        // contiguous block [gi*k, (gi+1)*k), and each group is one GEMM on a slice of the same buffer.
        int k = cg * g.kH() * g.kW(), p = g.oH() * g.oW(), np = g.n() * p;
        Gemm gemm = Kernels.gemm();
        float[] cols = new float[groups * k * np], yT = new float[f * np];
        Im2col.unfold(x.data(), g, cols);
        for (int gi = 0; gi < groups; gi++) {
            gemm.gemm(false, false, fg, np, k, w.data(), gi * fg * k, k, cols, gi * k * np, np, yT, gi * fg * np, np, false);
        }
        float[] y = new float[f * np], bias = b == null ? null : b.data();
        // (F, N, P) -> (N, F, P), adding the bias on the way.
        for (int i = 0; i < n; i++) {
            for (int o = 0; o < f; o++) {
                float bo = bias == null ? 0f : bias[o];
                for (int j = 0, src = o * np + i * p, dst = (i * f + o) * p; j < p; j++) y[dst + j] = yT[src + j] + bo;
            }
        }
        return Autograd.record(Tensor.of(y, n, f, g.oH(), g.oW()), "Conv2d", dy -> {
            float[] dyT = new float[f * np];
            for (int i = 0; i < n; i++) for (int o = 0; o < f; o++) System.arraycopy(dy, (i * f + o) * p, dyT, o * np + i * p, p);
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int o = 0; o < f; o++) {
                    double s = 0;
                    for (int j = o * np, e = j + np; j < e; j++) s += dyT[j];
                    db[o] += (float) s;
                }
            }
            float[] dcols = x.requiresGrad() ? new float[groups * k * np] : null;
            for (int gi = 0; gi < groups; gi++) {
                if (w.requiresGrad()) {
                    gemm.gemm(false, true, fg, k, np, dyT, gi * fg * np, np, cols, gi * k * np, np, w.gradBuffer(), gi * fg * k, k, true);
                }
                if (dcols != null) {
                    gemm.gemm(true, false, k, np, fg, w.data(), gi * fg * k, k, dyT, gi * fg * np, np, dcols, gi * k * np, np, false);
                }
            }
            if (dcols != null) Im2col.fold(dcols, g, x.gradBuffer());
        }, x, w, b);
    }
}
