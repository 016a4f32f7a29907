package io.tributary.core.format;

/**
 * How a request names the schema its data is written with (kafka-rest v3 §2.2–2.3; v1/v2 use the raw schema or the
 * id only). At most one of {@code schema}, {@code schemaId} and {@code schemaVersion} is set; with none, the latest
 * version of the subject is used. At most one of {@code subject} and {@code subjectNameStrategy} is set; with
 * neither, the subject follows the topic name ({@code <topic>-key} / {@code <topic>-value}).
 *
 * @param subject an explicit registry subject, or null
 * @param subjectNameStrategy {@code TOPIC_NAME}, {@code RECORD_NAME}, {@code TOPIC_RECORD_NAME} (or a Confluent
 *     strategy class name), or null
 * @param schema a raw schema text in the request's format, registered under the subject when it is new
 * @param schemaId a registry id
 * @param schemaVersion a version of the subject
 */
public record SchemaSpec(String subject, String subjectNameStrategy, String schema, Integer schemaId,
    Integer schemaVersion) {

  /** A raw schema text under the default subject (v1/v2 {@code *_schema}). */
  public static SchemaSpec ofSchema(String schema) {
    return new SchemaSpec(null, null, schema, null, null);
  }

  /** A registry id (v1/v2 {@code *_schema_id}). */
  public static SchemaSpec ofId(int schemaId) {
    return new SchemaSpec(null, null, null, schemaId, null);
  }

  /** The latest version of the default subject. */
  public static SchemaSpec latest() {
    return new SchemaSpec(null, null, null, null, null);
  }
}
