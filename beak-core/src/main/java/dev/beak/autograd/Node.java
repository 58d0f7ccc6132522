package dev.beak.autograd;

import dev.beak.tensor.Tensor;

import java.util.List;

/** One recorded op application on the tape: its name, its inputs and its backward pass. */
public record Node(String op, List<Tensor> inputs, GradFn gradFn) {}
