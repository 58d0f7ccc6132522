/** Model files (one zip with model.json and weights in the safetensors layout) and ONNX import. */
module dev.beak.io {
    requires transitive dev.beak.nn;
    requires transitive dev.beak.data;
    requires com.fasterxml.jackson.databind;
    // Automatic modules: the ONNX protobuf classes (ai.onnx.proto; in the ONNX API) and their runtime.
    requires transitive org.tribuo.util.onnx;
    requires com.google.protobuf;

    exports dev.beak.io;
    exports dev.beak.io.onnx;

    provides dev.beak.nn.layer.LayerTypeProvider with dev.beak.io.onnx.OnnxLayerTypes;
}
