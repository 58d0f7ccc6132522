package dev.beak.nn.layer;

import java.util.Map;

/**
 * A service through which a module adds its layer types to {@link LayerTypes} (beak-io adds the
 * imported ONNX node). Declared with {@code provides} in module-info and in
 * {@code META-INF/services} for the class path.
 */
public interface LayerTypeProvider {
    /** Type names and their spec records. */
    Map<String, Class<? extends LayerSpec>> layerTypes();
}
