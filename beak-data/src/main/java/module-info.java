/** Datasets: IDX (MNIST) files, the embedded MNIST sample, in-memory data. */
module dev.beak.data {
    requires transitive dev.beak.core;

    exports dev.beak.data;
}
