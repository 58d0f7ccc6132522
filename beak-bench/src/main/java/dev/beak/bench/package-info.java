/**
 * Benchmarks of whole workloads (WORKLOADS.md: W1 MNIST CNN, W2 CIFAR CNN, W3 VGG16, W4 ResNet-18)
 * on random data, reported like the PyTorch reference runner: one human line and one JSON line per
 * figure, median of the timed repetitions after warm-up. {@link dev.beak.bench.WorkloadBench} runs them;
 * {@link dev.beak.bench.ModelBench} times any model's inference (imported ONNX files) like ONNX
 * Runtime's reference runner.
 */
package dev.beak.bench;
