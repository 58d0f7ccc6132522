package dev.beak.ops;

/**
 * Pooling windows with PyTorch's ceil mode: {@code oH = ceil((H + padTop + padBottom - dH*(kH-1) - 1) / sH) + 1},
 * less one when the last window would start past the input and its top padding. Ceil mode is
 * expressed as extra bottom/right padding, so the kernels only ever see a {@link Window2d}.
 */
public final class PoolWindow {
    private PoolWindow() {}

    /** The window of a pooling op; {@code ceilMode} false is {@link Window2d#of} unchanged. */
    public static Window2d of(int[] inputShape, int kH, int kW, int sH, int sW, int dH, int dW, Padding padding, boolean ceilMode) {
        Window2d g = Window2d.of(inputShape, kH, kW, sH, sW, dH, dW, padding);
        if (!ceilMode) return g;
        int extraH = ceilExtra(g.h(), g.padTop(), g.padBottom(), kH, sH, dH);
        int extraW = ceilExtra(g.w(), g.padLeft(), g.padRight(), kW, sW, dW);
        return new Window2d(g.n(), g.c(), g.h(), g.w(), kH, kW, sH, sW, dH, dW,
                g.padTop(), g.padBottom() + extraH, g.padLeft(), g.padRight() + extraW);
    }

    /**
     * The extra padding after one axis (of size {@code in}, padded {@code before} and {@code after}) that
     * ceil mode adds for window {@code k}, stride {@code s}, dilation {@code d}; for pooling over any number of axes.
     */
    public static int ceilExtra(int in, int before, int after, int k, int s, int d) {
        int span = in + before + after - d * (k - 1) - 1;
        int out = -Math.floorDiv(-span, s) + 1;
        if ((out - 1) * s >= in + before) out--;
        return Math.max(0, (out - 1) * s - span);
    }
}
