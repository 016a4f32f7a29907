package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Future;
import java.util.List;

/**
 * What the formats need from a Confluent-compatible schema registry, whether a remote one over HTTP or the embedded
 * one. Every call is asynchronous; failures are {@link SchemaRegistryException}s carrying the registry's error code.
 * Implementations may cache (ids and subject versions are immutable once assigned).
 */
public interface SchemaRegistryClient {
  /** Registers a schema under a subject (idempotent: an equal schema gets its existing id); the schema id. */
  Future<Integer> register(String subject, SchemaType type, String schema);

  /** The schema with this id; fails with 40403 when there is none. */
  Future<RegisteredSchema> getById(int id);

  /** The latest version of a subject; fails with 40401 when the subject does not exist. */
  Future<SubjectVersion> getLatest(String subject);

  /** One version of a subject; fails with 40401 or 40402. */
  Future<SubjectVersion> getVersion(String subject, int version);

  /** The version under which this schema is registered in the subject; fails with 40401 or 40403. */
  Future<SubjectVersion> lookup(String subject, SchemaType type, String schema);

  /**
   * {@link #lookup(String, SchemaType, String)} of a schema that has schema references (they are part of its
   * identity). A client that cannot send references fails with 42201.
   */
  default Future<SubjectVersion> lookup(String subject, SchemaType type, String schema,
      List<SchemaReference> references) {
    return references.isEmpty() ? lookup(subject, type, schema)
        : Future.failedFuture(new SchemaRegistryException(SchemaRegistryException.INVALID_SCHEMA,
            "This registry client cannot look up schemas with references"));
  }
}
