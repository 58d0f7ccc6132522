package dev.beak.tensor;

import java.util.Arrays;

/** Helpers for shapes, which Beak keeps as plain {@code int[]} (row-major, NCHW for images). */
public final class Shape {
    private Shape() {}

    /** Number of elements of a tensor of this shape; fails on negative dimensions or overflow. */
    public static int size(int... shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            n *= d;
            if (n > Integer.MAX_VALUE - 16) {
                throw new LimitExceededException("shape " + Arrays.toString(shape) + " has more than 2^31 elements");
            }
        }
        Limits.checkTensor(n, shape);
        return (int) n;
    }

    /** The shape as Keras prints it, {@code (None, 28, 28, 32)}-style but NCHW: {@code (64, 32, 28, 28)}. */
    public static String toString(int... shape) {
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) sb.append(", ");
            sb.append(shape[i] < 0 ? "None" : Integer.toString(shape[i]));
        }
        if (shape.length == 1) sb.append(',');
        return sb.append(')').toString();
    }

    /** {@code prefix} followed by {@code rest}. */
    public static int[] prepend(int prefix, int... rest) {
        int[] s = new int[rest.length + 1];
        s[0] = prefix;
        System.arraycopy(rest, 0, s, 1, rest.length);
        return s;
    }

    /** The shape without its first dimension (the batch). */
    public static int[] dropFirst(int... shape) {
        return Arrays.copyOfRange(shape, 1, shape.length);
    }
}
