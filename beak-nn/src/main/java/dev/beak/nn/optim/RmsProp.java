package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * RMSprop (Tieleman and Hinton, 2012, Coursera "Neural Networks for Machine Learning", lecture 6.5),
 * in PyTorch's form: {@code s = ρ s + (1-ρ) g²}; the denominator is {@code sqrt(s) + eps}, or when
 * centered (Graves, 2013) {@code sqrt(s - ḡ²) + eps} with {@code ḡ = ρ ḡ + (1-ρ) g}; then
 * {@code p -= lr g / denom}, or with momentum {@code b = μ b + g / denom; p -= lr b}.
 * Defaults: ρ 0.99, eps 1e-8 (Keras uses ρ 0.9, eps 1e-7).
 */
public final class RmsProp extends AbstractOptimizer<RmsProp> {
    private final double rho, epsilon, momentum;
    private final boolean centered;

    public RmsProp(double lr) {
        this(lr, 0.99, 1e-8, 0, false);
    }

    public RmsProp(double lr, double rho, double epsilon, double momentum, boolean centered) {
        super(lr, "square_avg", "grad_avg", "momentum");
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        this.rho = rho;
        this.epsilon = epsilon;
        this.momentum = momentum;
        this.centered = centered;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float[][] st = state(p);
        float[] w = p.data(), s = st[0], mean = st[1], b = st[2];
        float r = (float) rho, eps = (float) epsilon, mu = (float) momentum, a = (float) lr;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            s[i] = r * s[i] + (1 - r) * gi * gi;
            float var = s[i];
            if (centered) {
                mean[i] = r * mean[i] + (1 - r) * gi;
                var -= mean[i] * mean[i];
            }
            float step = gi / ((float) Math.sqrt(var) + eps);
            if (mu > 0f) {
                b[i] = mu * b[i] + step;
                step = b[i];
            }
            w[i] -= a * step;
        }
    }
}
