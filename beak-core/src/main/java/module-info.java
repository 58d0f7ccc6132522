/**
 * Beak's engine: float32 tensors, define-by-run autograd, the ops of a CNN and their kernels.
 * Kernels are internal; the Vector API is optional (found at start-up).
 */
module dev.beak.core {
    requires static jdk.incubator.vector;

    exports dev.beak.tensor;
    exports dev.beak.autograd;
    exports dev.beak.ops;
    exports dev.beak.dataset;
    exports dev.beak.config;
    // Internal kernels, opened to Beak's own modules only (benchmarks, tests of other modules).
    exports dev.beak.kernel to dev.beak.nn, dev.beak.bench, dev.beak.cli;
}
