/**
 * Custom fields of a tenant's configuration: definitions read from JSON ({@link
 * dev.orden.config.field.FieldDefinitionParser}, every error with its JSON pointer), and the values of a work order
 * checked against them ({@link dev.orden.config.field.FieldValuesValidator}, every error on {@code
 * customFields.<key>}). One class per field type, rule and condition operator; no container needed.
 */
package dev.orden.config.field;
