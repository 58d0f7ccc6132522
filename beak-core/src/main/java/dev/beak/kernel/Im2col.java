package dev.beak.kernel;

import dev.beak.ops.Window2d;

/**
 * Unfolds convolution windows into columns so that a convolution becomes one GEMM (batch folded).
 *
 * <p>Shapes: x (N, C, H, W); cols (C*kH*kW, N*oH*oW) with row {@code (c*kH + i)*kW + j} holding input
 * pixel {@code (oy*sH - padTop + i*dH, ox*sW - padLeft + j*dW)} of channel c for output column
 * {@code n*oH*oW + oy*oW + ox}; zero where the window hangs over the padding.
 * {@link #fold} is the adjoint: it adds each column entry back into its input pixel.
 */
public final class Im2col {
    private Im2col() {}

    /** cols := unfold(x). Parallel over (n, c) planes: each writes its own column slices. */
    public static void unfold(float[] x, Window2d g, float[] cols) {
        int planes = g.n() * g.c();
        Parallel.forRange(planes, (from, to) -> {
            for (int p = from; p < to; p++) unfoldPlane(x, g, cols, p / g.c(), p % g.c());
        });
    }

    private static void unfoldPlane(float[] x, Window2d g, float[] cols, int n, int c) {
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w();
        int colsWidth = g.n() * oH * oW;
        int xBase = (n * g.c() + c) * H * W;
        for (int i = 0; i < g.kH(); i++) {
            for (int j = 0; j < g.kW(); j++) {
                int row = (c * g.kH() + i) * g.kW() + j;
                int dst = row * colsWidth + n * oH * oW;
                int xOff = j * g.dilationW() - g.padLeft();
                // Output columns ox whose input ix = ox*sW + xOff lies inside [0, W): [oxLo, oxHi).
                int oxLo = Math.max(0, ceilDiv(-xOff, g.strideW()));
                int oxHi = Math.min(oW, ceilDiv(W - xOff, g.strideW()));
                for (int oy = 0; oy < oH; oy++, dst += oW) {
                    int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                    if (iy < 0 || iy >= H || oxLo >= oxHi) {
                        java.util.Arrays.fill(cols, dst, dst + oW, 0f);
                        continue;
                    }
                    java.util.Arrays.fill(cols, dst, dst + oxLo, 0f);
                    java.util.Arrays.fill(cols, dst + oxHi, dst + oW, 0f);
                    int src = xBase + iy * W + xOff;
                    if (g.strideW() == 1) {
                        // Stride 1: the valid span is one contiguous run of the input row.
                        System.arraycopy(x, src + oxLo, cols, dst + oxLo, oxHi - oxLo);
                    } else {
                        for (int ox = oxLo; ox < oxHi; ox++) cols[dst + ox] = x[src + ox * g.strideW()];
                    }
                }
            }
        }
    }

    /** dx += fold(dcols), the adjoint of {@link #unfold}. Parallel over (n, c) planes: no write conflicts. */
    public static void fold(float[] dcols, Window2d g, float[] dx) {
        int planes = g.n() * g.c();
        Parallel.forRange(planes, (from, to) -> {
            for (int p = from; p < to; p++) foldPlane(dcols, g, dx, p / g.c(), p % g.c());
        });
    }

    private static void foldPlane(float[] dcols, Window2d g, float[] dx, int n, int c) {
        int oH = g.oH(), oW = g.oW(), H = g.h(), W = g.w();
        int colsWidth = g.n() * oH * oW;
        int xBase = (n * g.c() + c) * H * W;
        for (int i = 0; i < g.kH(); i++) {
            for (int j = 0; j < g.kW(); j++) {
                int row = (c * g.kH() + i) * g.kW() + j;
                int src = row * colsWidth + n * oH * oW;
                int xOff = j * g.dilationW() - g.padLeft();
                int oxLo = Math.max(0, ceilDiv(-xOff, g.strideW()));
                int oxHi = Math.min(oW, ceilDiv(W - xOff, g.strideW()));
                for (int oy = 0; oy < oH; oy++, src += oW) {
                    int iy = oy * g.strideH() - g.padTop() + i * g.dilationH();
                    if (iy < 0 || iy >= H) continue;
                    int dst = xBase + iy * W + xOff;
                    for (int ox = oxLo; ox < oxHi; ox++) dx[dst + ox * g.strideW()] += dcols[src + ox];
                }
            }
        }
    }

    private static int ceilDiv(int a, int b) {
        return -Math.floorDiv(-a, b);
    }
}
