package dev.orden.workorder;

/** What a history entry records; {@code RULE_FAILED} is a flow rule that failed or whose effect was refused. */
public enum EventKind { CREATED, UPDATED, STATUS_CHANGED, ASSIGNED, COMMENTED, RULE_FAILED, SLA_BREACHED }
