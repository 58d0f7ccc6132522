/** Define-by-run reverse-mode autograd: {@link dev.beak.autograd.Autograd}, the tape's {@link dev.beak.autograd.Node}s. */
package dev.beak.autograd;
