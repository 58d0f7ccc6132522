package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

/**
 * AdamW: Adam with decoupled weight decay (Loshchilov and Hutter, 2019, "Decoupled Weight Decay
 * Regularization"). Each step first shrinks the weights, {@code p -= lr * decay * p}, then takes the
 * Adam step on the gradient alone, so the decay is not rescaled by the adaptive denominator
 * (PyTorch's AdamW; its default decay is 0.01).
 */
public final class AdamW extends AbstractOptimizer<AdamW> {
    private final double beta1, beta2, epsilon, decay;

    public AdamW(double lr) {
        this(lr, 0.01);
    }

    public AdamW(double lr, double decay) {
        this(lr, 0.9, 0.999, 1e-8, decay);
    }

    public AdamW(double lr, double beta1, double beta2, double epsilon, double decay) {
        super(lr, "m", "v");
        AdamRule.checkBetas(beta1, beta2, epsilon);
        if (!(decay >= 0)) throw new IllegalArgumentException("decoupled weight decay must be >= 0, got " + decay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.decay = decay;
    }

    @Override
    protected void update(Tensor p, float[] g, double lr) {
        float[] w = p.data();
        float shrink = (float) (1 - lr * decay);
        for (int i = 0; i < w.length; i++) w[i] *= shrink;
        float[][] mv = state(p);
        AdamRule.apply(w, g, mv[0], mv[1], nextStep(p), lr, beta1, beta2, epsilon);
    }
}
