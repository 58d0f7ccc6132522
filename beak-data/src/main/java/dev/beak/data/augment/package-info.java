/**
 * Augmentation of training images: random crops (and pad-and-crop), flips, one affine warp for
 * rotation, shift, shear and zoom, colour jitter and Gaussian noise. Each is an immutable
 * {@link dev.beak.data.augment.Augmentation} drawing from a given generator, composable with
 * {@code then}; built by {@link dev.beak.data.augment.Augmentations}.
 *
 * <p>Invariant: the same generator state gives the same result; images are never changed in place.
 */
package dev.beak.data.augment;
