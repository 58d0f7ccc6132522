/**
 * What the live page, the dashboard, {@code beak serve} and the TensorBoard logger share: {@link dev.beak.web.Http}
 * (a JDK HTTP server on virtual threads, bounded bodies, JSON answers, pages inside the jar) and the statistics
 * of a model in training ({@link dev.beak.web.Histogram}, {@link dev.beak.web.ModelStatistics},
 * {@link dev.beak.web.UpdateRatios}, {@link dev.beak.web.ValidationSamples}).
 */
package dev.beak.web;
