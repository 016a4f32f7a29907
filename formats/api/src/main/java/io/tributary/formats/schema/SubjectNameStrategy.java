package io.tributary.formats.schema;

import io.tributary.formats.InvalidSchemaException;
import java.util.Locale;
import java.util.Optional;

/** How the registry subject of a record's key or value schema is derived (kafka-rest {@code subject_name_strategy}). */
public enum SubjectNameStrategy {
  /** {@code <topic>-key} / {@code <topic>-value}; the default, and the only one that needs no schema. */
  TOPIC_NAME("TopicNameStrategy"),
  /** The record name alone (no key/value suffix). */
  RECORD_NAME("RecordNameStrategy"),
  /** {@code <topic>-<record name>}. */
  TOPIC_RECORD_NAME("TopicRecordNameStrategy");

  private final String confluentClassName;

  SubjectNameStrategy(String simpleClassName) {
    this.confluentClassName = "io.confluent.kafka.serializers.subject." + simpleClassName;
  }

  /** Whether the subject can only be derived from a schema (a record name), not from the topic alone. */
  public boolean needsSchema() {
    return this != TOPIC_NAME;
  }

  /**
   * The subject for a topic's key or value written with {@code schema}.
   *
   * @param schema may be null for {@link #TOPIC_NAME}
   * @throws InvalidSchemaException when a record-based strategy meets a schema without a record name
   * @throws IllegalArgumentException when a record-based strategy gets no schema (a caller error: check
   *     {@link #needsSchema()} first)
   */
  public String subject(String topic, boolean isKey, ParsedSchema schema) {
    if (this == TOPIC_NAME) {
      return topic + (isKey ? "-key" : "-value");
    }
    if (schema == null) {
      throw new IllegalArgumentException(name() + " needs a schema to derive a subject from");
    }
    String record = schema.recordName().orElseThrow(() -> new InvalidSchemaException(
        "Cannot use " + name() + " with a " + schema.type() + " schema that has no record name"));
    return this == RECORD_NAME ? record : topic + "-" + record;
  }

  /**
   * Parses a strategy name: the kafka-rest enum names ({@code TOPIC_NAME}…, case-insensitive) or the Confluent
   * serializer class names used in configuration ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}).
   */
  public static Optional<SubjectNameStrategy> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String trimmed = name.trim();
    for (SubjectNameStrategy s : values()) {
      if (s.name().equals(trimmed.toUpperCase(Locale.ROOT)) || s.confluentClassName.equals(trimmed)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
