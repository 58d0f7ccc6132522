/**
 * Models: the graph {@link dev.beak.nn.Model} and its {@link dev.beak.nn.Sequential} sugar, with
 * Keras-like compile / fit / evaluate / predict and {@code summary()}; {@link dev.beak.nn.ModelProfile},
 * the per-layer memory and multiply-add table, worked out by {@link dev.beak.nn.LayerCost} from the
 * layer specs without building them. What a model file keeps besides the architecture and weights:
 * its {@link dev.beak.nn.TrainingSettings} (frozen layers, learning-rate multipliers) and its
 * {@link dev.beak.nn.CompileConfig} (loss and metrics).
 */
package dev.beak.nn;
