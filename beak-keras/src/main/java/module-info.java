/** Keras model import: Keras 2 .h5, Keras 3 .keras and TensorFlow.js layers models as channels-first Beak models. */
module dev.beak.keras {
    requires transitive dev.beak.io;
    requires com.fasterxml.jackson.databind;
    // Automatic module: jHDF, a pure-Java HDF5 reader (MIT).
    requires io.jhdf;

    exports dev.beak.keras;
}
