/** {@link dev.beak.tensor.Tensor}: float32, a shape and a contiguous row-major array (NCHW for images). */
package dev.beak.tensor;
