/**
 * Runnable examples, one per system of the notes: each {@link dev.beak.examples.Example} trains a
 * network on real data that a Debian package installs (or that ships with Beak), and reports its test
 * accuracy beside a baseline (the majority class, or a simple model without convolutions), so that
 * "it learns" is a number. {@link dev.beak.examples.Examples} is the registry behind
 * {@code beak example list} and {@code beak example NAME [--quick]}.
 *
 * <p>Invariant: an example whose data is missing fails with {@link dev.beak.examples.MissingDataException},
 * naming the package to install; it never downloads anything.
 */
package dev.beak.examples;
