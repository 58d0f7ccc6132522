package dev.beak.dataset;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

import java.util.List;

/**
 * A dataset for a model with several inputs or outputs, held as tensors: one (N, ...) tensor per
 * model input and one (N) or (N, K) target per model output, in the model's order.
 * {@snippet :
 * var train = new MultiTensorDataset(List.of(tokens, lengths), List.of(language, script));
 * model.fit(train, FitOptions.epochs(5));
 * }
 */
public record MultiTensorDataset(List<Tensor> inputs, List<Tensor> targets) implements Dataset {
    public MultiTensorDataset {
        inputs = List.copyOf(inputs);
        targets = List.copyOf(targets);
        if (inputs.isEmpty() || targets.isEmpty()) throw new IllegalArgumentException("a dataset needs at least one input and one target");
        int n = inputs.getFirst().dim(0);
        for (int i = 0; i < inputs.size() + targets.size(); i++) {
            Tensor t = i < inputs.size() ? inputs.get(i) : targets.get(i - inputs.size());
            if (t.rank() < 1 || t.dim(0) != n) {
                throw new IllegalArgumentException((i < inputs.size() ? "input " + i : "target " + (i - inputs.size())) + " "
                        + Shape.toString(t.shape()) + " must have " + n + " samples, as input 0 " + Shape.toString(inputs.getFirst().shape()) + " has");
            }
        }
    }

    @Override
    public int size() {
        return inputs.getFirst().dim(0);
    }

    @Override
    public int[] sampleShape() {
        return Shape.dropFirst(inputs.getFirst().shape());
    }

    @Override
    public int[] labelShape() {
        return Shape.dropFirst(targets.getFirst().shape());
    }

    @Override
    public int[][] sampleShapes() {
        return inputs.stream().map(t -> Shape.dropFirst(t.shape())).toArray(int[][]::new);
    }

    @Override
    public int[][] labelShapes() {
        return targets.stream().map(t -> Shape.dropFirst(t.shape())).toArray(int[][]::new);
    }

    /** Copies the first input and target only; batching uses {@link #copy(int, float[][], float[][], int)}. */
    @Override
    public void copy(int index, float[] x, int xOff, float[] y, int yOff) {
        copyRow(inputs.getFirst(), index, x, xOff);
        copyRow(targets.getFirst(), index, y, yOff);
    }

    @Override
    public void copy(int index, float[][] x, float[][] y, int slot) {
        for (int k = 0; k < inputs.size(); k++) copyRow(inputs.get(k), index, x[k], slot * (inputs.get(k).size() / size()));
        for (int k = 0; k < targets.size(); k++) copyRow(targets.get(k), index, y[k], slot * (targets.get(k).size() / size()));
    }

    private void copyRow(Tensor t, int index, float[] dst, int off) {
        int s = t.size() / size();
        System.arraycopy(t.data(), index * s, dst, off, s);
    }
}
