/**
 * Internal compute kernels on plain arrays: GEMM ({@link dev.beak.kernel.Gemm}, packed and
 * register-blocked on the Vector API, with a thin path for a few rows), convolution by banded
 * per-image or per-group GEMMs ({@link dev.beak.kernel.Conv2dKernel}) and by Winograd F(2x2, 3x3)
 * fused around the GEMM's register-tile kernel ({@link dev.beak.kernel.Winograd} for the forward pass
 * and input gradient, {@link dev.beak.kernel.WinogradWeights} for the weight gradient), max pooling
 * ({@link dev.beak.kernel.MaxPoolKernel}), the elementwise loops of ReLU, Adam and the batch-norm
 * sums ({@link dev.beak.kernel.Elementwise}, {@link dev.beak.kernel.ElementwiseKernel}), and the thread pool
 * ({@link dev.beak.kernel.Parallel}). Each fast kernel has a plain reference beside it (double
 * accumulation, in the main or the test sources) that tests compare it with. The Vector API path is
 * found at start-up; without it the scalar kernels run. Kernels keep per-thread scratch buffers that
 * they reuse across calls; op results come from {@link dev.beak.tensor.Workspace}.
 */
package dev.beak.kernel;
