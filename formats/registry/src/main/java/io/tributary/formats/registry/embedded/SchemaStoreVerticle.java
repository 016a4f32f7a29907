package io.tributary.formats.registry.embedded;

import io.tributary.core.bus.BusEndpoints;
import io.tributary.core.config.ConfigKeys;
import io.tributary.core.config.TributaryConfig;
import io.tributary.core.error.TributaryException;
import io.tributary.formats.schema.CompatibilityLevel;
import io.tributary.formats.schema.SchemaFormats;
import io.tributary.kafka.KafkaClientConfigs;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded registry's engine: owns the {@link SchemaStore} (its Kafka producer and consumer for the
 * {@code _schemas} topic, on a thread of their own) and answers the {@link RegistryAddresses}. It never sees HTTP.
 */
public final class SchemaStoreVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(SchemaStoreVerticle.class);

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
    store = new SchemaStore(topic, producerProps(topic), consumerProps(), KafkaClientConfigs.admin(config));
    RegistryOperations ops = new RegistryOperations(store, formats, level);
    serve(RegistryAddresses.REGISTER, ops::register);
    serve(RegistryAddresses.LOOKUP, ops::lookup);
    serve(RegistryAddresses.SCHEMA_BY_ID, ops::schema);
    serve(RegistryAddresses.SCHEMA_USAGES, ops::usages);
    serve(RegistryAddresses.SUBJECTS_LIST, ops::subjects);
    serve(RegistryAddresses.VERSIONS_LIST, ops::versions);
    serve(RegistryAddresses.VERSION_GET, ops::version);
    serve(RegistryAddresses.SUBJECT_DELETE, ops::deleteSubject);
    serve(RegistryAddresses.VERSION_DELETE, ops::deleteVersion);
    serve(RegistryAddresses.CONFIG_GET, ops::config);
    serve(RegistryAddresses.CONFIG_PUT, ops::putConfig);
    serve(RegistryAddresses.CONFIG_DELETE, ops::deleteConfig);
    serve(RegistryAddresses.COMPATIBILITY_CHECK, ops::checkCompatibility);
    return Future.fromCompletionStage(store.start(), context);
  }

  private <Q> void serve(String address, Function<Q, CompletableFuture<?>> operation) {
    BusEndpoints.serve(vertx, address, (Q q) -> Future.fromCompletionStage(operation.apply(q), context),
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

  private Map<String, Object> producerProps(String topic) {
    Map<String, Object> props = KafkaClientConfigs.producer(config);
    // One transactional id for every instance on this topic: initialising it fences the others (see SchemaStore).
    props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "tributary-schema-registry-" + topic);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId("schema-store-producer"));
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
    props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
    return props;
  }

  private Map<String, Object> consumerProps() {
    Map<String, Object> props = KafkaClientConfigs.consumer(config);
    props.remove(ConsumerConfig.GROUP_ID_CONFIG);
    props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId("schema-store-reader"));
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
    // Reads poll only until they reach the end; a fetch parked at the broker for the default 500 ms (say, behind
    // a transaction marker that carries no records) would make every registry request that slow.
    props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
    return props;
  }

  private String clientId(String role) {
    String id = config.get(ConfigKeys.ID);
    return "tributary-" + role + (id.isBlank() ? "" : "-" + id);
  }
}
