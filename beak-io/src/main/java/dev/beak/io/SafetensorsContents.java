package dev.beak.io;

import dev.beak.tensor.Tensor;

import java.util.Map;

/**
 * Everything a safetensors file holds: its tensors in header order and its {@code __metadata__}
 * strings (empty if the file has none).
 */
public record SafetensorsContents(Map<String, Tensor> tensors, Map<String, String> metadata) {}
