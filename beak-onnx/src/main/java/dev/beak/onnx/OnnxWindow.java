package dev.beak.onnx;

import dev.beak.ops.Padding;

import java.util.Arrays;

/**
 * The window attributes shared by Conv, ConvTranspose and the pooling ops, for 1 to 3 spatial axes:
 * explicit {@code pads} (begin values, then end values), or {@code auto_pad} SAME_UPPER (Beak's
 * {@link Padding#SAME}: the odd pixel at the end), SAME_LOWER (odd pixel at the start), VALID.
 */
record OnnxWindow(int dims, int[] kernel, int[] strides, int[] dilations, int[] pads, String autoPad) {
    static OnnxWindow of(OnnxNode n, int[] kernel) {
        int d = kernel.length;
        int[] ones = new int[d];
        Arrays.fill(ones, 1);
        int[] pads = n.ints("pads", new int[2 * d]);
        String auto = n.s("auto_pad", "NOTSET");
        if (pads.length != 2 * d) throw n.invalid("pads " + Arrays.toString(pads) + " for " + d + " spatial axes");
        int[] strides = n.ints("strides", ones), dilations = n.ints("dilations", ones);
        positive(n, "kernel_shape", kernel, d);
        positive(n, "strides", strides, d);
        positive(n, "dilations", dilations, d);
        for (int v : pads) if (v < 0) throw n.invalid("pads " + Arrays.toString(pads) + " are negative");
        return new OnnxWindow(d, kernel, strides, dilations, pads, auto);
    }

    /**
     * Checks the window against an input {@code x} (N, C, spatial...) before any op loops over it: the
     * rank matches, and each dilated kernel fits in its padded axis. Sizes are added as longs, so
     * attributes near 2^31 cannot overflow into a small or negative output size.
     */
    void check(OnnxNode n, dev.beak.tensor.Tensor x) {
        if (x.rank() != dims + 2) {
            throw n.invalid("input of shape " + dev.beak.tensor.Shape.toString(x.shape()) + " for a " + dims + "-d window (rank " + (dims + 2) + " needed)");
        }
        for (int a = 0; a < dims; a++) {
            long extent = (long) (kernel[a] - 1) * dilations[a] + 1;
            long padding = switch (autoPad) {
                case "VALID" -> 0;
                case "SAME_UPPER", "SAME_LOWER" -> extent;
                default -> (long) pads[a] + pads[a + dims];
            };
            long padded = x.dim(a + 2) + padding;
            if (padded >= Integer.MAX_VALUE / 2) {
                throw n.invalid("pads " + Arrays.toString(pads) + " make axis " + a + " of input " + dev.beak.tensor.Shape.toString(x.shape())
                        + " longer than 2^30");
            }
            if (extent > padded) {
                throw n.invalid("kernel_shape " + Arrays.toString(kernel) + (dilated() ? " dilated by " + Arrays.toString(dilations) : "")
                        + " does not fit input " + dev.beak.tensor.Shape.toString(x.shape()) + " with pads " + Arrays.toString(pads));
            }
        }
    }

    private static void positive(OnnxNode n, String attribute, int[] v, int dims) {
        if (v.length != dims) throw n.invalid(attribute + " " + Arrays.toString(v) + " for " + dims + " spatial axes");
        for (int x : v) if (x < 1 || x == Integer.MAX_VALUE) throw n.invalid(attribute + " " + Arrays.toString(v) + " must be positive and below 2^31");
    }

    /** The 2-d view: 1-d windows get a height of 1. */
    int[] two(int[] v, int fill) {
        return dims == 2 ? v : new int[] {fill, v[0]};
    }

    /** Whether any dilation is not 1. */
    boolean dilated() {
        return Arrays.stream(dilations).anyMatch(v -> v != 1);
    }

    Padding padding(int h, int w) {
        int[] k = two(kernel, 1), s = two(strides, 1), d = two(dilations, 1);
        return switch (autoPad) {
            case "SAME_UPPER" -> Padding.SAME;
            case "VALID" -> Padding.VALID;
            case "SAME_LOWER" -> {
                int[] ph = lower(h, k[0], s[0], d[0]), pw = lower(w, k[1], s[1], d[1]);
                yield new Padding.Explicit(ph[0], ph[1], pw[0], pw[1]);
            }
            default -> dims == 2 ? new Padding.Explicit(pads[0], pads[2], pads[1], pads[3])
                    : new Padding.Explicit(0, 0, pads[0], pads[1]);
        };
    }

    /** Padding {before, after} per spatial axis for the spatial input sizes {@code in}. */
    int[][] pads(int[] in) {
        int[] before = new int[dims], after = new int[dims];
        for (int a = 0; a < dims; a++) {
            int[] p = switch (autoPad) {
                case "SAME_UPPER" -> upper(in[a], kernel[a], strides[a], dilations[a]);
                case "SAME_LOWER" -> lower(in[a], kernel[a], strides[a], dilations[a]);
                case "VALID" -> new int[2];
                default -> new int[] {pads[a], pads[a + dims]};
            };
            before[a] = p[0];
            after[a] = p[1];
        }
        return new int[][] {before, after};
    }

    private static int[] upper(int in, int k, int s, int d) {
        int[] p = lower(in, k, s, d);
        return new int[] {p[1], p[0]};
    }

    private static int[] lower(int in, int k, int s, int d) {
        int out = (in + s - 1) / s, total = Math.max(0, (out - 1) * s + (k - 1) * d + 1 - in);
        return new int[] {total - total / 2, total / 2};
    }
}
