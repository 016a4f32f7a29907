package io.tributary.core.error;

import java.util.HashMap;
import java.util.Map;

/**
 * The one registry of error codes Tributary answers with: an HTTP status, the numeric code that goes into
 * {@code error_code}, and the default message. Codes follow the Confluent kafka-rest numbering (a five-digit
 * code starts with its HTTP status), so clients that switch on {@code error_code} keep working.
 */
public enum ErrorCode {
  BAD_REQUEST(400, 400, "Bad Request"),
  KAFKA_BAD_REQUEST(400, 40002, "Kafka rejected the request"),
  UNAUTHORIZED(401, 40101, "Authentication failed"),
  FORBIDDEN(403, 40301, "Not authorized"),
  NOT_FOUND(404, 404, "HTTP 404 Not Found"),
  TOPIC_NOT_FOUND(404, 40401, "Topic not found."),
  PARTITION_NOT_FOUND(404, 40402, "Partition not found."),
  CONSUMER_INSTANCE_NOT_FOUND(404, 40403, "Consumer instance not found."),
  LEADER_NOT_AVAILABLE(404, 40404, "Leader not available."),
  METHOD_NOT_ALLOWED(405, 405, "HTTP 405 Method Not Allowed"),
  NOT_ACCEPTABLE(406, 406, "HTTP 406 Not Acceptable"),
  CONSUMER_FORMAT_MISMATCH(406, 40601,
      "The requested embedded data format does not match the deserializer for this consumer instance"),
  REQUEST_TIMEOUT(408, 408, "Request timed out"),
  CONSUMER_ALREADY_SUBSCRIBED(409, 40901,
      "Consumer cannot subscribe the the specified target because it has already subscribed to other topics."),
  CONSUMER_ALREADY_EXISTS(409, 40902,
      "Consumer with specified consumer ID already exists in the specified consumer group."),
  ILLEGAL_STATE(409, 40903, "Illegal state"),
  PAYLOAD_TOO_LARGE(413, 413, "Request entity too large"),
  // Event Streams REST producer: an empty body, and a request-target over 10 KB.
  LENGTH_REQUIRED(411, 411, "Length Required"),
  URI_TOO_LONG(414, 414, "URI Too Long"),
  UNSUPPORTED_MEDIA_TYPE(415, 415, "HTTP 415 Unsupported Media Type"),
  UNPROCESSABLE_ENTITY(422, 422, "Unprocessable entity"),
  INVALID_CONSUMER_CONFIG_CONSTRAINT(422, 40001,
      "Invalid consumer configuration. It does not abide by the constraints"),
  KEY_SCHEMA_MISSING(422, 42201, "Request includes keys but does not include key schema"),
  VALUE_SCHEMA_MISSING(422, 42202, "Request includes values but does not include value schema"),
  JSON_CONVERSION(422, 42203, "Conversion of JSON to Object failed"),
  INVALID_CONSUMER_CONFIG(422, 42204, "Invalid consumer configuration"),
  INVALID_SCHEMA(422, 42205, "Invalid schema"),
  INVALID_PAYLOAD(422, 42206, "Payload error."),
  SERIALIZATION_FAILED(422, 42207, "Error serializing message."),
  INVALID_BATCH(422, 42208, "Invalid batch"),
  TOO_MANY_REQUESTS(429, 429, "Request rate limit exceeded"),
  KAFKA_THROTTLED(429, 42901, "Request throttled by Kafka quota"),
  // A consumer create beyond consumer.instances.max: each instance holds a Kafka client, so the count is bounded.
  CONSUMER_INSTANCES_EXHAUSTED(429, 42902,
      "Too many consumer instances on this server: delete one, or wait until an idle one expires."),
  INTERNAL(500, 500, "Internal Server Error"),
  KAFKA_ERROR(500, 50002, "Kafka error"),
  KAFKA_RETRIABLE(500, 50003, "Retriable Kafka error"),
  // kafka-rest documented 503 but answered 500 for this one; we follow its wire behaviour.
  NO_SIMPLE_CONSUMER_AVAILABLE(500, 50301,
      "No SimpleConsumer is available at the time in the pool. The request can be retried. You can increase the"
          + " pool size or the pool timeout to avoid this error in the future."),
  UNSUPPORTED_PROTOCOL(502, 502, "Kafka protocol version not supported."),
  SERVICE_UNAVAILABLE(503, 503, "Service unavailable"),
  BROKER_NOT_AVAILABLE(503, 50302, "Kafka broker not available"),
  SCHEMA_REGISTRY_UNAVAILABLE(503, 50303, "Schema registry unavailable"),
  // Cluster mode (issue 14): a request forwarded to the node holding its consumer instance, which left meanwhile.
  CONSUMER_NODE_LEFT(503, 50304,
      "The node serving this consumer instance left the cluster during the request; retry it.");

  private static final Map<Integer, ErrorCode> BY_CODE = new HashMap<>();

  static {
    for (ErrorCode c : values()) {
      BY_CODE.putIfAbsent(c.code, c);
    }
  }

  private final int status;
  private final int code;
  private final String message;

  ErrorCode(int status, int code, String message) {
    this.status = status;
    this.code = code;
    this.message = message;
  }

  /** The HTTP status this code is answered with. */
  public int status() {
    return status;
  }

  /** The value of {@code error_code} in error bodies. */
  public int code() {
    return code;
  }

  /** The default message when nothing more specific is known. */
  public String message() {
    return message;
  }

  /** Looks a numeric code up; unknown codes map to {@link #INTERNAL}. */
  public static ErrorCode byCode(int code) {
    ErrorCode known = BY_CODE.get(code);
    return known != null ? known : INTERNAL;
  }

  /** The HTTP status for any numeric code, registered or not (five-digit codes begin with their status). */
  public static int statusOf(int code) {
    ErrorCode known = BY_CODE.get(code);
    if (known != null) {
      return known.status;
    }
    if (code >= 10000 && code < 60000) {
      return code / 100;
    }
    return code >= 400 && code < 600 ? code : 500;
  }

  /** A failure with this code and its default message. */
  public TributaryException toException() {
    return new TributaryException(this, message);
  }

  /** A failure with this code and a specific message. */
  public TributaryException toException(String detail) {
    return new TributaryException(this, detail);
  }
}
