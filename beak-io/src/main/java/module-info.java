/** Beak's own model files: one zip with model.json and weights in the safetensors layout, checkpoints. */
module dev.beak.io {
    requires transitive dev.beak.nn;
    requires transitive dev.beak.data;
    requires com.fasterxml.jackson.databind;

    exports dev.beak.io;
}
