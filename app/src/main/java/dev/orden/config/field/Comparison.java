package dev.orden.config.field;

import jakarta.json.JsonValue;

/**
 * A value a condition compares a field with, and where the condition says so; checked once all fields are read.
 * {@code item} when the operand stands for one item of the field ("in"), not its whole value ("equals").
 */
record Comparison(String pointer, String field, JsonValue operand, boolean item) {}
