package dev.beak.data.image;

/** How an image is brought to the target size. */
public enum ResizeMode {
    /** Scale to cover the target keeping the aspect ratio, then cut the centre (Keras' {@code crop_to_aspect_ratio}). */
    CROP,
    /** Scale each axis on its own; the aspect ratio changes. */
    STRETCH
}
