/**
 * Image files: strict decoding of JPEG, PNG, BMP and GIF ({@link dev.beak.data.image.ImageFiles}),
 * class-per-subfolder datasets ({@link dev.beak.data.image.ImageFolder},
 * {@link dev.beak.data.image.ImageDataset}) and the float image value they work on
 * ({@link dev.beak.data.image.FloatImage}, channels first, 0..255). {@link dev.beak.data.image.InputGeometry}
 * is the whole way from a file to a model's raw input (size, colour, resize mode, centre crop,
 * {@link dev.beak.data.image.InputRange}), as a model file stores it.
 *
 * <p>Invariant: a file that cannot be decoded exactly is a {@link dev.beak.data.DataFileException}
 * naming it; with {@code skipBad} it is left out and reported, never silently.
 */
package dev.beak.data.image;
