/**
 * Models: the graph {@link dev.beak.nn.Model} and its {@link dev.beak.nn.Sequential} sugar, with
 * Keras-like compile / fit / evaluate / predict and {@code summary()}.
 */
package dev.beak.nn;
