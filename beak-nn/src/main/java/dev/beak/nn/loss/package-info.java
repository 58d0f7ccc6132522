/** Training objectives. */
package dev.beak.nn.loss;
