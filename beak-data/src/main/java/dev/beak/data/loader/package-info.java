/**
 * Feeding training: {@link dev.beak.data.loader.DataLoader} (background decoding, augmentation and
 * preprocessing with bounded prefetch, deterministic for a seed) and feature caching
 * ({@link dev.beak.data.loader.Features}, {@link dev.beak.data.loader.FeatureFile}).
 */
package dev.beak.data.loader;
