package dev.beak.dataset;

/**
 * Random access to labelled samples, all of one shape. A dataset for a model with several inputs or
 * outputs ({@link MultiTensorDataset}) overrides the plural methods; the singular ones describe its
 * first input and target.
 */
public interface Dataset {
    int size();

    /** Shape of one sample, for example {@code [1, 28, 28]}. */
    int[] sampleShape();

    /** Shape of one label: {@code []} for a class index, {@code [K]} for a vector. */
    int[] labelShape();

    /** Copies sample {@code index} into {@code x} at {@code xOff} and its label into {@code y} at {@code yOff}. */
    void copy(int index, float[] x, int xOff, float[] y, int yOff);

    /** Shapes of one sample of every model input; by default the one {@link #sampleShape()}. */
    default int[][] sampleShapes() {
        return new int[][] {sampleShape()};
    }

    /** Shapes of one label of every model output; by default the one {@link #labelShape()}. */
    default int[][] labelShapes() {
        return new int[][] {labelShape()};
    }

    /**
     * Copies sample {@code index} into slot {@code slot} of per-input arrays {@code x} and per-output
     * arrays {@code y} (batch arrays laid out like {@link #sampleShapes()} and {@link #labelShapes()}).
     */
    default void copy(int index, float[][] x, float[][] y, int slot) {
        copy(index, x[0], slot * dev.beak.tensor.Shape.size(sampleShape()), y[0], slot * dev.beak.tensor.Shape.size(labelShape()));
    }
}
