package dev.beak.ops;

import dev.beak.tensor.Shape;

import java.util.Arrays;

/**
 * The geometry of a sliding window over any number of spatial axes (1-d, 2-d, 3-d convolution or
 * pooling) of an input (N, C, D1, ..., Dk): kernel, stride, dilation, padding before and after.
 * Output size per axis: {@code floor((D + before + after - dilation * (K - 1) - 1) / stride) + 1}.
 *
 * <p>{@link #table()} lists, for every output position and every kernel offset, the input position
 * it reads (flat over the spatial axes), or -1 in the padding: the ops then loop over flat indices.
 */
public record WindowNd(int[] input, int[] kernel, int[] stride, int[] dilation, int[] before, int[] after) {
    public WindowNd {
        int k = kernel.length;
        if (input.length != k + 2 || stride.length != k || dilation.length != k || before.length != k || after.length != k) {
            throw new IllegalArgumentException("window: input " + Shape.toString(input) + " needs " + (input.length - 2)
                    + " values each for kernel " + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride)
                    + ", dilation " + Arrays.toString(dilation) + " and padding " + Arrays.toString(before) + "/" + Arrays.toString(after));
        }
        for (int i = 0; i < k; i++) {
            if (kernel[i] < 1 || stride[i] < 1 || dilation[i] < 1 || before[i] < 0 || after[i] < 0) {
                throw new IllegalArgumentException("window: kernel, stride and dilation must be >= 1 and padding >= 0, got kernel "
                        + Arrays.toString(kernel) + ", stride " + Arrays.toString(stride) + ", dilation " + Arrays.toString(dilation)
                        + ", padding " + Arrays.toString(before) + "/" + Arrays.toString(after));
            }
        }
        for (int i = 0; i < k; i++) {
            if (input[i + 2] + before[i] + after[i] < dilation[i] * (kernel[i] - 1) + 1) {
                throw new IllegalArgumentException("window " + Arrays.toString(kernel) + " (dilation " + Arrays.toString(dilation)
                        + ") does not fit input " + Shape.toString(input) + " with padding " + Arrays.toString(before) + "/" + Arrays.toString(after));
            }
        }
        input = input.clone();
        kernel = kernel.clone();
        stride = stride.clone();
        dilation = dilation.clone();
        before = before.clone();
        after = after.clone();
    }

    /** The spatial output sizes. */
    public int[] output() {
        int[] o = new int[kernel.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = Math.max(0, Math.floorDiv(input[i + 2] + before[i] + after[i] - dilation[i] * (kernel[i] - 1) - 1, stride[i]) + 1);
        }
        return o;
    }

    /** The full output shape for {@code channels} output channels: (N, channels, O1, ..., Ok). */
    public int[] outputShape(int channels) {
        int[] o = output(), s = new int[o.length + 2];
        s[0] = input[0];
        s[1] = channels;
        System.arraycopy(o, 0, s, 2, o.length);
        return s;
    }

    /** (output positions) x (kernel offsets) input positions, -1 where the window reads padding. */
    public int[] table() {
        int k = kernel.length;
        int[] out = output(), spatial = Arrays.copyOfRange(input, 2, input.length);
        int positions = Shape.size(out), offsets = Shape.size(kernel);
        int[] t = new int[positions * offsets], oc = new int[k], kc = new int[k];
        for (int p = 0; p < positions; p++) {
            unravel(p, out, oc);
            for (int q = 0; q < offsets; q++) {
                unravel(q, kernel, kc);
                int at = 0;
                for (int a = 0; a < k && at >= 0; a++) {
                    int i = oc[a] * stride[a] - before[a] + kc[a] * dilation[a];
                    at = i < 0 || i >= spatial[a] ? -1 : at * spatial[a] + i;
                }
                t[p * offsets + q] = at;
            }
        }
        return t;
    }

    private static void unravel(int flat, int[] shape, int[] coord) {
        for (int a = shape.length - 1; a >= 0; a--) {
            coord[a] = flat % shape[a];
            flat /= shape[a];
        }
    }
}
