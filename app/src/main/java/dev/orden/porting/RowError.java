package dev.orden.porting;

/** One problem of an imported row: its number (the first row after the header is 1), column and message. */
public record RowError(long row, String column, String message) {}
