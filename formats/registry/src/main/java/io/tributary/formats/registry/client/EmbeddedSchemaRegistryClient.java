package io.tributary.formats.registry.client;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.registry.RegisteredSchema;
import io.tributary.formats.registry.SchemaRegistryClient;
import io.tributary.formats.registry.SchemaRegistryException;
import io.tributary.formats.registry.SubjectVersion;
import io.tributary.formats.registry.embedded.RegistryOps;
import io.tributary.formats.registry.embedded.RegistryMessages;
import io.tributary.formats.schema.SchemaReference;
import io.tributary.formats.schema.SchemaType;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;

/**
 * {@link SchemaRegistryClient} for the embedded registry in this process: the store's bus operations instead of an
 * HTTP round trip to its listener (which may also require an API key). Same answers and error codes as over HTTP;
 * a store that is not ready or does not answer fails with 50303. Uncached: wrap it in {@link CachingSchemaRegistryClient}.
 */
public final class EmbeddedSchemaRegistryClient implements SchemaRegistryClient {
  private final Vertx vertx;
  private final long timeoutMs;

  /** {@code timeoutMs}: how long a store operation may take before it counts as unanswered ({@code bus.timeout.ms}). */
  public EmbeddedSchemaRegistryClient(Vertx vertx, long timeoutMs) {
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
  }

  @Override
  public Future<Integer> register(String subject, SchemaType type, String schema) {
    return this.ask(RegistryOps.REGISTER,
        new RegistryMessages.Register(subject, type.wireName(), schema)).map(RegistryMessages.Registered::id);
  }

  @Override
  public Future<RegisteredSchema> getById(int id) {
    return this.ask(RegistryOps.SCHEMA_BY_ID, new RegistryMessages.GetSchema(id))
        .map(RegistryMessages.Schema::schema);
  }

  @Override
  public Future<SubjectVersion> getLatest(String subject) {
    return getVersion(subject, RegistryMessages.LATEST);
  }

  @Override
  public Future<SubjectVersion> getVersion(String subject, int version) {
    return this.ask(RegistryOps.VERSION_GET,
        new RegistryMessages.GetVersion(subject, version, false)).map(RegistryMessages.Version::version);
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema) {
    return lookup(subject, type, schema, List.of());
  }

  @Override
  public Future<SubjectVersion> lookup(String subject, SchemaType type, String schema,
      List<SchemaReference> references) {
    return this.ask(RegistryOps.LOOKUP, new RegistryMessages.Lookup(subject,
        type.wireName(), schema, false, null, null, false, references)).map(RegistryMessages.Version::version);
  }

  private <Q extends BusMessage, R extends BusMessage> Future<R> ask(BusOperation<Q, R> operation, Q request) {
    return operation.call(vertx, request, timeoutMs).recover(error -> Future.failedFuture(translate(error)));
  }

  private static Throwable translate(Throwable error) {
    if (error instanceof TributaryException te) {
      // 503: the store is still loading its topic (it says why), or the bus found no store or got no answer in time.
      return te.code() == 503 ? RegistryResponses.unreachable(te.getMessage())
          : new SchemaRegistryException(te.code(), te.getMessage());
    }
    return error;
  }
}
