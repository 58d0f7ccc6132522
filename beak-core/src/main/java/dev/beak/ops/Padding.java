package dev.beak.ops;

/**
 * How a convolution or pooling window is padded along the spatial axes.
 * {@link Valid}: no padding. {@link Same}: output size {@code ceil(in / stride)}, padding split evenly
 * with the odd pixel at the end (bottom/right), as Keras and TensorFlow do. {@link Explicit}: given
 * pixels before and after on each axis (asymmetric allowed).
 */
public sealed interface Padding {
    Padding VALID = new Valid();
    Padding SAME = new Same();

    /** Symmetric explicit padding of {@code p} pixels on every side. */
    static Padding of(int p) {
        return new Explicit(p, p, p, p);
    }

    record Valid() implements Padding {}

    record Same() implements Padding {}

    record Explicit(int top, int bottom, int left, int right) implements Padding {
        public Explicit {
            if (top < 0 || bottom < 0 || left < 0 || right < 0) {
                throw new IllegalArgumentException("padding must be >= 0, got " + top + "," + bottom + "," + left + "," + right);
            }
        }
    }

    /** Pixels {before, after} on one axis of size {@code in} for a window {@code k} with stride and dilation. */
    default int[] resolve(int axis, int in, int k, int stride, int dilation) {
        return switch (this) {
            case Valid v -> new int[] {0, 0};
            case Same s -> {
                int out = (in + stride - 1) / stride;
                int total = Math.max(0, (out - 1) * stride + (k - 1) * dilation + 1 - in);
                yield new int[] {total / 2, total - total / 2};
            }
            case Explicit e -> axis == 0 ? new int[] {e.top, e.bottom} : new int[] {e.left, e.right};
        };
    }
}
