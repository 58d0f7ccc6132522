/** Optimizers: SGD with momentum, Adam. */
package dev.beak.nn.optim;
