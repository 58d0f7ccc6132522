package dev.beak.dataset;

/** Random access to labelled samples, all of one shape. */
public interface Dataset {
    int size();

    /** Shape of one sample, for example {@code [1, 28, 28]}. */
    int[] sampleShape();

    /** Shape of one label: {@code []} for a class index, {@code [K]} for a vector. */
    int[] labelShape();

    /** Copies sample {@code index} into {@code x} at {@code xOff} and its label into {@code y} at {@code yOff}. */
    void copy(int index, float[] x, int xOff, float[] y, int yOff);
}
