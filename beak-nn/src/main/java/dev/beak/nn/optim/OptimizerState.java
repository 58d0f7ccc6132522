package dev.beak.nn.optim;

import dev.beak.tensor.Tensor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's per-parameter state by parameter name, for checkpoints: its buffers named
 * {@code <parameter>.<buffer>} ({@code conv2d.weight.m}, {@code conv2d.weight.v} for Adam) and its
 * update counts by parameter ({@code conv2d.weight -> 250}). Parameters that were never updated have
 * no entries; both maps keep the given order (the parameters'). {@code optimizer} is the type that wrote it ({@code "Adam"}); loading checks it.
 * Made by {@link Optimizer#saveState}, the buffers share the optimizer's memory until its next step.
 */
public record OptimizerState(String optimizer, Map<String, Tensor> buffers, Map<String, Integer> steps) {
    public OptimizerState {
        buffers = Collections.unmodifiableMap(new LinkedHashMap<>(buffers));
        steps = Collections.unmodifiableMap(new LinkedHashMap<>(steps));
    }

    /** The same state in buffers of its own, for keeping beyond the optimizer's next step. */
    public OptimizerState copy() {
        Map<String, Tensor> own = new LinkedHashMap<>();
        buffers.forEach((name, t) -> own.put(name, Tensor.of(t.data().clone(), t.shape())));
        return new OptimizerState(optimizer, own, steps);
    }
}
