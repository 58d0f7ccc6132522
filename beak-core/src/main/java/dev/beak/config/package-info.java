/**
 * Configurations as data: {@link dev.beak.config.RecordConfig} writes any record to JSON-friendly
 * maps and reads it back strictly (model files describe every layer this way).
 */
package dev.beak.config;
