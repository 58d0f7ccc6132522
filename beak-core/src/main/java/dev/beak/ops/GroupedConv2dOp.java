package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Conv2dKernel;
import dev.beak.kernel.Epilogue;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Im2col;
import dev.beak.kernel.Kernels;
import dev.beak.kernel.PackedA;
import dev.beak.kernel.Parallel;
import dev.beak.kernel.Winograd;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;
import dev.beak.tensor.Workspace;

/**
 * Grouped 2-d convolution (Krizhevsky et al., 2012; depthwise when groups = C, as in Howard et al.,
 * 2017, "MobileNets"): channels and filters are split into G groups, and group g's filters see only
 * group g's channels. One im2col, then one GEMM per group; {@link Conv2dOp} is the G = 1 case.
 *
 * <p>Shapes: x (N, C, H, W); w (F, C/G, kH, kW); b (F) or null; y (N, F, oH, oW) with oH, oW as in
 * {@link Window2d}; G divides C and F. Depthwise (C/G = 1) runs {@link DepthwiseConv2dOp}. Per group:
 * {@code Y_g(F/G, N*oH*oW) = W_g(F/G, C/G*kH*kW) * cols_g(C/G*kH*kW, N*oH*oW)}. Without gradients
 * (inference) each group is a plain convolution of its channel slice on {@link Conv2dOp}'s kernels
 * (pointwise GEMM, bands, Winograd), the slices copied out and the results back.
 */
public final class GroupedConv2dOp {
    private GroupedConv2dOp() {}

    /**
     * Each group as a convolution of its own: x_g (N, C/G, H, W) and y_g (N, F/G, oH, oW) are copied
     * slices; {@code packed} (null, or each group's filters packed by {@link #packGroups}) spares the
     * GEMM path the filters' copy and packing.
     */
    static Tensor inference(Tensor x, Tensor w, Tensor b, Window2d g, int groups, PackedA[] packed) {
        int n = g.n(), f = w.dim(0), p = g.oH() * g.oW();
        float[] y = Workspace.floats(n * f * p);
        if (n == 1 && groups % Parallel.threads() == 0 && Parallel.threads() > 1) {
            // One image: the groups share the threads (each runs its convolution on one), instead of each
            // small convolution being split over all of them in turn.
            Parallel.forEach(groups, gi -> group(x, w, b, g, groups, packed, gi, y));
        } else {
            for (int gi = 0; gi < groups; gi++) group(x, w, b, g, groups, packed, gi, y);
        }
        return Tensor.of(y, n, f, g.oH(), g.oW());
    }

    /** Group gi's outputs into y: its channels copied out, convolved with its filters, copied into y's planes. */
    private static void group(Tensor x, Tensor w, Tensor b, Window2d g, int groups, PackedA[] packed, int gi, float[] y) {
        int n = g.n(), c = g.c(), f = w.dim(0), cg = c / groups, fg = f / groups, hw = g.h() * g.w(), p = g.oH() * g.oW();
        int kk = cg * g.kH() * g.kW();
        Window2d gg = new Window2d(n, cg, g.h(), g.w(), g.kH(), g.kW(), g.strideH(), g.strideW(), g.dilationH(), g.dilationW(),
                g.padTop(), g.padBottom(), g.padLeft(), g.padRight());
        // Scratch from the calling thread's workspace (plain arrays on pool threads, which have no scope open).
        float[] in = x.data(), ys = Workspace.floats(n * fg * p);
        if (n > 1 || gi > 0) {   // the first group of one image is already at the start of x
            in = Workspace.floats(n * cg * hw);
            for (int i = 0; i < n; i++) System.arraycopy(x.data(), (i * c + gi * cg) * hw, in, i * cg * hw, cg * hw);
        }
        float[] bg = null;
        if (b != null) {
            bg = Workspace.floats(fg);
            System.arraycopy(b.data(), gi * fg, bg, 0, fg);
        }
        boolean winograd = Winograd.pays(gg, fg);
        if (packed != null && !winograd) {
            Conv2dKernel.forward(in, packed[gi], gg, ys, Epilogue.of(bg, false));
        } else {
            float[] wg = Workspace.floats(fg * kk);
            System.arraycopy(w.data(), gi * fg * kk, wg, 0, fg * kk);
            if (winograd) Winograd.forward(in, wg, bg, gg, fg, ys);
            else Conv2dKernel.forward(in, wg, bg, gg, fg, ys);
        }
        for (int i = 0; i < n; i++) System.arraycopy(ys, i * fg * p, y, (i * f + gi * fg) * p, fg * p);
    }

    /** Each group's filters w_g (F/G, C/G*kH*kW), read in place from w (F, C/G, kH, kW), packed for the GEMM. */
    static PackedA[] packGroups(Tensor w, int groups) {
        int fg = w.dim(0) / groups, kk = w.size() / w.dim(0);
        Gemm gemm = Kernels.gemm();
        PackedA[] packed = new PackedA[groups];
        for (int gi = 0; gi < groups; gi++) packed[gi] = gemm.pack(false, fg, kk, w.data(), gi * fg * kk, kk);
        return packed;
    }

    public static Tensor apply(Tensor x, Tensor w, Tensor b, int strideH, int strideW,
                               int dilationH, int dilationW, Padding padding, int groups) {
        Window2d g = window(x, w, b, strideH, strideW, dilationH, dilationW, padding, groups);
        int n = x.dim(0), c = x.dim(1), f = w.dim(0), cg = c / groups, fg = f / groups;
        if (cg == 1) return DepthwiseConv2dOp.apply(x, w, b, g);
        if (!Autograd.needsGrad(x, w, b)) return inference(x, w, b, g, groups, null);
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

    /** The window of x under filters w in {@code groups} groups, after checking that w, b and x fit together. */
    static Window2d window(Tensor x, Tensor w, Tensor b, int strideH, int strideW, int dilationH, int dilationW,
                           Padding padding, int groups) {
        if (x.rank() != 4 || w.rank() != 4 || groups < 1 || x.dim(1) % groups != 0 || w.dim(0) % groups != 0
                || w.dim(1) * groups != x.dim(1)) {
            throw new IllegalArgumentException("grouped conv2d: input " + Shape.toString(x.shape()) + " and weights "
                    + Shape.toString(w.shape()) + " do not fit " + groups + " groups (need x (N, C, H, W), w (F, C/groups, kH, kW), "
                    + "groups dividing C and F)");
        }
        if (b != null && b.size() != w.dim(0)) throw new IllegalArgumentException("conv2d bias must be (" + w.dim(0) + "), got " + Shape.toString(b.shape()));
        return Window2d.of(x.shape(), w.dim(2), w.dim(3), strideH, strideW, dilationH, dilationW, padding);
    }
}
