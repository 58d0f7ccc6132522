package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * Adagrad (Duchi, Hazan and Singer, 2011, "Adaptive Subgradient Methods for Online Learning and
 * Stochastic Optimization"): {@code s += g²; p -= lr g / (sqrt(s) + eps)}, with PyTorch's defaults
 * (accumulator starts at 0, eps 1e-10).
 */
public final class Adagrad extends AbstractOptimizer<Adagrad> {
    private final double epsilon;

    public Adagrad(double lr) {
        this(lr, 1e-10);
    }

    public Adagrad(double lr, double epsilon) {
        super(lr, "sum");
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float[] w = p.data(), s = state(p)[0];
        float a = (float) lr, eps = (float) epsilon;
        for (int i = 0; i < w.length; i++) {
            s[i] += g[i] * g[i];
            w[i] -= a * g[i] / ((float) Math.sqrt(s[i]) + eps);
        }
    }
}
