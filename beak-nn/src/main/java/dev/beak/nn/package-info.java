/**
 * Models: the graph {@link dev.beak.nn.Model} and its {@link dev.beak.nn.Sequential} sugar, with
 * Keras-like compile / fit / evaluate / predict and {@code summary()}; {@link dev.beak.nn.ModelProfile},
 * the per-layer memory and multiply-add table, worked out by {@link dev.beak.nn.LayerCost} from the
 * layer specs without building them. What a model file keeps besides the architecture and weights:
 * its {@link dev.beak.nn.TrainingSettings} (frozen layers, learning-rate multipliers) and its
 * {@link dev.beak.nn.CompileConfig} (loss and metrics).
 *
 * <p>Transfer learning: {@link dev.beak.nn.Model#truncatedAt} and {@link dev.beak.nn.Model#followedBy}
 * make new models that share layers (and so weights) with the models they come from;
 * {@link dev.beak.nn.TransferRecipe} is the two-phase recipe (new head on a frozen base, then fine-tuning).
 */
package dev.beak.nn;
