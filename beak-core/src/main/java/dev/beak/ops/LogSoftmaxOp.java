package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Log-softmax over the last axis: {@code y = x - max - log(sum(exp(x - max)))}, stable for large
 * logits. Shapes: x (..., K); y the same. Backward: {@code dx = dy - softmax(x) * sum(dy)} per row.
 */
public final class LogSoftmaxOp {
    private LogSoftmaxOp() {}

    public static Tensor apply(Tensor x) {
        int k = x.dim(-1), rows = x.size() / Math.max(k, 1);
        float[] in = x.data(), y = new float[in.length];
        for (int r = 0; r < rows; r++) {
            int o = r * k;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < k; j++) max = Math.max(max, in[o + j]);
            double sum = 0;
            for (int j = 0; j < k; j++) sum += Math.exp(in[o + j] - max);
            float shift = max + (float) Math.log(sum);
            for (int j = 0; j < k; j++) y[o + j] = in[o + j] - shift;
        }
        return Autograd.record(Tensor.of(y, x.shape()), "LogSoftmax", dy -> {
            float[] dx = x.gradBuffer();
            for (int r = 0; r < rows; r++) {
                int o = r * k;
                double sum = 0;
                for (int j = 0; j < k; j++) sum += dy[o + j];
                for (int j = 0; j < k; j++) dx[o + j] += (float) (dy[o + j] - Math.exp(y[o + j]) * sum);
            }
        }, x);
    }
}
