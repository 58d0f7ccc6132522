/**
 * Internal compute kernels on plain arrays: GEMM, im2col/col2im, pooling, the thread pool. Each fast
 * kernel has a plain reference kernel beside it (double accumulation) that tests compare it with.
 * The Vector API path is found at start-up; without it the scalar kernels run.
 */
package dev.beak.kernel;
