package io.tributary.consumer.v2;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Reads v2's consumer-creation body into a {@link CreateConsumer} with v2's defaults resolved: binary format,
 * auto-commit on (Kafka's default, unlike v1), the new consumer's {@code earliest}/{@code latest}/{@code none}
 * offset resets, and the long-poll aliases {@code responseMinBytes} and {@code requestWaitMs}.
 */
final class V2CreateConsumerBody {
  private static final String FETCH_MIN_BYTES = "fetch.min.bytes";
  private static final String REQUEST_TIMEOUT = "consumer.request.timeout.ms";
  private static final Set<String> FIELDS = Set.of("name", "id", "format", "auto.offset.reset",
      "auto.commit.enable", FETCH_MIN_BYTES, REQUEST_TIMEOUT, "responseMinBytes", "requestWaitMs");
  private static final Set<String> OFFSET_RESETS = Set.of("earliest", "latest", "none");

  private V2CreateConsumerBody() {}

  /** @param body the request body, or null when it was empty (all defaults) */
  static CreateConsumer parse(String group, JsonObject body) {
    JsonObject b = body == null ? new JsonObject() : body;
    V2Bodies.onlyFields(b, FIELDS);
    String name = scalar(b, "name");
    // The deprecated id wins over name and becomes the Kafka client id too, as with v1.
    String id = scalar(b, "id");
    if (id != null) {
      name = id;
    }
    return new CreateConsumer(group, name, id, format(scalar(b, "format")), offsetReset(scalar(b, "auto.offset.reset")),
        autoCommit(b.getValue("auto.commit.enable")), integer(b, FETCH_MIN_BYTES, "responseMinBytes"),
        integer(b, REQUEST_TIMEOUT, "requestWaitMs"));
  }

  private static EmbeddedFormat format(String name) {
    if (name == null) {
      return EmbeddedFormat.BINARY;
    }
    return EmbeddedFormat.parse(name.trim())
        .orElseThrow(() -> ErrorCode.UNPROCESSABLE_ENTITY.toException("Invalid format type."));
  }

  private static String offsetReset(String value) {
    if (value == null) {
      return null;
    }
    String reset = value.trim().toLowerCase(Locale.ROOT);
    if (!OFFSET_RESETS.contains(reset)) {
      throw invalidConfig("auto.offset.reset must be earliest, latest or none, not '" + value + "'");
    }
    return reset;
  }

  /** On unless asked otherwise: v2 left Kafka's enable.auto.commit default (true) alone. */
  private static boolean autoCommit(Object value) {
    if (value == null) {
      return true;
    }
    String text = value.toString().trim();
    if (value instanceof Boolean || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalidConfig("auto.commit.enable must be true or false, not '" + value + "'");
  }

  /** The field or its alias (the dotted name wins when both are given); unparsable values are 40001. */
  private static Integer integer(JsonObject b, String field, String alias) {
    String used = b.getValue(field) != null ? field : alias;
    Object value = b.getValue(used);
    if (value == null) {
      return null;
    }
    try {
      if (value instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new NumberFormatException();
        }
        return Math.toIntExact(n.longValue());
      }
      return Integer.valueOf(value.toString().trim());
    } catch (NumberFormatException | ArithmeticException e) {
      throw ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT.toException(
          ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT.message() + ": " + used + " must be an integer, not '"
              + value + "'");
    }
  }

  /** A text field; numbers and booleans are taken as their text (Jackson's coercion), objects are 400. */
  private static String scalar(JsonObject b, String field) {
    Object value = b.getValue(field);
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value == null ? null : value.toString();
    }
    throw ErrorCode.BAD_REQUEST.toException("Field '" + field + "' must be a string.");
  }

  private static TributaryException invalidConfig(String detail) {
    return ErrorCode.INVALID_CONSUMER_CONFIG.toException(ErrorCode.INVALID_CONSUMER_CONFIG.message() + ": " + detail);
  }
}
