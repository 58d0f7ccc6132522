/**
 * Training objectives: {@link dev.beak.nn.loss.MeanSquaredError}, {@link dev.beak.nn.loss.MeanAbsoluteError},
 * {@link dev.beak.nn.loss.BinaryCrossEntropy}, {@link dev.beak.nn.loss.CategoricalCrossEntropy},
 * {@link dev.beak.nn.loss.SparseCategoricalCrossEntropy}, {@link dev.beak.nn.loss.CategoricalHinge} and
 * {@link dev.beak.nn.loss.CrossEntropy} (logits, either label form). Each has a {@link dev.beak.nn.loss.Reduction}.
 * {@link dev.beak.nn.loss.Losses} turns the built-in ones into JSON-ready configs and back (for model files).
 * The math and its gradients live in the ops of {@code dev.beak.ops}.
 */
package dev.beak.nn.loss;
