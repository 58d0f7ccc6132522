/** The training loop, its options, listener, per-epoch logs and History. */
package dev.beak.nn.train;
