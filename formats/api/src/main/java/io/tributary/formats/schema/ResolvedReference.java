package io.tributary.formats.schema;

/**
 * A referenced schema's text under the name the referencing schema uses for it. A schema's references are handed to
 * {@link SchemaFormat#parse(String, java.util.List)} flattened (references of references included, each name once)
 * and dependencies first, so that every text comes after the texts it refers to.
 */
public record ResolvedReference(String name, String schema) {}
