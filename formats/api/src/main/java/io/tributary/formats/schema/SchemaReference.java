package io.tributary.formats.schema;

/**
 * A schema reference as Confluent's registry API carries it: {@code name} is how the referencing schema names the
 * referenced one (an Avro type's full name, a Protobuf import path, a JSON Schema {@code $ref}), {@code subject}
 * and {@code version} say which registered version it is.
 */
public record SchemaReference(String name, String subject, int version) {}
