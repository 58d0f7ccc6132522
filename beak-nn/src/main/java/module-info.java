/** Layers, models, losses, optimizers, metrics and the training loop. */
module dev.beak.nn {
    requires transitive dev.beak.core;

    exports dev.beak.nn;
    exports dev.beak.nn.layer;
    exports dev.beak.nn.loss;
    exports dev.beak.nn.optim;
    exports dev.beak.nn.metric;
    exports dev.beak.nn.train;
    exports dev.beak.nn.zoo;

    uses dev.beak.nn.layer.LayerTypeProvider;
}
