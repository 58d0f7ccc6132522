package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;
import dev.beak.tensor.WeightUpdates;

import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What every optimizer shares: the learning rate and its schedule, coupled L2 weight decay,
 * gradient clipping, per-group multipliers, and per-parameter state. A subclass writes only its
 * update rule, {@link #update}, and names its state buffers. The state can be saved and loaded by
 * parameter name ({@link #saveState}, {@link #loadState}) for checkpoints. One step: clip all gradients together, then per parameter with a
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
    private final List<String> stateNames;
    private final Map<Tensor, float[][]> state = new IdentityHashMap<>();
    private final Map<Tensor, int[]> steps = new IdentityHashMap<>();
    private float[] scratch = new float[0];

    /**
     * @param stateNames the names of the rule's per-parameter buffers, in {@link #state} order
     *                   ({@code "m", "v"} for Adam); checkpoints store them as {@code <parameter>.<name>}
     */
    protected AbstractOptimizer(double learningRate, String... stateNames) {
        this.stateNames = List.of(stateNames);
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
        WeightUpdates.record();
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

    /** The rule's state buffers of {@code p} (one per state name, zeros at first, {@code p}'s size), kept across steps. */
    protected final float[][] state(Tensor p) {
        return state.computeIfAbsent(p, t -> new float[stateNames.size()][t.size()]);
    }

    /** Increments and returns the number of updates of {@code p} (1 on its first update). */
    protected final int nextStep(Tensor p) {
        return ++steps.computeIfAbsent(p, t -> new int[1])[0];
    }

    @Override
    public OptimizerState saveState(Map<String, Tensor> parameters) {
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int covered = 0;
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            Tensor p = e.getValue();
            float[][] st = state.get(p);
            if (st != null) {
                covered++;
                for (int i = 0; i < st.length; i++) buffers.put(e.getKey() + "." + stateNames.get(i), Tensor.of(st[i], p.shape()));
            }
            if (steps.containsKey(p)) counts.put(e.getKey(), steps.get(p)[0]);
        }
        if (covered != state.size()) {
            throw new IllegalArgumentException(type() + " holds state for " + state.size() + " tensors, but only " + covered
                    + " of them are among the " + parameters.size() + " parameters given to name them");
        }
        return new OptimizerState(type(), buffers, counts);
    }

    @Override
    public void loadState(OptimizerState saved, Map<String, Tensor> parameters) {
        if (!saved.optimizer().equals(type())) {
            throw new IllegalArgumentException("the optimizer state was saved by " + saved.optimizer() + ", not by " + type());
        }
        Map<Tensor, float[][]> newState = new IdentityHashMap<>();
        Map<Tensor, int[]> newSteps = new IdentityHashMap<>();
        Set<String> used = new HashSet<>();
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            Tensor p = e.getValue();
            float[][] st = new float[stateNames.size()][];
            for (int i = 0; i < st.length; i++) {
                String key = e.getKey() + "." + stateNames.get(i);
                Tensor t = saved.buffers().get(key);
                if (t == null) continue;
                if (t.size() != p.size()) {
                    throw new IllegalArgumentException("optimizer state " + key + " has " + t.size() + " values but parameter "
                            + e.getKey() + " has " + p.size());
                }
                st[i] = t.data().clone();
                used.add(key);
            }
            long present = Arrays.stream(st).filter(b -> b != null).count();
            if (present == st.length && st.length > 0) newState.put(p, st);
            else if (present > 0) throw new IllegalArgumentException("optimizer state of " + e.getKey() + " is incomplete: " + type() + " needs " + stateNames);
            Integer count = saved.steps().get(e.getKey());
            if (count != null) newSteps.put(p, new int[] {count});
        }
        for (String key : saved.buffers().keySet()) {
            if (!used.contains(key)) throw new IllegalArgumentException("the optimizer state holds " + key + ", which matches no parameter of the model");
        }
        for (String key : saved.steps().keySet()) {
            if (!parameters.containsKey(key)) throw new IllegalArgumentException("the optimizer state counts steps of " + key + ", which is no parameter of the model");
        }
        state.clear();
        state.putAll(newState);
        steps.clear();
        steps.putAll(newSteps);
    }

    /** The name that marks this optimizer's saved state ({@code "Adam"}). */
    private String type() {
        return getClass().getSimpleName();
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
