/**
 * TensorBoard event files without a protobuf runtime: {@link dev.beak.web.tensorboard.TensorBoardLogger}
 * (a training listener) writes scalars, histograms and images through {@link dev.beak.web.tensorboard.EventFileWriter},
 * which encodes the few Event and Summary fields by hand and frames them as TFRecords with masked CRC-32C.
 */
package dev.beak.web.tensorboard;
