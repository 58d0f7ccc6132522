/** Model files: one zip with model.json and weights in the safetensors layout. */
module dev.beak.io {
    requires transitive dev.beak.nn;
    requires com.fasterxml.jackson.databind;

    exports dev.beak.io;
}
