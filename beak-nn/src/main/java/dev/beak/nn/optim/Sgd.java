package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * Stochastic gradient descent, optionally with momentum and Nesterov momentum, in PyTorch's form:
 * {@code v = μ v + g; p -= lr v}, or with Nesterov {@code p -= lr (g + μ v)} (Nesterov, 1983, as
 * reformulated for deep learning by Sutskever et al., 2013, "On the importance of initialization and
 * momentum in deep learning"). For a constant learning rate this equals Keras' form.
 */
public final class Sgd extends AbstractOptimizer<Sgd> {
    private final double momentum;
    private final boolean nesterov;

    public Sgd(double lr) {
        this(lr, 0, false);
    }

    public Sgd(double lr, double momentum) {
        this(lr, momentum, false);
    }

    public Sgd(double lr, double momentum, boolean nesterov) {
        super(lr, "momentum");
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        if (nesterov && momentum == 0) throw new IllegalArgumentException("Nesterov momentum needs momentum > 0");
        this.momentum = momentum;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float a = (float) lr, mu = (float) momentum;
        float[] w = p.data();
        if (mu == 0f) {
            for (int i = 0; i < w.length; i++) w[i] -= a * g[i];
            return;
        }
        float[] v = state(p)[0];
        for (int i = 0; i < w.length; i++) {
            v[i] = mu * v[i] + g[i];
            w[i] -= a * (nesterov ? g[i] + mu * v[i] : v[i]);
        }
    }
}
