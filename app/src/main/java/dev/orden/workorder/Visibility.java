package dev.orden.workorder;

/** Public entries are seen by the requester; internal ones only by the tenant's staff. */
public enum Visibility { PUBLIC, INTERNAL }
