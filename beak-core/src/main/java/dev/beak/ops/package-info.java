/**
 * The ops of a CNN, each one file holding its forward and backward pass; {@link dev.beak.ops.Ops} is
 * the facade. Ops take and return {@link dev.beak.tensor.Tensor}s and record themselves for autograd.
 */
package dev.beak.ops;
