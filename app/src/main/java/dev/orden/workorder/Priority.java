package dev.orden.workorder;

public enum Priority { LOW, NORMAL, HIGH, URGENT }
