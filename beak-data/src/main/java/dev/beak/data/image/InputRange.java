package dev.beak.data.image;

/**
 * The value range of a model's raw pixel input, before any fitted preprocessing: image folders decode
 * to {@link #BYTE}; IDX (MNIST) and CIFAR files are read as {@link #UNIT}.
 */
public enum InputRange {
    /** 0..255, as image files decode. */
    BYTE(255),
    /** 0..1: decoded pixels divided by 255. */
    UNIT(1);

    private final int max;

    InputRange(int max) {
        this.max = max;
    }

    /** The largest value: 255 or 1 (the smallest is 0). */
    public int max() {
        return max;
    }
}
