package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.kernel.Kernels;
import dev.beak.kernel.Parallel;
import dev.beak.kernel.WindowSums;
import dev.beak.tensor.Tensor;

/**
 * 2-d average pooling, with PyTorch's options: ceil mode and count-include-pad.
 *
 * <p>Shapes: x (N, C, H, W); y (N, C, oH, oW) with oH, oW as in {@link PoolWindow}. Each output is the
 * sum of the window's input values divided by: with {@code countIncludePad}, the window's size clipped
 * to the padded input (the extra padding of ceil mode never counts); without, the number of input
 * values in the window.
 */
public final class AvgPool2dOp {
    private AvgPool2dOp() {}

    public static Tensor apply(Tensor x, int kH, int kW, int strideH, int strideW, Padding padding,
                               boolean ceilMode, boolean countIncludePad) {
        Window2d g = PoolWindow.of(x.shape(), kH, kW, strideH, strideW, 1, 1, padding, ceilMode);
        Window2d plain = Window2d.of(x.shape(), kH, kW, strideH, strideW, 1, 1, padding);
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w(), planes = g.n() * g.c();
        // Per output position (shared by all planes): 1 / divisor.
        float[] inv = new float[oH * oW];
        for (int oy = 0; oy < oH; oy++) {
            int y0 = oy * strideH - g.padTop();
            for (int ox = 0; ox < oW; ox++) {
                int x0 = ox * strideW - g.padLeft();
                int count = countIncludePad
                        ? (Math.min(y0 + kH, H + plain.padBottom()) - y0) * (Math.min(x0 + kW, W + plain.padRight()) - x0)
                        : (Math.min(y0 + kH, H) - Math.max(y0, 0)) * (Math.min(x0 + kW, W) - Math.max(x0, 0));
                inv[oy * oW + ox] = count > 0 ? 1f / count : 0f;
            }
        }
        float[] in = x.data(), y = dev.beak.tensor.Workspace.floats(planes * oH * oW);
        if (strideH == 1 && strideW == 1) {
            WindowSums sums = new WindowSums(H, W, kH, kW, g.padTop(), g.padLeft(), oH, oW);
            Parallel.forRange(planes, (from, to) -> {
                float[] rows = new float[oH * W];
                for (int pl = from; pl < to; pl++) {
                    int o = pl * oH * oW;
                    sums.sum(in, pl * H * W, rows, y, o);
                    Kernels.elementwise().multiply(inv, 0, y, o, inv.length);
                }
            });
        } else Parallel.forRange(planes, (from, to) -> {
            // Separable sums: per output row, the window's input rows added column by column (contiguous,
            // vectorised by the JIT), then each output adds its kW column sums.
            float[] rows = new float[W];
            for (int pl = from; pl < to; pl++) {
                int xBase = pl * H * W, o = pl * oH * oW;
                for (int oy = 0; oy < oH; oy++) {
                    int y0 = oy * strideH - g.padTop(), yLo = Math.max(0, y0), yHi = Math.min(H, y0 + kH);
                    java.util.Arrays.fill(rows, 0f);
                    for (int iy = yLo; iy < yHi; iy++) {
                        for (int ix = 0, r = xBase + iy * W; ix < W; ix++) rows[ix] += in[r + ix];
                    }
                    for (int ox = 0; ox < oW; ox++) {
                        int x0 = ox * strideW - g.padLeft(), xLo = Math.max(0, x0), xHi = Math.min(W, x0 + kW);
                        float s = 0;
                        for (int ix = xLo; ix < xHi; ix++) s += rows[ix];
                        y[o + oy * oW + ox] = s * inv[oy * oW + ox];
                    }
                }
            }
        });
        return Autograd.record(Tensor.of(y, g.n(), g.c(), oH, oW), "AvgPool2d", dy -> {
            float[] dx = x.gradBuffer();
            Parallel.forRange(planes, (from, to) -> {
                for (int pl = from; pl < to; pl++) {
                    int xBase = pl * H * W, o = pl * oH * oW;
                    for (int oy = 0; oy < oH; oy++) {
                        int y0 = oy * strideH - g.padTop(), yLo = Math.max(0, y0), yHi = Math.min(H, y0 + kH);
                        for (int ox = 0; ox < oW; ox++) {
                            int x0 = ox * strideW - g.padLeft(), xLo = Math.max(0, x0), xHi = Math.min(W, x0 + kW);
                            float d = dy[o + oy * oW + ox] * inv[oy * oW + ox];
                            for (int iy = yLo; iy < yHi; iy++) for (int ix = xLo; ix < xHi; ix++) dx[xBase + iy * W + ix] += d;
                        }
                    }
                }
            });
        }, x);
    }
}
