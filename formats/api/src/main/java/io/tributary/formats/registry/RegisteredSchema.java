package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaType;

/** A schema as the registry knows it by id ({@code GET /schemas/ids/{id}}). */
public record RegisteredSchema(int id, SchemaType type, String schema) {}
