package dev.orden.config.field;

/** One problem in a field definition: where it is (a JSON pointer into the document) and why it is wrong. */
public record DefinitionError(String pointer, String reason) {}
