/** Metrics: accuracy. */
package dev.beak.nn.metric;
