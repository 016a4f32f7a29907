package io.tributary.v1;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Set;

/**
 * Reads v1's consumer-creation body into a {@link CreateConsumer} with v1's defaults resolved: binary format,
 * auto-commit off unless asked for, and the old consumer's {@code smallest}/{@code largest} offset resets.
 */
final class V1CreateConsumerBody {
  private static final Set<String> FIELDS = Set.of("name", "id", "format", "auto.offset.reset",
      "auto.commit.enable", "fetch.min.bytes", "consumer.request.timeout.ms");

  private V1CreateConsumerBody() {}

  /** @param body the request body, or null when it was empty (all defaults) */
  static CreateConsumer parse(String group, JsonObject body) {
    JsonObject b = body == null ? new JsonObject() : body;
    for (String field : b.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Unrecognized field: " + field);
      }
    }
    String name = text(b, "name");
    // The deprecated id wins over name and also becomes the Kafka client id, as in kafka-rest.
    String id = text(b, "id");
    if (id != null) {
      name = id;
    }
    return new CreateConsumer(group, name, id, format(text(b, "format")), offsetReset(text(b, "auto.offset.reset")),
        autoCommit(b.getValue("auto.commit.enable")), integer(b, "fetch.min.bytes"),
        integer(b, "consumer.request.timeout.ms"));
  }

  private static EmbeddedFormat format(String name) {
    if (name == null) {
      return EmbeddedFormat.BINARY;
    }
    EmbeddedFormat format = EmbeddedFormat.parse(name).orElse(null);
    // v1 knew binary, json and avro; the newer schema formats are v2's.
    if (format != EmbeddedFormat.BINARY && format != EmbeddedFormat.JSON && format != EmbeddedFormat.AVRO) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Invalid format type.");
    }
    return format;
  }

  /** v1 clients speak the old consumer's names; the new ones are accepted too. */
  private static String offsetReset(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "smallest", "earliest" -> "earliest";
      case "largest", "latest" -> "latest";
      default -> throw invalidConfig("auto.offset.reset must be smallest or largest, not '" + value + "'");
    };
  }

  /** Off unless asked for: v1 never auto-committed by default (unlike v2). */
  private static boolean autoCommit(Object value) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean bool) {
      return bool;
    }
    String text = value.toString().trim();
    if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalidConfig("auto.commit.enable must be true or false, not '" + value + "'");
  }

  /** kafka-rest took these as strings or numbers and reported anything unparsable as a constraint violation. */
  private static Integer integer(JsonObject b, String field) {
    Object value = b.getValue(field);
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
          ErrorCode.INVALID_CONSUMER_CONFIG_CONSTRAINT.message() + ": " + field + " must be an integer, not '"
              + value + "'");
    }
  }

  private static String text(JsonObject b, String field) {
    Object value = b.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field '" + field + "' must be a string.");
  }

  private static TributaryException invalidConfig(String detail) {
    return ErrorCode.INVALID_CONSUMER_CONFIG.toException(ErrorCode.INVALID_CONSUMER_CONFIG.message() + ": " + detail);
  }
}
