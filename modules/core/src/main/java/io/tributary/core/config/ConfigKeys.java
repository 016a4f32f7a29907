package io.tributary.core.config;

import java.util.List;
import java.util.Set;

/** Every configuration key Tributary reads, with its default. Pass-through prefixes are listed separately. */
public final class ConfigKeys {
  private ConfigKeys() {}

  public static final ConfigKey<String> LISTENERS = ConfigKey.string("listeners", "http://0.0.0.0:8082",
      "Comma-separated listeners, http://host:port.");
  public static final ConfigKey<String> ADVERTISED_LISTENERS = ConfigKey.string("advertised.listeners", "",
      "Comma-separated URLs used to build absolute base_uri values; the first with the request's scheme wins.");
  public static final ConfigKey<String> HOST_NAME = ConfigKey.string("host.name", "",
      "Deprecated: host used in absolute URLs when advertised.listeners is empty.");
  public static final ConfigKey<String> BOOTSTRAP_SERVERS = ConfigKey.string("bootstrap.servers", "",
      "Kafka bootstrap servers; empty starts an embedded single-node broker.");
  public static final ConfigKey<String> ID = ConfigKey.string("id", "",
      "Server id, embedded in generated consumer instance names.");
  public static final ConfigKey<Integer> HTTP_INSTANCES = ConfigKey.integer("http.instances", 0, 0, 1024,
      "HTTP verticle instances; 0 means one per core.");
  public static final ConfigKey<Long> CONSUMER_INSTANCE_TIMEOUT_MS = ConfigKey.longValue(
      "consumer.instance.timeout.ms", 300_000L, 1L, Long.MAX_VALUE,
      "Idle time after which a consumer instance is closed.");
  public static final ConfigKey<Long> CONSUMER_REQUEST_TIMEOUT_MS = ConfigKey.longValue(
      "consumer.request.timeout.ms", 1_000L, 0L, 3_600_000L, "The longest a consumer read waits for records.");
  public static final ConfigKey<Long> CONSUMER_REQUEST_MAX_BYTES = ConfigKey.longValue(
      "consumer.request.max.bytes", 67_108_864L, 1L, Long.MAX_VALUE,
      "Cap on raw key+value bytes returned by one consumer read.");
  public static final ConfigKey<Integer> CONSUMER_THREADS = ConfigKey.integer("consumer.threads", 50, 1, 10_000,
      "Threads that run consumer-instance operations (each instance uses one at a time).");
  public static final ConfigKey<Integer> SIMPLECONSUMER_POOL_SIZE_MAX = ConfigKey.integer(
      "simpleconsumer.pool.size.max", 25, 0, 10_000, "Pooled consumers for v1 simple partition reads (0 = no cap).");
  public static final ConfigKey<Long> SIMPLECONSUMER_POOL_TIMEOUT_MS = ConfigKey.longValue(
      "simpleconsumer.pool.timeout.ms", 1_000L, 0L, 600_000L,
      "How long a simple partition read waits for a free pooled consumer (0 = as long as it takes).");
  public static final ConfigKey<Long> REQUEST_BODY_MAX_BYTES = ConfigKey.longValue("request.body.max.bytes",
      67_108_864L, 1L, Integer.MAX_VALUE, "Largest request body accepted; larger ones get 413.");
  public static final ConfigKey<Long> SHUTDOWN_GRACEFUL_MS = ConfigKey.longValue("shutdown.graceful.ms", 5_000L,
      0L, 600_000L, "How long shutdown waits for in-flight requests.");
  public static final ConfigKey<Integer> EMBEDDED_KAFKA_PORT = ConfigKey.integer("embedded.kafka.port", 9092, 0,
      65_535, "Port of the embedded broker (0 picks a free one).");
  public static final ConfigKey<String> EMBEDDED_KAFKA_DIR = ConfigKey.string("embedded.kafka.dir", "./data/kafka",
      "Data directory of the embedded broker.");
  public static final ConfigKey<String> AUTH_API_KEYS_FILE = ConfigKey.string("auth.api.keys.file", "",
      "JSON file of API keys and their permissions; empty turns authentication off.");
  public static final ConfigKey<String> API_DEFAULT_VERSION = ConfigKey.oneOf("api.default.version", "v1",
      Set.of("v1", "v2"), "Generation whose semantics apply to requests with unversioned media types.");
  public static final ConfigKey<Long> BUS_TIMEOUT_MS = ConfigKey.longValue("bus.timeout.ms", 60_000L, 1_000L,
      3_600_000L, "How long a route waits for an engine's answer (reads add their own wait on top).");
  public static final ConfigKey<String> RESOURCE_NAME_AUTHORITY = ConfigKey.string(
      "confluent.resource.name.authority", "", "Authority part of the CRNs in v3 resource_name fields.");

  /** Prefixes whose keys pass, stripped, to the Kafka clients (or are otherwise free-form). */
  public static final List<String> PASS_THROUGH_PREFIXES = List.of("producer.", "consumer.", "client.", "admin.",
      "embedded.kafka.broker.");

  /** All keys above, for validation and documentation. */
  public static final List<ConfigKey<?>> ALL = List.of(LISTENERS, ADVERTISED_LISTENERS, HOST_NAME,
      BOOTSTRAP_SERVERS, ID, HTTP_INSTANCES, CONSUMER_INSTANCE_TIMEOUT_MS, CONSUMER_REQUEST_TIMEOUT_MS,
      CONSUMER_REQUEST_MAX_BYTES, CONSUMER_THREADS, SIMPLECONSUMER_POOL_SIZE_MAX, SIMPLECONSUMER_POOL_TIMEOUT_MS,
      REQUEST_BODY_MAX_BYTES, SHUTDOWN_GRACEFUL_MS, EMBEDDED_KAFKA_PORT, EMBEDDED_KAFKA_DIR, AUTH_API_KEYS_FILE,
      API_DEFAULT_VERSION, BUS_TIMEOUT_MS, RESOURCE_NAME_AUTHORITY);
}
