package dev.beak.nn;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's per-layer training settings by layer name, as a model file stores them: the frozen
 * layers and the learning-rate multipliers that differ from 1. Layers not named are trainable with
 * multiplier 1, so {@link #NONE} is a model straight from construction.
 *
 * {@snippet :
 * model.freezeUpTo("conv2d_2").setLearningRateMultiplier("dense", 10);
 * TrainingSettings s = model.trainingSettings();   // frozen [conv2d, ..., conv2d_2], {dense: 10.0, dense_1: 10.0}
 * other.setTrainingSettings(s);                      // the same settings on a model with the same layer names
 * }
 */
public record TrainingSettings(List<String> frozen, Map<String, Double> learningRateMultipliers) {
    public static final TrainingSettings NONE = new TrainingSettings(List.of(), Map.of());

    public TrainingSettings {
        frozen = List.copyOf(frozen);
        for (Map.Entry<String, Double> e : learningRateMultipliers.entrySet()) {
            double m = e.getValue();
            if (!(m >= 0 && Double.isFinite(m))) {
                throw new IllegalArgumentException("learning-rate multiplier of " + e.getKey() + " must be finite and >= 0, got " + m);
            }
        }
        learningRateMultipliers = Collections.unmodifiableMap(new LinkedHashMap<>(learningRateMultipliers));
    }

    /** True when nothing is frozen and every multiplier is 1. */
    public boolean isNone() {
        return frozen.isEmpty() && learningRateMultipliers.isEmpty();
    }

    /** The settings of the layers in {@code names} only (for a part of the model). */
    public TrainingSettings restrictedTo(Collection<String> names) {
        Map<String, Double> m = new LinkedHashMap<>(learningRateMultipliers);
        m.keySet().retainAll(names);
        return new TrainingSettings(frozen.stream().filter(names::contains).toList(), m);
    }
}
