package dev.orden.plugin.notification;

/** Who a message is for: their user id, e-mail (may be null), name (may be null) and language ({@code es}, {@code en}). */
public record Recipient(String id, String email, String name, String language) {}
