/**
 * The contract between data sources and training: a {@link dev.beak.dataset.Dataset} gives random
 * access to (sample, label) pairs; {@link dev.beak.dataset.Batches} cuts it into (optionally shuffled,
 * seeded) {@link dev.beak.dataset.Batch}es. beak-data implements sources (IDX, CIFAR, image folders);
 * beak-nn's training loop consumes batches. Labels are floats: a class index (label shape {@code []})
 * or a vector such as a one-hot row (label shape {@code [K]}).
 */
package dev.beak.dataset;
