package dev.beak.data.image;

/** The channels images are converted to, whatever the file holds. */
public enum ColorMode {
    GREY(1), RGB(3);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    public int channels() {
        return channels;
    }
}
