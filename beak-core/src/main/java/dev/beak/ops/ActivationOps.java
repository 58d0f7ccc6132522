package dev.beak.ops;

import dev.beak.autograd.Autograd;
import dev.beak.tensor.Tensor;

/**
 * Elementwise activations beyond ReLU. Shapes: y has x's shape. Each backward multiplies the output
 * gradient by the derivative, taken from x or y, whichever is cheaper.
 */
public final class ActivationOps {
    private ActivationOps() {}

    /** SELU's constants (Klambauer et al., 2017, "Self-Normalizing Neural Networks"). */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** {@code x} if {@code x > 0}, else {@code alpha * x} (Maas, Hannun and Ng, 2013). */
    public static Tensor leakyRelu(Tensor x, float alpha) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = in[i] > 0 ? in[i] : alpha * in[i];
        return record("LeakyRelu", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += in[i] > 0 ? dy[i] : alpha * dy[i];
        });
    }

    /** {@code x} if {@code x > 0}, else {@code alpha * (exp(x) - 1)} (Clevert, Unterthiner and Hochreiter, 2015). */
    public static Tensor elu(Tensor x, float alpha) {
        return scaledElu("Elu", x, alpha, 1f);
    }

    /** {@code scale * elu(x, alpha)} with the fixed SELU constants. */
    public static Tensor selu(Tensor x) {
        return scaledElu("Selu", x, (float) SELU_ALPHA, (float) SELU_SCALE);
    }

    private static Tensor scaledElu(String op, Tensor x, float alpha, float scale) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = scale * (in[i] > 0 ? in[i] : alpha * (float) Math.expm1(in[i]));
        return record(op, x, y, dy -> {
            float[] dx = x.gradBuffer();
            // For x <= 0, d/dx scale*alpha*(e^x - 1) = y + scale*alpha.
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i] * (in[i] > 0 ? scale : y[i] + scale * alpha);
        });
    }

    /** {@code 1 / (1 + exp(-x))}. */
    public static Tensor sigmoid(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = (float) (1 / (1 + Math.exp(-in[i])));
        return record("Sigmoid", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i] * y[i] * (1 - y[i]);
        });
    }

    public static Tensor tanh(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = (float) Math.tanh(in[i]);
        return record("Tanh", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += dy[i] * (1 - y[i] * y[i]);
        });
    }

    /**
     * {@code max(0, min(1, alpha * x + beta))}, as ONNX's HardSigmoid (defaults alpha 0.2, beta 0.5).
     * Keras 3 uses {@code relu6(x + 3) / 6}, that is alpha 1/6, beta 0.5.
     */
    public static Tensor hardSigmoid(Tensor x, float alpha, float beta) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = Math.max(0f, Math.min(1f, alpha * in[i] + beta));
        return record("HardSigmoid", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) {
                float t = alpha * in[i] + beta;
                if (t > 0f && t < 1f) dx[i] += alpha * dy[i];
            }
        });
    }

    /** {@code x * relu6(x + 3) / 6} (Howard et al., 2019, "Searching for MobileNetV3"). */
    public static Tensor hardSwish(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = in[i] * Math.max(0f, Math.min(6f, in[i] + 3f)) / 6f;
        return record("HardSwish", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) {
                float v = in[i];
                dx[i] += v <= -3f ? 0f : v >= 3f ? dy[i] : dy[i] * (2f * v + 3f) / 6f;
            }
        });
    }

    /** {@code log(1 + exp(x))}, computed without overflow as {@code max(x, 0) + log1p(exp(-|x|))}. */
    public static Tensor softplus(Tensor x) {
        float[] in = x.data(), y = new float[in.length];
        for (int i = 0; i < in.length; i++) y[i] = (float) (Math.max(in[i], 0) + Math.log1p(Math.exp(-Math.abs(in[i]))));
        return record("Softplus", x, y, dy -> {
            float[] dx = x.gradBuffer();
            for (int i = 0; i < dy.length; i++) dx[i] += (float) (dy[i] / (1 + Math.exp(-in[i])));
        });
    }

    private static Tensor record(String op, Tensor x, float[] y, dev.beak.autograd.GradFn backward) {
        return Autograd.record(Tensor.of(y, x.shape()), op, backward, x);
    }
}
