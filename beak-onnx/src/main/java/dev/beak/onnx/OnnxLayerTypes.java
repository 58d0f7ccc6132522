package dev.beak.onnx;

import dev.beak.nn.layer.LayerSpec;
import dev.beak.nn.layer.LayerTypeProvider;

import java.util.Map;

/** Registers the imported ONNX node as a layer type, so that model files hold imported graphs. */
public final class OnnxLayerTypes implements LayerTypeProvider {
    @Override
    public Map<String, Class<? extends LayerSpec>> layerTypes() {
        return Map.of("OnnxNode", OnnxNodeSpec.class);
    }
}
