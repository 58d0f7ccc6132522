/**
 * {@code beak serve}: {@link dev.beak.web.serve.ModelServer} (POST /predict, GET /model, the drawing page),
 * the model behind it run one request at a time, and strict readers of posted tensors (nested JSON arrays,
 * NumPy {@code .npy}). Invariant: every answer is JSON, every error {@code {"error": "..."}} with its status.
 */
package dev.beak.web.serve;
