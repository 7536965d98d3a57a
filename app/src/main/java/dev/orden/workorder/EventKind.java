package dev.orden.workorder;

public enum EventKind { CREATED, UPDATED, STATUS_CHANGED, ASSIGNED, COMMENTED }
