package dev.beak.onnx;

import dev.beak.nn.layer.LayerSpec;

/** How one layer type is written as ONNX nodes (a row of {@link LayerExports}). */
@FunctionalInterface
interface LayerExport<S extends LayerSpec> {
    void write(S spec, ExportStep step);
}
