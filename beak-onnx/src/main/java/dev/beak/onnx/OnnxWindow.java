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
        return new OnnxWindow(d, kernel, n.ints("strides", ones), n.ints("dilations", ones), pads, auto);
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
