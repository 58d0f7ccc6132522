/**
 * Data sources for training: {@link dev.beak.data.IdxReader} reads IDX files (the MNIST and
 * Fashion-MNIST format, gzipped or not) into {@link dev.beak.data.IdxFile}s; {@link dev.beak.data.Mnist}
 * turns a pair of them into a {@link dev.beak.dataset.TensorDataset} (images (N, 1, 28, 28) in [0, 1],
 * labels (N) as class indices); {@link dev.beak.data.Cifar} reads the CIFAR-10 and CIFAR-100 binary
 * files; {@link dev.beak.data.EmbeddedMnist} serves the 10,000-digit sample shipped in this module;
 * {@link dev.beak.data.Downloader} fetches {@link dev.beak.data.PublicDataset}s and checks their pinned
 * SHA-256; {@link dev.beak.data.Inspector} reports on data folders and files. Image folders, the
 * loader, preprocessing and augmentation live in the subpackages.
 *
 * <p>Invariant: a bad file fails with a {@link dev.beak.data.DataFileException} naming the file and
 * the problem, and header sizes are validated before any large array is allocated. Where bad files may
 * be skipped ({@code skipBad}), each one is listed in a {@link dev.beak.data.SkipReport}.
 */
package dev.beak.data;
