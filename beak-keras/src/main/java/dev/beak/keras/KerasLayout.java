package dev.beak.keras;

/** Channels-last (Keras) to channels-first (Beak) shapes and orders, per sample. */
final class KerasLayout {
    private KerasLayout() {}

    /** (d1, ..., dk, C) -> (C, d1, ..., dk); rank 0 and 1 unchanged. */
    static int[] toBeak(int[] keras) {
        if (keras.length < 2) return keras.clone();
        int[] b = new int[keras.length];
        b[0] = keras[keras.length - 1];
        System.arraycopy(keras, 0, b, 1, keras.length - 1);
        return b;
    }

    /** (C, d1, ..., dk) -> (d1, ..., dk, C). */
    static int[] toKeras(int[] beak) {
        if (beak.length < 2) return beak.clone();
        int[] k = new int[beak.length];
        System.arraycopy(beak, 1, k, 0, beak.length - 1);
        k[beak.length - 1] = beak[0];
        return k;
    }

    /** The Beak axis holding Keras sample axis {@code a} of a rank-{@code r} sample. */
    static int beakAxis(int a, int r) {
        return r < 2 ? a : a == r - 1 ? 0 : a + 1;
    }

    /** The permutation that takes a channels-first sample of rank {@code r} to channels-last. */
    static int[] toKerasPerm(int r) {
        int[] p = new int[r];
        for (int i = 0; i < r - 1; i++) p[i] = i + 1;
        p[r - 1] = 0;
        return p;
    }

    /** The permutation that takes a channels-last sample of rank {@code r} to channels-first. */
    static int[] toBeakPerm(int r) {
        int[] p = new int[r];
        p[0] = r - 1;
        for (int i = 1; i < r; i++) p[i] = i - 1;
        return p;
    }

    /** For a (C, d1, ..., dk) map flattened in that order: the Keras (d1, ..., dk, C) position of each value. */
    static int[] flattenOrder(int[] beak) {
        int c = beak[0], spatial = 1;
        for (int i = 1; i < beak.length; i++) spatial *= beak[i];
        int[] order = new int[c * spatial];
        for (int ch = 0; ch < c; ch++) {
            for (int p = 0; p < spatial; p++) order[ch * spatial + p] = p * c + ch;
        }
        return order;
    }
}
