/**
 * Data sources for training: {@link dev.beak.data.IdxReader} reads IDX files (the MNIST format,
 * gzipped or not) into {@link dev.beak.data.IdxFile}s; {@link dev.beak.data.Mnist} turns a pair of
 * them into a {@link dev.beak.dataset.TensorDataset} (images (N, 1, 28, 28) in [0, 1], labels (N) as
 * class indices); {@link dev.beak.data.EmbeddedMnist} serves the 10,000-digit sample shipped in this
 * module.
 *
 * <p>Invariant: a bad file fails with a {@link dev.beak.data.DataFileException} naming the file and
 * the problem, and header sizes are validated before any large array is allocated.
 */
package dev.beak.data;
