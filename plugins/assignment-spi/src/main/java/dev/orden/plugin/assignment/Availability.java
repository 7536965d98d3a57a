package dev.orden.plugin.assignment;

/** Whether an agent takes new work now: {@code AWAY} agents (on leave, off shift) are never chosen. */
public enum Availability { ACTIVE, AWAY }
