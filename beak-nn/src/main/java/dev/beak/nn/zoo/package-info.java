/** Named example networks: the seed notes' MNIST and CIFAR CNNs. */
package dev.beak.nn.zoo;
