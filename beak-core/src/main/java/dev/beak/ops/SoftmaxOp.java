package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Softmax over the last axis, computed stably (the row maximum is subtracted first).
 * Shapes: x (..., K); y the same. Backward: {@code dx = y * (dy - sum(dy * y))} per row.
 */
public final class SoftmaxOp {
    private SoftmaxOp() {}

    public static Tensor apply(Tensor x) {
        int k = x.dim(-1), rows = x.size() / Math.max(k, 1);
        float[] y = new float[x.size()];
        for (int r = 0; r < rows; r++) softmaxRow(x.data(), y, r * k, k);
        return Autograd.record(Tensor.of(y, x.shape()), "Softmax", dy -> {
            float[] dx = x.gradBuffer();
            for (int r = 0; r < rows; r++) {
                int o = r * k;
                double dot = 0;
                for (int j = 0; j < k; j++) dot += dy[o + j] * y[o + j];
                for (int j = 0; j < k; j++) dx[o + j] += (float) (y[o + j] * (dy[o + j] - dot));
            }
        }, x);
    }

    /** Writes softmax(in[o .. o+k)) into out[o .. o+k). */
    static void softmaxRow(float[] in, float[] out, int o, int k) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) max = Math.max(max, in[o + j]);
        double sum = 0;
        for (int j = 0; j < k; j++) {
            float e = (float) Math.exp(in[o + j] - max);
            out[o + j] = e;
            sum += e;
        }
        float inv = (float) (1 / sum);
        for (int j = 0; j < k; j++) out[o + j] *= inv;
    }
}
