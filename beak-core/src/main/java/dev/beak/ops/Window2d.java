package dev.beak.ops;

import dev.beak.tensor.Shape;

/**
 * The geometry of a 2-d sliding window (convolution or pooling) over an input (N, C, H, W):
 * window kH x kW, stride, dilation and resolved padding, giving an output of oH x oW where
 * {@code oH = floor((H + padTop + padBottom - dilationH * (kH - 1) - 1) / strideH) + 1} (same for W).
 */
public record Window2d(int n, int c, int h, int w, int kH, int kW, int strideH, int strideW,
                       int dilationH, int dilationW, int padTop, int padBottom, int padLeft, int padRight) {

    public Window2d {
        if (kH < 1 || kW < 1 || strideH < 1 || strideW < 1 || dilationH < 1 || dilationW < 1) {
            throw new IllegalArgumentException("window " + kH + "x" + kW + ", stride " + strideH + "x" + strideW
                    + " and dilation " + dilationH + "x" + dilationW + " must all be >= 1");
        }
    }

    /** Resolves {@code padding} for an input of shape (N, C, H, W). */
    public static Window2d of(int[] inputShape, int kH, int kW, int strideH, int strideW,
                              int dilationH, int dilationW, Padding padding) {
        if (inputShape.length != 4) {
            throw new IllegalArgumentException("expected an input of shape (N, C, H, W), got " + Shape.toString(inputShape));
        }
        int h = inputShape[2], w = inputShape[3];
        int[] ph = padding.resolve(0, h, kH, strideH, dilationH);
        int[] pw = padding.resolve(1, w, kW, strideW, dilationW);
        Window2d g = new Window2d(inputShape[0], inputShape[1], h, w, kH, kW, strideH, strideW,
                dilationH, dilationW, ph[0], ph[1], pw[0], pw[1]);
        if (g.oH() < 1 || g.oW() < 1) {
            throw new IllegalArgumentException("a " + kH + "x" + kW + " window (stride " + strideH + "x" + strideW
                    + ", dilation " + dilationH + "x" + dilationW + ") does not fit an input of "
                    + h + "x" + w + " with padding " + padding);
        }
        return g;
    }

    /** Output rows. Kernels call this in inner loops: stride 1 skips the integer division. */
    public int oH() {
        int span = h + padTop + padBottom - dilationH * (kH - 1) - 1;
        return (strideH == 1 ? span : Math.floorDiv(span, strideH)) + 1;
    }

    /** Output columns, as {@link #oH}. */
    public int oW() {
        int span = w + padLeft + padRight - dilationW * (kW - 1) - 1;
        return (strideW == 1 ? span : Math.floorDiv(span, strideW)) + 1;
    }
}
