package io.tributary.core.admin;

/** A lower-precedence source of a config's value; {@code value} is null when sensitive or unset. */
public record ConfigSynonymValue(String name, String value, String source) {}
