package io.tributary.http.consumer;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.json.JsonObject;

/**
 * Field readers for the consumer-creation body that v1 and v2 share; each generation keeps its own defaults and
 * names, these only read values the way kafka-rest's Jackson binding coerced them.
 */
public final class CreateConsumerFields {
  private CreateConsumerFields() {}

  /** {@code auto.commit.enable}: a boolean or the strings true/false; {@code whenAbsent} when the field is missing. */
  public static boolean autoCommit(Object value, boolean whenAbsent) {
    if (value == null) {
      return whenAbsent;
    }
    String text = value.toString().trim();
    if (value instanceof Boolean || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
      return Boolean.parseBoolean(text);
    }
    throw invalidConfig("auto.commit.enable must be true or false, not '" + value + "'");
  }

  /**
   * An integer given as a number or a string, under {@code field} or (when that is absent) {@code alias}, which
   * may be null; kafka-rest reported an unparsable value as a constraint violation (40001).
   */
  public static Integer integer(JsonObject body, String field, String alias) {
    String used = body.getValue(field) != null || alias == null ? field : alias;
    Object value = body.getValue(used);
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

  /** A text field; numbers and booleans count as their text (Jackson's coercion), anything else fails with {@code wrongType}. */
  public static String text(JsonObject body, String field, ErrorCode wrongType) {
    Object value = body.getValue(field);
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value == null ? null : value.toString();
    }
    throw wrongType.toException("Field '" + field + "' must be a string.");
  }

  /** 42204 "Invalid consumer configuration: …". */
  public static TributaryException invalidConfig(String detail) {
    return ErrorCode.INVALID_CONSUMER_CONFIG.toException(ErrorCode.INVALID_CONSUMER_CONFIG.message() + ": " + detail);
  }
}
