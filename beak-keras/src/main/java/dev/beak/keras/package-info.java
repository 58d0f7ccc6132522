/**
 * Keras import. {@link dev.beak.keras.KerasImporter#load} reads a Keras 2 {@code .h5} file, a Keras 3
 * {@code .keras} archive or a TensorFlow.js layers model ({@code model.json} with binary weight shards)
 * and returns a Beak {@link dev.beak.nn.Model} of native layers: trainable and saveable as {@code .beak}.
 *
 * <p>Keras computes channels-last, Beak channels-first: every tensor of rank two or more per sample
 * keeps its channel axis first here, kernels are transposed as they are read, and a Flatten that
 * feeds a Dense layer flattens in (C, H, W) order with the Dense rows permuted to match, so outputs
 * equal the Keras model's. Declared sizes in every file are checked against limits before anything is
 * allocated; a bad file fails with one {@link dev.beak.data.DataFileException} naming it.
 */
package dev.beak.keras;
