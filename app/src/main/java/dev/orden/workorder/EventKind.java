package dev.orden.workorder;

/**
 * What a history entry records; {@code RULE_FAILED} is a flow rule that failed or whose effect was refused;
 * {@code NOT_ASSIGNED} is an automatic assignment that found no one (an internal note saying why); {@code SLA_BREACHED} an SLA target missed;
 * {@code REMINDER_SCHEDULED} a reminder a flow rule set (an internal note: when, to whom);
 * {@code TRANSFERRED} a part of a transfer to another team or area (team, area, assignee), with its reason;
 * {@code RATED} the requester's satisfaction rating (field {@code satisfaction}, to the score, the comment);
 * {@code ATTACHMENT_ADDED}/{@code _REMOVED} a file (name, size) and {@code ATTACHMENT_REJECTED} one a scanner refused;
 * {@code SCHEDULED} the planned visit set, moved or cleared (field {@code schedule}, ISO intervals {@code start/end}).
 */
public enum EventKind { CREATED, UPDATED, STATUS_CHANGED, ASSIGNED, COMMENTED, RULE_FAILED, NOT_ASSIGNED,
    SLA_BREACHED, REMINDER_SCHEDULED, TRANSFERRED, RATED,
    ATTACHMENT_ADDED, ATTACHMENT_REMOVED, ATTACHMENT_REJECTED, SCHEDULED }
