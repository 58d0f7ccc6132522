/**
 * Optimizers: {@link dev.beak.nn.optim.Sgd} (momentum, Nesterov), {@link dev.beak.nn.optim.Adam},
 * {@link dev.beak.nn.optim.AdamW}, {@link dev.beak.nn.optim.Adagrad}, {@link dev.beak.nn.optim.RmsProp},
 * {@link dev.beak.nn.optim.Adadelta}; all share (in {@link dev.beak.nn.optim.AbstractOptimizer}) coupled L2
 * weight decay, {@link dev.beak.nn.optim.GradientClipping}, a {@link dev.beak.nn.optim.LearningRateSchedule}
 * and per-group learning-rate multipliers ({@link dev.beak.nn.optim.ParameterGroup}).
 */
package dev.beak.nn.optim;
