package io.tributary.core.admin;

/**
 * An ACL, or an ACL filter, with every part named as Kafka names it ({@code TOPIC}, {@code LITERAL}, {@code READ},
 * {@code ALLOW}…). In a filter, a null string part matches anything, and so does the enum value {@code ANY}.
 */
public record AclEntry(String resourceType, String resourceName, String patternType, String principal, String host,
    String operation, String permission) {}
