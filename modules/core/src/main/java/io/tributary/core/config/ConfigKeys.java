package io.tributary.core.config;

import java.util.List;
import java.util.Locale;
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
  public static final ConfigKey<Integer> CONSUMER_INSTANCES_MAX = ConfigKey.integer("consumer.instances.max",
      10_000, 1, Integer.MAX_VALUE, "Most consumer instances (v1 and v2) this server holds at once; more are 429.");
  public static final ConfigKey<Integer> CONSUMER_THREADS = ConfigKey.integer("consumer.threads", 50, 1, 10_000,
      "Threads that run consumer-instance operations (each instance uses one at a time).");
  public static final ConfigKey<Integer> SIMPLECONSUMER_POOL_SIZE_MAX = ConfigKey.integer(
      "simpleconsumer.pool.size.max", 25, 0, 10_000, "Pooled consumers for v1 simple partition reads (0 = no cap).");
  public static final ConfigKey<Long> SIMPLECONSUMER_POOL_TIMEOUT_MS = ConfigKey.longValue(
      "simpleconsumer.pool.timeout.ms", 1_000L, 0L, 600_000L,
      "How long a simple partition read waits for a free pooled consumer (0 = as long as it takes).");
  public static final ConfigKey<Long> REQUEST_BODY_MAX_BYTES = ConfigKey.longValue("request.body.max.bytes",
      67_108_864L, 1L, Integer.MAX_VALUE, "Largest request body accepted; larger ones get 413.");
  public static final ConfigKey<Long> SHUTDOWN_GRACEFUL_MS = ConfigKey.longValue("shutdown.graceful.ms", 10_000L,
      0L, 600_000L, "How long shutdown lets in-flight requests and open v3 streams finish.");
  public static final ConfigKey<Integer> EMBEDDED_KAFKA_PORT = ConfigKey.integer("embedded.kafka.port", 9092, 0,
      65_535, "Port of the embedded broker (0 picks a free one).");
  public static final ConfigKey<String> EMBEDDED_KAFKA_DIR = ConfigKey.string("embedded.kafka.dir", "./data/kafka",
      "Data directory of the embedded broker.");
  public static final ConfigKey<Integer> EMBEDDED_KAFKA_CONTROLLER_PORT = ConfigKey.integer(
      "embedded.kafka.controller.port", 0, 0, 65_535,
      "Port of the embedded broker's KRaft controller, on 127.0.0.1 (0 picks a free one on every start).");
  public static final ConfigKey<String> AUTH_API_KEYS_FILE = ConfigKey.string("auth.api.keys.file", "",
      "JSON file of API keys and their permissions; empty turns authentication off.");
  public static final ConfigKey<String> API_DEFAULT_VERSION = ConfigKey.oneOf("api.default.version", "v1",
      Set.of("v1", "v2"), "Generation whose semantics apply to requests with unversioned media types.");
  public static final ConfigKey<Long> BUS_TIMEOUT_MS = ConfigKey.longValue("bus.timeout.ms", 60_000L, 1_000L,
      3_600_000L, "How long a route waits for an engine's answer (reads add their own wait on top).");
  public static final ConfigKey<String> RESOURCE_NAME_AUTHORITY = ConfigKey.string(
      "confluent.resource.name.authority", "", "Authority part of the CRNs in v3 resource_name fields.");

  // TLS listeners (Confluent rest-utils names).
  public static final ConfigKey<String> SSL_KEYSTORE_LOCATION = ConfigKey.string("ssl.keystore.location", "",
      "Key store with the server's private key and certificate chain, required by https:// listeners.");
  public static final ConfigKey<String> SSL_KEYSTORE_PASSWORD = ConfigKey.string("ssl.keystore.password", "",
      "Password of ssl.keystore.location (PKCS12, JKS).");
  public static final ConfigKey<String> SSL_KEYSTORE_TYPE = ConfigKey.oneOf("ssl.keystore.type", "JKS",
      Set.of("JKS", "PKCS12", "PEM"), "Format of ssl.keystore.location: JKS, PKCS12, or PEM (key and chain in one file).");
  public static final ConfigKey<String> SSL_KEY_PASSWORD = ConfigKey.string("ssl.key.password", "",
      "Password of the private key when it differs from the store's (PEM: of an encrypted PKCS#8 key).");
  public static final ConfigKey<String> SSL_TRUSTSTORE_LOCATION = ConfigKey.string("ssl.truststore.location", "",
      "Trust store of the CAs whose client certificates are accepted.");
  public static final ConfigKey<String> SSL_TRUSTSTORE_PASSWORD = ConfigKey.string("ssl.truststore.password", "",
      "Password of ssl.truststore.location.");
  public static final ConfigKey<String> SSL_TRUSTSTORE_TYPE = ConfigKey.oneOf("ssl.truststore.type", "JKS",
      Set.of("JKS", "PKCS12", "PEM"), "Format of ssl.truststore.location: JKS, PKCS12, or PEM (certificates).");
  public static final ConfigKey<String> SSL_CLIENT_AUTHENTICATION = ConfigKey.oneOf("ssl.client.authentication",
      "NONE", Set.of("NONE", "REQUESTED", "REQUIRED"),
      "Whether https:// listeners ask clients for a certificate: NONE, REQUESTED, REQUIRED.");
  public static final ConfigKey<String> SSL_ENABLED_PROTOCOLS = ConfigKey.string("ssl.enabled.protocols", "",
      "Comma-separated TLS versions https:// listeners offer; empty keeps the defaults (TLSv1.2, TLSv1.3).");
  public static final ConfigKey<String> SSL_CIPHER_SUITES = ConfigKey.string("ssl.cipher.suites", "",
      "Comma-separated cipher suites https:// listeners offer; empty keeps the JDK's defaults.");

  // Credentials besides API keys.
  public static final ConfigKey<String> AUTH_JWT_PUBLIC_KEYS = ConfigKey.string("auth.jwt.public.keys", "",
      "Comma-separated PEM files of public keys (RSA or EC) that sign accepted JWTs.");
  public static final ConfigKey<String> AUTH_JWT_JWKS_FILE = ConfigKey.string("auth.jwt.jwks.file", "",
      "A JWKS document ({\"keys\":[…]}) of public keys that sign accepted JWTs.");
  public static final ConfigKey<String> AUTH_JWT_PERMISSIONS_CLAIM = ConfigKey.string(
      "auth.jwt.permissions.claim", "tributary", "JWT claim that holds the permissions list.");
  public static final ConfigKey<String> AUTH_JWT_ISSUER = ConfigKey.string("auth.jwt.issuer", "",
      "When set, JWTs must carry this iss.");
  public static final ConfigKey<String> AUTH_JWT_AUDIENCE = ConfigKey.string("auth.jwt.audience", "",
      "When set, JWTs must name this audience in aud.");
  public static final ConfigKey<Integer> AUTH_JWT_LEEWAY_SECONDS = ConfigKey.integer("auth.jwt.leeway.seconds", 0,
      0, 3600, "Clock skew tolerated when checking exp and nbf.");
  public static final ConfigKey<String> AUTH_CLIENTAUTH_CA_CERT = ConfigKey.string("auth.clientauth.ca.cert", "",
      "PEM certificate of the CA that signs client certificates with embedded API keys.");
  public static final ConfigKey<String> AUTH_CLIENTAUTH_CA_KEY = ConfigKey.string("auth.clientauth.ca.key", "",
      "PEM private key of auth.clientauth.ca.cert.");
  public static final ConfigKey<String> AUTH_CLIENTAUTH_CA_DIR = ConfigKey.string("auth.clientauth.ca.dir", "",
      "Directory of a client-auth CA generated on first use (when auth.clientauth.ca.cert is not set).");
  public static final ConfigKey<String> AUTH_CLIENTAUTH_SECRET_FILE = ConfigKey.string(
      "auth.clientauth.secret.file", "",
      "File whose bytes key the encryption of embedded API keys; empty derives the key from the CA's private key.");

  // Event Streams REST producer (MAX_KEY_SIZE / MAX_MESSAGE_SIZE environment variables set them too).
  public static final ConfigKey<Integer> MAX_KEY_SIZE = ConfigKey.integer("max.key.size", 4096, 0,
      Integer.MAX_VALUE, "Largest record key in bytes the Event Streams producer accepts.");
  public static final ConfigKey<Integer> MAX_MESSAGE_SIZE = ConfigKey.integer("max.message.size", 65_536, 1,
      Integer.MAX_VALUE, "Largest record value in bytes the Event Streams producer accepts.");

  // Per-principal rate limit (kafka-rest 7.1+ names).
  public static final ConfigKey<Boolean> RATE_LIMIT_ENABLE = ConfigKey.bool("rate.limit.enable", false,
      "Limit the request rate of each principal.");
  public static final ConfigKey<Integer> RATE_LIMIT_PERMITS_PER_SEC = ConfigKey.integer(
      "rate.limit.permits.per.sec", 50, 1, 1_000_000, "Requests per second each principal may make.");
  public static final ConfigKey<Long> RATE_LIMIT_TIMEOUT_MS = ConfigKey.longValue("rate.limit.timeout.ms", 0L, 0L,
      60_000L, "How long a request over the limit waits for a permit before it gets 429.");

  // Schema registry and format converters.
  public static final ConfigKey<String> SCHEMA_REGISTRY_URL = ConfigKey.string("schema.registry.url", "",
      "Comma-separated URLs of a Confluent-compatible schema registry; empty serves the embedded registry.");
  public static final ConfigKey<String> EMBEDDED_SCHEMA_REGISTRY_LISTENER = ConfigKey.string(
      "embedded.schema.registry.listener", "http://127.0.0.1:8081",
      "Listener of the embedded schema registry (only when schema.registry.url is empty).");
  public static final ConfigKey<String> EMBEDDED_SCHEMA_REGISTRY_TOPIC = ConfigKey.string(
      "embedded.schema.registry.topic", "_schemas", "Compacted single-partition topic holding the embedded registry.");
  public static final ConfigKey<String> EMBEDDED_SCHEMA_REGISTRY_COMPATIBILITY = new ConfigKey<>(
      "embedded.schema.registry.compatibility.level", "BACKWARD", s -> s.toUpperCase(Locale.ROOT),
      Set.of("NONE", "BACKWARD", "BACKWARD_TRANSITIVE", "FORWARD", "FORWARD_TRANSITIVE", "FULL",
          "FULL_TRANSITIVE")::contains, "a compatibility level (none, backward, forward, full, *_transitive)",
      "The embedded registry's compatibility level until PUT /config sets one.");
  public static final ConfigKey<Integer> FORMAT_WORKERS = ConfigKey.integer("format.workers", 0, 0, 1024,
      "Worker verticle instances that convert schema formats; 0 means one per core.");
  public static final ConfigKey<Long> API_V3_PRODUCE_REQUEST_SIZE_LIMIT_MAX_BYTES = ConfigKey.longValue(
      "api.v3.produce.request.size.limit.max.bytes", 0L, 0L, Integer.MAX_VALUE,
      "Largest JSON text of one v3 produce record (0 = no limit but request.body.max.bytes); a larger record ends"
          + " the stream with a 400 receipt.");
  public static final ConfigKey<Long> STREAMING_CONNECTION_MAX_DURATION_MS = ConfigKey.longValue(
      "streaming.connection.max.duration.ms", 86_400_000L, 1L, Long.MAX_VALUE,
      "How long a v3 streaming produce may stay open; later records get 408 receipts.");
  public static final ConfigKey<Long> STREAMING_CONNECTION_MAX_DURATION_GRACE_PERIOD_MS = ConfigKey.longValue(
      "streaming.connection.max.duration.grace.period.ms", 500L, 0L, Long.MAX_VALUE,
      "How long a v3 streaming produce stays open after its maximum duration before it is closed.");
  public static final ConfigKey<Integer> API_V3_PRODUCE_STREAMING_MAX_IN_FLIGHT = ConfigKey.integer(
      "api.v3.produce.streaming.max.in.flight.records", 1_000, 1, 1_000_000,
      "Records of one v3 streaming produce that may await Kafka before reading the request pauses.");
  public static final ConfigKey<Boolean> API_V3_PRODUCE_RATE_LIMIT_ENABLED = ConfigKey.bool(
      "api.v3.produce.rate.limit.enabled", false, "Whether v3 produce records are rate limited (429 receipts).");
  public static final ConfigKey<Integer> API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_PER_SEC = ConfigKey.integer(
      "api.v3.produce.rate.limit.max.requests.per.sec", 10_000, 1, Integer.MAX_VALUE,
      "v3 produce records per second per cluster id.");
  public static final ConfigKey<Integer> API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_GLOBAL_PER_SEC = ConfigKey.integer(
      "api.v3.produce.rate.limit.max.requests.global.per.sec", 10_000, 1, Integer.MAX_VALUE,
      "v3 produce records per second for the whole process.");
  public static final ConfigKey<Long> API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_PER_SEC = ConfigKey.longValue(
      "api.v3.produce.rate.limit.max.bytes.per.sec", 10_000_000L, 1L, Long.MAX_VALUE,
      "v3 produce record bytes per second per cluster id.");
  public static final ConfigKey<Long> API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_GLOBAL_PER_SEC = ConfigKey.longValue(
      "api.v3.produce.rate.limit.max.bytes.global.per.sec", 10_000_000L, 1L, Long.MAX_VALUE,
      "v3 produce record bytes per second for the whole process.");
  public static final ConfigKey<Long> API_V3_PRODUCE_RATE_LIMIT_CACHE_EXPIRY_MS = ConfigKey.longValue(
      "api.v3.produce.rate.limit.cache.expiry.ms", 3_600_000L, 1L, Long.MAX_VALUE,
      "How long the per-cluster-id produce rate limiters of an unused cluster id are kept.");
  public static final ConfigKey<Integer> API_V3_PRODUCE_BATCH_MAXIMUM_ENTRIES = ConfigKey.integer(
      "api.v3.produce.batch.maximum.entries", 10, 1, 50, "Most entries one v3 records:batch request may carry.");


  // kafka-rest / rest-utils security keys (issue 9, section 7): HTTP Basic through a JAAS realm, CORS, the older
  // ssl.client.auth boolean, and switching API generations and single endpoints off.
  public static final ConfigKey<String> AUTHENTICATION_METHOD = ConfigKey.oneOf("authentication.method", "NONE",
      Set.of("NONE", "BASIC", "BEARER"), "NONE, or BASIC: HTTP Basic checked against the JAAS realm"
          + " authentication.realm (BEARER is refused: use auth.jwt.*).");
  public static final ConfigKey<String> AUTHENTICATION_REALM = ConfigKey.string("authentication.realm", "",
      "The section of the JAAS file that authentication.method=BASIC uses.");
  public static final ConfigKey<String> AUTHENTICATION_ROLES = ConfigKey.string("authentication.roles", "*",
      "Comma-separated roles a Basic user needs one of; * admits every user of the realm.");
  public static final ConfigKey<String> JAAS_CONFIG_FILE = ConfigKey.string("java.security.auth.login.config", "",
      "The JAAS file for authentication.method=BASIC; empty uses the JVM's -Djava.security.auth.login.config"
          + " (or one in the KAFKAREST_OPTS environment variable).");
  public static final ConfigKey<String> ACCESS_CONTROL_ALLOW_ORIGIN = ConfigKey.string(
      "access.control.allow.origin", "", "Comma-separated origins allowed by CORS (* for any); empty turns CORS off.");
  public static final ConfigKey<String> ACCESS_CONTROL_ALLOW_METHODS = ConfigKey.string(
      "access.control.allow.methods", "", "Comma-separated methods CORS allows; empty means GET,POST,HEAD.");
  public static final ConfigKey<String> ACCESS_CONTROL_ALLOW_HEADERS = ConfigKey.string(
      "access.control.allow.headers", "",
      "Comma-separated request headers CORS allows; empty means X-Requested-With,Content-Type,Accept,Origin.");
  public static final ConfigKey<Boolean> SSL_CLIENT_AUTH = ConfigKey.bool("ssl.client.auth", false,
      "Deprecated boolean: true means ssl.client.authentication=REQUIRED (unless that key is set).");
  public static final ConfigKey<Boolean> API_V2_ENABLE = ConfigKey.bool("api.v2.enable", true,
      "Serve the v2 API (false: requests with v2 media types are answered as if v2 did not exist).");
  public static final ConfigKey<Boolean> API_V3_ENABLE = ConfigKey.bool("api.v3.enable", true,
      "Serve the v3 API (false: every /v3 and /kafka/v3 path answers 404).");
  public static final ConfigKey<String> API_ENDPOINTS_ALLOWLIST = ConfigKey.string("api.endpoints.allowlist", "",
      "Comma-separated v2/v3 endpoint names (api.v3.topics.*, api.v2.consumers.create…); when set, only these.");
  public static final ConfigKey<String> API_ENDPOINTS_BLOCKLIST = ConfigKey.string("api.endpoints.blocklist", "",
      "Comma-separated v2/v3 endpoint names answered with 404 as if they did not exist.");

  // Connection limits: idle keep-alive connections and stalled requests.
  public static final ConfigKey<Long> IDLE_TIMEOUT_MS = ConfigKey.longValue("idle.timeout.ms", 30_000L, 0L,
      Long.MAX_VALUE, "How long a connection may wait without a request in progress, including for a request's"
          + " complete headers, and how long a v3 stream may stay silent; 0 = no limit.");
  public static final ConfigKey<Long> REQUEST_BODY_TIMEOUT_MS = ConfigKey.longValue("request.body.timeout.ms",
      60_000L, 0L, Long.MAX_VALUE, "How long a request's body may take to arrive after its headers (v3 streaming"
          + " produce excepted); later the request gets 408 and its connection closes; 0 = no limit.");

  // Access log (one line per request on logger io.tributary.access).
  public static final ConfigKey<Boolean> ACCESS_LOG_ENABLE = ConfigKey.bool("access.log.enable", true,
      "Write one access-log line per request to the logger io.tributary.access.");
  public static final ConfigKey<String> ACCESS_LOG_FORMAT = ConfigKey.oneOf("access.log.format", "combined",
      Set.of("combined", "json"), "Access-log line format: NCSA combined (with extra fields) or one JSON object.");

  // Metrics (issue 11, docs/operations.md).
  public static final ConfigKey<String> METRICS_LISTENER = ConfigKey.string("metrics.listener", "",
      "Extra listener (http://host:port) that serves only GET /metrics, without authentication; empty = none.");
  public static final ConfigKey<String> METRICS_JMX_PREFIX = ConfigKey.string("metrics.jmx.prefix", "kafka.rest",
      "JMX domain under which the same meters as /metrics are registered; empty turns JMX off.");
  public static final ConfigKey<Boolean> METRICS_TOPIC_LABELS = ConfigKey.bool("metrics.topic.labels", false,
      "Keep the Kafka clients' per-topic and per-partition meters (a label per topic: unbounded).");

  // Cluster mode (issue 14, docs/deployment.md): without cluster.members and cluster.config.file no cluster starts.
  public static final ConfigKey<String> CLUSTER_MEMBERS = ConfigKey.string("cluster.members", "",
      "Comma-separated host:port of the other nodes (Hazelcast TCP/IP join); empty with no cluster.config.file ="
          + " this node runs alone.");
  public static final ConfigKey<String> CLUSTER_HOST = ConfigKey.string("cluster.host", "127.0.0.1",
      "This node's address for the cluster (Hazelcast and the clustered event bus): bound and announced to the"
          + " other nodes.");
  public static final ConfigKey<Integer> CLUSTER_PORT = ConfigKey.integer("cluster.port", 5701, 1, 65_535,
      "This node's Hazelcast port.");
  public static final ConfigKey<Integer> CLUSTER_BUS_PORT = ConfigKey.integer("cluster.bus.port", 0, 0, 65_535,
      "This node's clustered event bus port (0 picks a free one).");
  public static final ConfigKey<String> CLUSTER_NAME = ConfigKey.string("cluster.name", "tributary",
      "Name of the cluster; nodes with another name never join this one.");
  public static final ConfigKey<String> CLUSTER_CONFIG_FILE = ConfigKey.string("cluster.config.file", "",
      "A full Hazelcast configuration (XML or YAML) used instead of cluster.members, cluster.port and cluster.name.");
  public static final ConfigKey<Long> CLUSTER_REACH_CHECK_MS = ConfigKey.longValue("cluster.reach.check.ms", 10_000L,
      100L, 3_600_000L, "How often a node asks a peer to ping it back; two failures in a row make /health/ready"
          + " answer 503.");
  public static final ConfigKey<String> RATE_LIMIT_BACKEND = ConfigKey.oneOf("rate.limit.backend", "node",
      Set.of("node", "cluster", "guava", "resilience4j"),
      "Where rate.limit.* counts: on each node (node; kafka-rest's guava and resilience4j mean the same) or across"
          + " the cluster (cluster).");

  /** Prefixes whose keys pass, stripped, to the Kafka clients (or are otherwise free-form). */
  public static final List<String> PASS_THROUGH_PREFIXES = List.of("producer.", "consumer.", "client.", "admin.",
      "embedded.kafka.broker.", "schema.registry.",
      // The OpenTelemetry SDK's own settings (tracing, issue 11), read by its autoconfiguration.
      "otel.");

  /** All keys above, for validation and documentation. */
  public static final List<ConfigKey<?>> ALL = List.of(LISTENERS, ADVERTISED_LISTENERS, HOST_NAME,
      BOOTSTRAP_SERVERS, ID, HTTP_INSTANCES, CONSUMER_INSTANCE_TIMEOUT_MS, CONSUMER_REQUEST_TIMEOUT_MS,
      CONSUMER_REQUEST_MAX_BYTES, CONSUMER_THREADS, SIMPLECONSUMER_POOL_SIZE_MAX, SIMPLECONSUMER_POOL_TIMEOUT_MS,
      REQUEST_BODY_MAX_BYTES, SHUTDOWN_GRACEFUL_MS, EMBEDDED_KAFKA_PORT, EMBEDDED_KAFKA_DIR, AUTH_API_KEYS_FILE,
      API_DEFAULT_VERSION, BUS_TIMEOUT_MS,
      CONSUMER_INSTANCES_MAX,
      EMBEDDED_KAFKA_CONTROLLER_PORT,
      SSL_KEYSTORE_LOCATION, SSL_KEYSTORE_PASSWORD, SSL_KEYSTORE_TYPE, SSL_KEY_PASSWORD, SSL_TRUSTSTORE_LOCATION,
      SSL_TRUSTSTORE_PASSWORD, SSL_TRUSTSTORE_TYPE, SSL_CLIENT_AUTHENTICATION, SSL_ENABLED_PROTOCOLS, SSL_CIPHER_SUITES,
      AUTH_JWT_PUBLIC_KEYS,
      AUTH_JWT_JWKS_FILE, AUTH_JWT_PERMISSIONS_CLAIM, AUTH_JWT_ISSUER, AUTH_JWT_AUDIENCE, AUTH_JWT_LEEWAY_SECONDS,
      AUTH_CLIENTAUTH_CA_CERT, AUTH_CLIENTAUTH_CA_KEY, AUTH_CLIENTAUTH_CA_DIR, AUTH_CLIENTAUTH_SECRET_FILE,
      MAX_KEY_SIZE, MAX_MESSAGE_SIZE, RATE_LIMIT_ENABLE, RATE_LIMIT_PERMITS_PER_SEC, RATE_LIMIT_TIMEOUT_MS,
      SCHEMA_REGISTRY_URL, EMBEDDED_SCHEMA_REGISTRY_LISTENER, EMBEDDED_SCHEMA_REGISTRY_TOPIC,
      EMBEDDED_SCHEMA_REGISTRY_COMPATIBILITY, FORMAT_WORKERS,
      API_V3_PRODUCE_REQUEST_SIZE_LIMIT_MAX_BYTES, STREAMING_CONNECTION_MAX_DURATION_MS,
      STREAMING_CONNECTION_MAX_DURATION_GRACE_PERIOD_MS, API_V3_PRODUCE_STREAMING_MAX_IN_FLIGHT,
      API_V3_PRODUCE_RATE_LIMIT_ENABLED, API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_PER_SEC,
      API_V3_PRODUCE_RATE_LIMIT_MAX_REQUESTS_GLOBAL_PER_SEC, API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_PER_SEC,
      API_V3_PRODUCE_RATE_LIMIT_MAX_BYTES_GLOBAL_PER_SEC, API_V3_PRODUCE_RATE_LIMIT_CACHE_EXPIRY_MS,
      API_V3_PRODUCE_BATCH_MAXIMUM_ENTRIES, RESOURCE_NAME_AUTHORITY,
      AUTHENTICATION_METHOD, AUTHENTICATION_REALM, AUTHENTICATION_ROLES, JAAS_CONFIG_FILE, ACCESS_CONTROL_ALLOW_ORIGIN,
      ACCESS_CONTROL_ALLOW_METHODS, ACCESS_CONTROL_ALLOW_HEADERS, SSL_CLIENT_AUTH, API_V2_ENABLE, API_V3_ENABLE,
      API_ENDPOINTS_ALLOWLIST, API_ENDPOINTS_BLOCKLIST,
      IDLE_TIMEOUT_MS, REQUEST_BODY_TIMEOUT_MS,
      ACCESS_LOG_ENABLE, ACCESS_LOG_FORMAT,
      METRICS_LISTENER, METRICS_JMX_PREFIX, METRICS_TOPIC_LABELS,
      CLUSTER_MEMBERS, CLUSTER_HOST, CLUSTER_PORT, CLUSTER_BUS_PORT, CLUSTER_NAME, CLUSTER_CONFIG_FILE,
      CLUSTER_REACH_CHECK_MS, RATE_LIMIT_BACKEND);
}
