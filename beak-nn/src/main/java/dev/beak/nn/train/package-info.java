/**
 * The training loop ({@link dev.beak.nn.train.Trainer}), its options, listeners and callbacks (early
 * stopping, checkpoints, CSV log), per-epoch logs and {@link dev.beak.nn.train.History}.
 *
 * <p>Resuming: {@link dev.beak.nn.train.TrainingState} holds what a fit needs besides the weights
 * (optimizer state by parameter name, history, seed, random-stream positions); listeners receive it
 * after every epoch ({@link dev.beak.nn.train.TrainingListener#onCheckpoint}) and
 * {@link dev.beak.nn.train.FitOptions#resumeFrom} continues from it. Invariant: with the same thread
 * count, a resumed fit ends with the weights and figures of the uninterrupted one, bit for bit.
 */
package dev.beak.nn.train;
