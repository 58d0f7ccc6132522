/**
 * Models: the graph {@link dev.beak.nn.Model} and its {@link dev.beak.nn.Sequential} sugar, with
 * Keras-like compile / fit / evaluate / predict and {@code summary()}; {@link dev.beak.nn.ModelProfile},
 * the per-layer memory and multiply-add table, worked out by {@link dev.beak.nn.LayerCost} from the
 * layer specs without building them.
 */
package dev.beak.nn;
