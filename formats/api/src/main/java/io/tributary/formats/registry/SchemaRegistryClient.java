package io.tributary.formats.registry;

import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Future;

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
}
