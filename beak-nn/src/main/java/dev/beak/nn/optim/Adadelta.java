package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * Adadelta (Zeiler, 2012, "ADADELTA: An Adaptive Learning Rate Method"), in PyTorch's form:
 * {@code s = ρ s + (1-ρ) g²; Δ = sqrt(u + eps) / sqrt(s + eps) g; u = ρ u + (1-ρ) Δ²; p -= lr Δ}.
 * Defaults as PyTorch: lr 1.0, ρ 0.9, eps 1e-6.
 */
public final class Adadelta extends AbstractOptimizer<Adadelta> {
    private final double rho, epsilon;

    public Adadelta() {
        this(1.0, 0.9, 1e-6);
    }

    public Adadelta(double lr, double rho, double epsilon) {
        super(lr, "square_avg", "acc_delta");
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
        if (!(epsilon > 0)) throw new IllegalArgumentException("epsilon must be > 0, got " + epsilon);
        this.rho = rho;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float[][] st = state(p);
        float[] w = p.data(), s = st[0], u = st[1];
        float r = (float) rho, eps = (float) epsilon, a = (float) lr;
        for (int i = 0; i < w.length; i++) {
            float gi = g[i];
            s[i] = r * s[i] + (1 - r) * gi * gi;
            float delta = (float) Math.sqrt(u[i] + eps) / (float) Math.sqrt(s[i] + eps) * gi;
            u[i] = r * u[i] + (1 - r) * delta * delta;
            w[i] -= a * delta;
        }
    }
}
