package io.tributary.formats.registry.convert;

import io.tributary.formats.schema.ParsedSchema;

/** The schema a request's data is written with: its registry id, the subject and version it was found under. */
record ResolvedSchema(int id, String subject, int version, ParsedSchema parsed) {}
