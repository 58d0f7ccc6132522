package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * Adam (Kingma and Ba, 2015, "Adam: A Method for Stochastic Optimization"), with bias correction:
 * {@code m = b1 m + (1-b1) g; v = b2 v + (1-b2) g²; p -= lr * m̂ / (sqrt(v̂) + eps)}, where
 * {@code m̂ = m / (1 - b1^t)} and {@code v̂ = v / (1 - b2^t)}, as PyTorch computes it. Its
 * {@link #weightDecay} is the coupled L2 form; for decoupled decay use {@link AdamW}.
 */
public final class Adam extends AbstractOptimizer<Adam> {
    private final double beta1, beta2, epsilon;

    public Adam(double lr) {
        this(lr, 0.9, 0.999, 1e-8);
    }

    public Adam(double lr, double beta1, double beta2, double epsilon) {
        super(lr, "m", "v");
        AdamRule.checkBetas(beta1, beta2, epsilon);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float[][] mv = state(p);
        AdamRule.apply(p.data(), g, mv[0], mv[1], nextStep(p), lr, beta1, beta2, epsilon);
    }
}
