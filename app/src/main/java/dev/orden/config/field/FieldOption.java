package dev.orden.config.field;

/** One allowed value of a select or multiselect field. */
public record FieldOption(String value, LocalizedText label) {}
