/** The training loop, its options, listeners and callbacks (early stopping, checkpoints, CSV log), per-epoch logs and History. */
package dev.beak.nn.train;
