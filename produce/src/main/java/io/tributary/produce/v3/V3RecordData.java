package io.tributary.produce.v3;

/**
 * A v3 record's key or value as the client sent it: the type (null means "resolve the schema from the registry"),
 * the schema selectors and the data, not yet converted.
 *
 * @param subjectNameStrategy TOPIC_NAME, RECORD_NAME or TOPIC_RECORD_NAME, or null
 * @param data any JSON value (Vert.x JSON types); null when absent or JSON null
 */
record V3RecordData(V3DataType type, String subject, String subjectNameStrategy, Integer schemaId,
    Integer schemaVersion, String schema, Object data) {}
