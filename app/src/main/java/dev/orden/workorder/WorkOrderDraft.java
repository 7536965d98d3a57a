package dev.orden.workorder;

import java.time.Instant;

/** The validated content of a new work order; {@code customFields} is a JSON object's text. */
record WorkOrderDraft(String title, String description, String type, Priority priority, String area, Instant dueAt,
                      String customFields) {}
