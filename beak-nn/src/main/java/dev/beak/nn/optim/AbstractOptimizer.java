package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every optimizer shares: the learning rate and its schedule, coupled L2 weight decay,
 * gradient clipping, per-group multipliers, and per-parameter state. A subclass writes only its
 * update rule, {@link #update}. One step: clip all gradients together, then per parameter with a
 * gradient add {@code weightDecay * p} to its gradient (in a scratch copy; the stored gradient keeps
 * the clipped value) and apply the rule with the group's learning rate.
 *
 * @param <O> the concrete type, so that the options chain: {@code new Adam(1e-3).weightDecay(1e-4)}
 */
public abstract class AbstractOptimizer<O extends AbstractOptimizer<O>> implements Optimizer {
    private final double baseLearningRate;
    private double learningRate;
    private double weightDecay;
    private GradientClipping clipping = GradientClipping.none();
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private final Map<Tensor, float[][]> state = new IdentityHashMap<>();
    private final Map<Tensor, int[]> steps = new IdentityHashMap<>();
    private float[] scratch = new float[0];

    protected AbstractOptimizer(double learningRate) {
        if (!(learningRate > 0 && Double.isFinite(learningRate))) {
            throw new IllegalArgumentException("learning rate must be > 0, got " + learningRate);
        }
        this.baseLearningRate = learningRate;
        this.learningRate = learningRate;
    }

    /** Coupled L2 regularisation: adds {@code l2 * p} to each gradient (Keras' kernel_regularizer l2 is {@code 2 * l2}). */
    public O weightDecay(double l2) {
        if (!(l2 >= 0)) throw new IllegalArgumentException("weight decay must be >= 0, got " + l2);
        this.weightDecay = l2;
        return self();
    }

    public O clipping(GradientClipping c) {
        this.clipping = c;
        return self();
    }

    public O schedule(LearningRateSchedule s) {
        this.schedule = s;
        this.learningRate = s.learningRate(baseLearningRate, List.of());
        return self();
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    public double weightDecay() {
        return weightDecay;
    }

    @Override
    public void startEpoch(List<Map<String, Double>> finishedEpochs) {
        learningRate = schedule.learningRate(baseLearningRate, finishedEpochs);
    }

    @Override
    public final void stepGroups(List<ParameterGroup> groups) {
        clipping.clip(groups);
        for (ParameterGroup group : groups) {
            double lr = learningRate * group.learningRateMultiplier();
            for (Tensor p : group.parameters()) {
                if (!p.hasGrad()) continue;
                update(p, decayed(p), lr);
            }
        }
    }

    /**
     * Applies the rule to {@code p} in place. {@code g} is the gradient (clipped, with coupled decay),
     * read-only; {@code lr} the group's learning rate.
     */
    protected abstract void update(Tensor p, float[] g, double lr);

    /** {@code count} zero-initialised state buffers of {@code p}'s size (moments), kept across steps. */
    protected final float[][] state(Tensor p, int count) {
        return state.computeIfAbsent(p, t -> new float[count][t.size()]);
    }

    /** Increments and returns the number of updates of {@code p} (1 on its first update). */
    protected final int nextStep(Tensor p) {
        return ++steps.computeIfAbsent(p, t -> new int[1])[0];
    }

    @SuppressWarnings("unchecked")
    private O self() {
        return (O) this;
    }

    private float[] decayed(Tensor p) {
        float[] g = p.gradBuffer();
        if (weightDecay == 0) return g;
        if (scratch.length < g.length) scratch = new float[g.length];
        float[] w = p.data(), d = scratch;
        float wd = (float) weightDecay;
        for (int i = 0; i < g.length; i++) d[i] = g[i] + wd * w[i];
        return d;
    }
}
