/**
 * The classic networks: LeNet-5, AlexNet (torchvision's and TFLearn's), ZFNet, VGG-11/13/16/19 (with and
 * without batch norm), GoogLeNet, ResNet-18 to 152, SqueezeNet 1.1, MobileNetV2, DenseNet-121/169/201,
 * each in its own small file and all by name in {@link dev.beak.nn.zoo.Zoo}; plus the seed notes' MNIST
 * and CIFAR CNNs, the Inception block and the fixed-size {@link dev.beak.nn.zoo.Vgg16} of the benchmarks.
 *
 * <p>Invariants: every family takes {@link dev.beak.nn.zoo.NetworkOptions} (classes, input shape, width,
 * seed) and returns an unbuilt model (weights are allocated by {@code build} or the first batch), so
 * that {@link dev.beak.nn.ModelProfile} of the largest network costs nothing; at width 1 and the
 * reference input, parameter counts equal the reference implementations' (the tests assert them).
 */
package dev.beak.nn.zoo;
