package dev.beak.dataset;

import dev.beak.tensor.Shape;
import dev.beak.tensor.Tensor;

/** A dataset held as two tensors: samples {@code x} (N, ...) and labels {@code y} (N) or (N, K). */
public record TensorDataset(Tensor x, Tensor y) implements Dataset {
    public TensorDataset {
        if (x.rank() < 1 || y.rank() < 1 || x.dim(0) != y.dim(0)) {
            throw new IllegalArgumentException("samples " + Shape.toString(x.shape()) + " and labels "
                    + Shape.toString(y.shape()) + " must have the same first dimension");
        }
    }

    @Override
    public int size() {
        return x.dim(0);
    }

    @Override
    public int[] sampleShape() {
        return Shape.dropFirst(x.shape());
    }

    @Override
    public int[] labelShape() {
        return Shape.dropFirst(y.shape());
    }

    @Override
    public void copy(int index, float[] xs, int xOff, float[] ys, int yOff) {
        int sx = x.size() / size(), sy = y.size() / size();
        System.arraycopy(x.data(), index * sx, xs, xOff, sx);
        System.arraycopy(y.data(), index * sy, ys, yOff, sy);
    }

    /** The samples {@code [from, to)} as a new dataset sharing nothing with this one. */
    public TensorDataset slice(int from, int to) {
        int sx = x.size() / size(), sy = y.size() / size();
        float[] xs = java.util.Arrays.copyOfRange(x.data(), from * sx, to * sx);
        float[] ys = java.util.Arrays.copyOfRange(y.data(), from * sy, to * sy);
        return new TensorDataset(Tensor.of(xs, Shape.prepend(to - from, sampleShape())),
                Tensor.of(ys, Shape.prepend(to - from, labelShape())));
    }
}
