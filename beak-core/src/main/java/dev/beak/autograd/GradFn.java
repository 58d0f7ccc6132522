package dev.beak.autograd;

/**
 * The backward pass of one op application: given the gradient of the loss with respect to the op's
 * output, add the gradients with respect to its inputs into their {@code gradBuffer()}s (only for
 * inputs that {@code requiresGrad()}).
 */
@FunctionalInterface
public interface GradFn {
    void backward(float[] gradOutput);
}
