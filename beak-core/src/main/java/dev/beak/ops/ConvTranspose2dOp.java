package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Gemm;
import dev.beak.kernel.Im2col;
import dev.beak.kernel.Kernels;
import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/**
 * Transposed 2-d convolution (the gradient of a convolution with respect to its input; Dumoulin and
 * Visin, 2016, "A guide to convolution arithmetic for deep learning"), with PyTorch's parameters and
 * weight layout. Forward: per sample and group {@code cols = W_gᵀ * x_g}, then col2im (fold) onto the
 * output; backward: im2col of dy, two GEMMs.
 *
 * <p>Shapes: x (N, C, H, W); w (C, F/G, kH, kW); b (F) or null; y (N, F, oH, oW) with
 * {@code oH = (H - 1) * strideH - padTop - padBottom + dilationH * (kH - 1) + outputPaddingH + 1}
 * (same for W); output padding must be smaller than the stride or the dilation.
 */
public final class ConvTranspose2dOp {
    private ConvTranspose2dOp() {}

    /** {@code pads} = {top, bottom, left, right}; {@code outputPadding} = {along H, along W}. */
    public static Tensor apply(Tensor x, Tensor w, Tensor b, int strideH, int strideW, int dilationH, int dilationW,
                               int[] pads, int[] outputPadding, int groups) {
        if (x.rank() != 4 || w.rank() != 4 || groups < 1 || x.dim(1) != w.dim(0) || x.dim(1) % groups != 0) {
            throw new IllegalArgumentException("conv_transpose2d: input " + Shape.toString(x.shape()) + " and weights "
                    + Shape.toString(w.shape()) + " do not fit " + groups + " groups (need x (N, C, H, W), w (C, F/groups, kH, kW))");
        }
        int n = x.dim(0), c = x.dim(1), h = x.dim(2), wd = x.dim(3), cg = c / groups, fg = w.dim(1), f = fg * groups;
        int kH = w.dim(2), kW = w.dim(3), opH = outputPadding[0], opW = outputPadding[1];
        if (opH < 0 || opW < 0 || opH >= Math.max(strideH, dilationH) || opW >= Math.max(strideW, dilationW)) {
            throw new IllegalArgumentException("conv_transpose2d: output padding " + opH + "x" + opW
                    + " must be >= 0 and smaller than the stride or the dilation");
        }
        int oH = (h - 1) * strideH - pads[0] - pads[1] + dilationH * (kH - 1) + opH + 1;
        int oW = (wd - 1) * strideW - pads[2] - pads[3] + dilationW * (kW - 1) + opW + 1;
        if (oH < 1 || oW < 1) {
            throw new IllegalArgumentException("conv_transpose2d: input " + Shape.toString(x.shape()) + " with weights "
                    + Shape.toString(w.shape()) + " gives an empty output " + oH + "x" + oW);
        }
        if (b != null && b.size() != f) throw new IllegalArgumentException("conv_transpose2d bias must be (" + f + "), got " + Shape.toString(b.shape()));
        // The convolution whose input gradient this is: over an oH x oW image, giving exactly H x W
        // (the output padding taken off the bottom/right padding, which may go negative).
        Window2d g = new Window2d(n, f, oH, oW, kH, kW, strideH, strideW, dilationH, dilationW,
                pads[0], pads[1] - opH, pads[2], pads[3] - opW);
        // cols (F*kH*kW, N*P) has rows ordered (f, i, j): group gi's rows are the block starting at gi*k.
        int k = fg * kH * kW, p = h * wd, np = n * p, out = oH * oW;
        Gemm gemm = Kernels.gemm();
        float[] cols = new float[groups * k * np], y = new float[n * f * out];
        for (int gi = 0; gi < groups; gi++) {
            // Sample i's columns of the block: W_gᵀ(k, cg) * x[i, group](cg, P).
            for (int i = 0; i < n; i++) {
                gemm.gemm(true, false, k, p, cg, w.data(), gi * cg * k, k, x.data(), (i * c + gi * cg) * p, p,
                        cols, gi * k * np + i * p, np, false);
            }
        }
        Im2col.fold(cols, g, y);
        if (b != null) for (int i = 0; i < n * f; i++) for (int j = i * out, e = j + out; j < e; j++) y[j] += b.data()[i % f];
        return Autograd.record(Tensor.of(y, n, f, oH, oW), "ConvTranspose2d", dy -> {
            if (b != null && b.requiresGrad()) {
                float[] db = b.gradBuffer();
                for (int i = 0; i < n * f; i++) {
                    double s = 0;
                    for (int j = i * out, e = j + out; j < e; j++) s += dy[j];
                    db[i % f] += (float) s;
                }
            }
            if (!x.requiresGrad() && !w.requiresGrad()) return;
            float[] dcols = new float[groups * k * np];
            Im2col.unfold(dy, g, dcols);
            for (int gi = 0; gi < groups; gi++) {
                int block = gi * k * np;
                for (int i = 0; i < n; i++) {
                    if (x.requiresGrad()) {
                        gemm.gemm(false, false, cg, p, k, w.data(), gi * cg * k, k, dcols, block + i * p, np,
                                x.gradBuffer(), (i * c + gi * cg) * p, p, true);
                    }
                    if (w.requiresGrad()) {
                        gemm.gemm(false, true, cg, k, p, x.data(), (i * c + gi * cg) * p, p, dcols, block + i * p, np,
                                w.gradBuffer(), gi * cg * k, k, true);
                    }
                }
            }
        }, x, w, b);
    }
}
