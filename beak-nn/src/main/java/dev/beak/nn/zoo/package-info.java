/** Named networks: the seed notes' MNIST and CIFAR CNNs, GoogLeNet's Inception block, ResNet. */
package dev.beak.nn.zoo;
