package dev.beak.io;

import dev.beak.nn.Model;

import java.util.Map;

/** A model read from a file, with the free-form metadata stored beside it (e.g. its test accuracy). */
public record SavedModel(Model model, Map<String, String> metadata) {}
