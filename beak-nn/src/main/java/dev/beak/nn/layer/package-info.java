/** Layer specs (immutable configs with lazy build) and built layers with their parameters. */
package dev.beak.nn.layer;
