package io.tributary.formats.registry.embedded;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.bus.BusOperation;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.SchemaFormats;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's engine: owns the {@link SchemaStore} (its Kafka producer and consumer for the
 * {@code _schemas} topic, on a thread of their own) and answers the {@link RegistryOps}. It never sees HTTP.
 * It starts at once, whether or not Kafka can be reached; the store answers "not ready" until it has loaded.
 */
public final class SchemaStoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStoreVerticle.class);
  private static final long MAX_WRITE_BUDGET_MS = 30_000;

  private final TributaryConfig config;
  private final SchemaFormats formats;
  private SchemaStore store;

  public SchemaStoreVerticle(TributaryConfig config, SchemaFormats formats) {
    this.config = config;
    this.formats = formats;
  }

  @Override
  public Future<?> start() {
    String topic = config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_TOPIC);
    CompatibilityLevel level = CompatibilityLevel.parse(config.get(ConfigKeys.EMBEDDED_SCHEMA_REGISTRY_COMPATIBILITY))
        .orElse(CompatibilityLevel.BACKWARD);
    // A write retries for at most half the bus timeout, so that its answer, even a failure, reaches the caller.
    long writeBudgetMs = Math.min(MAX_WRITE_BUDGET_MS, config.get(ConfigKeys.BUS_TIMEOUT_MS) / 2);
    store = new SchemaStore(topic, new StoreClients(config, topic), writeBudgetMs);
    // Kafka may be unreachable now: the store loads its topic in the background (requests wait for that first
    // attempt, then are refused until one succeeds), so that the rest of the proxy starts and serves regardless.
    store.start();
    RegistryOperations ops = new RegistryOperations(store, formats, level);
    serve(RegistryOps.REGISTER, ops::register);
    serve(RegistryOps.LOOKUP, ops::lookup);
    serve(RegistryOps.SCHEMA_BY_ID, ops::schema);
    serve(RegistryOps.SCHEMAS_LIST, ops::listSchemas);
    serve(RegistryOps.SCHEMA_USAGES, ops::usages);
    serve(RegistryOps.SUBJECTS_LIST, ops::subjects);
    serve(RegistryOps.VERSIONS_LIST, ops::versions);
    serve(RegistryOps.VERSION_GET, ops::version);
    serve(RegistryOps.SUBJECT_DELETE, ops::deleteSubject);
    serve(RegistryOps.VERSION_DELETE, ops::deleteVersion);
    serve(RegistryOps.CONFIG_GET, ops::config);
    serve(RegistryOps.CONFIG_PUT, ops::putConfig);
    serve(RegistryOps.CONFIG_DELETE, ops::deleteConfig);
    serve(RegistryOps.MODE_GET, ops::mode);
    serve(RegistryOps.MODE_PUT, ops::putMode);
    serve(RegistryOps.MODE_DELETE, ops::deleteMode);
    serve(RegistryOps.COMPATIBILITY_CHECK, ops::checkCompatibility);
    serve(RegistryOps.LATEST_WITH_METADATA, ops::latestWithMetadata);
    serve(RegistryOps.REFERENCED_BY, ops::referencedBy);
    return Future.succeededFuture();
  }

  private <Q extends BusMessage, R extends BusMessage> void serve(BusOperation<Q, R> operation,
      Function<Q, CompletableFuture<R>> handler) {
    operation.serve(vertx, (Q q) -> Future.fromCompletionStage(handler.apply(q), context),
        SchemaStoreVerticle::translate);
  }

  private static Throwable translate(Throwable error) {
    Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    if (e instanceof TributaryException) {
      return e;
    }
    LOG.error("Unexpected failure in the embedded schema registry", e);
    return RegistryErrors.storeError("unexpected " + e.getClass().getSimpleName());
  }

  @Override
  public Future<?> stop() {
    // Closing the Kafka clients blocks; never on the event loop.
    return store == null ? Future.succeededFuture() : vertx.executeBlocking(() -> {
      store.close();
      return null;
    });
  }
}
