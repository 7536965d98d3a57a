package dev.orden.config.workflow;

import dev.orden.config.field.LocalizedText;

/** A state of a workflow: its key (stored on the order), its name per language and its category. */
public record WorkflowState(String key, LocalizedText name, StateCategory category) {}
