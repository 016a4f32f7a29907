package io.tributary.consumer.v2;

import io.tributary.core.consumer.PartitionOffset;
import io.tributary.core.consumer.PartitionRef;
import io.tributary.core.consumer.PartitionTimestamp;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of v2 consumer request bodies the way kafka-rest's JSON binding answered them: an unknown field
 * is 422 "Unrecognized field", a value of the wrong JSON type is 400, a missing required value is 422. Numbers may
 * come as JSON numbers or numeric strings (Jackson's scalar coercion).
 */
final class V2Bodies {
  private static final Set<String> PARTITION_FIELDS = Set.of("topic", "partition");
  private static final Set<String> OFFSET_FIELDS = Set.of("topic", "partition", "offset", "metadata");
  private static final Set<String> TIMESTAMP_FIELDS = Set.of("topic", "partition", "timestamp", "metadata");

  private V2Bodies() {}

  /** 422 for the first field of {@code body} not in {@code known}. */
  static void onlyFields(JsonObject body, Set<String> known) {
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Unrecognized field: " + field);
      }
    }
  }

  /** {@code [{"topic","partition"}]}; null when the field is absent or null. */
  static List<PartitionRef> partitions(JsonObject body, String field) {
    return list(body, field, PARTITION_FIELDS, entry -> new PartitionRef(topic(entry, field), partition(entry, field)));
  }

  /** {@code [{"topic","partition","offset","metadata"?}]} as given; null when absent. */
  static List<PartitionOffset> offsets(JsonObject body, String field) {
    return list(body, field, OFFSET_FIELDS, entry -> new PartitionOffset(topic(entry, field), partition(entry, field),
        integer(entry, "offset", field), optionalString(entry, "metadata")));
  }

  /** {@code [{"topic","partition","timestamp":"<ISO-8601>","metadata"?}]}; null when absent. */
  static List<PartitionTimestamp> timestamps(JsonObject body, String field) {
    return list(body, field, TIMESTAMP_FIELDS, entry -> {
      optionalString(entry, "metadata");
      return new PartitionTimestamp(topic(entry, field), partition(entry, field), instant(entry, field));
    });
  }

  /** A string field, or null when absent or null. */
  static String optionalString(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof String text) {
      return text;
    }
    throw badType(field, "a string");
  }

  /** An array of non-blank strings, or null when absent or null. */
  static List<String> strings(JsonObject body, String field) {
    JsonArray array = array(body, field);
    if (array == null) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof String text)) {
        throw badType(field, "an array of strings");
      }
      if (text.isBlank()) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Field '" + field + "' may not contain an empty name.");
      }
      out.add(text);
    }
    return out;
  }

  private static <T> List<T> list(JsonObject body, String field, Set<String> entryFields,
      Function<JsonObject, T> entry) {
    JsonArray array = array(body, field);
    if (array == null) {
      return null;
    }
    List<T> out = new ArrayList<>();
    for (Object item : array) {
      if (!(item instanceof JsonObject object)) {
        throw badType(field, "an array of objects");
      }
      onlyFields(object, entryFields);
      out.add(entry.apply(object));
    }
    return out;
  }

  private static JsonArray array(JsonObject body, String field) {
    Object value = body.getValue(field);
    if (value == null) {
      return null;
    }
    if (value instanceof JsonArray array) {
      return array;
    }
    throw badType(field, "an array");
  }

  private static String topic(JsonObject entry, String list) {
    String topic = optionalString(entry, "topic");
    if (topic == null || topic.isBlank()) {
      throw missing("topic", list);
    }
    return topic;
  }

  private static int partition(JsonObject entry, String list) {
    long partition = integer(entry, "partition", list);
    if (partition < 0 || partition > Integer.MAX_VALUE) {
      throw ErrorCode.UNPROCESSABLE_ENTITY.toException(
          "Field 'partition' in '" + list + "' must be a partition number (0 or more), not " + partition + ".");
    }
    return (int) partition;
  }

  private static long integer(JsonObject entry, String field, String list) {
    Object value = entry.getValue(field);
    if (value == null) {
      throw missing(field, list);
    }
    try {
      if (value instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new NumberFormatException();
        }
        return n.longValue();
      }
      if (value instanceof String text) {
        return Long.parseLong(text.trim());
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw badType(field, "an integer");
  }

  /**
   * An ISO-8601 instant with a zone offset ({@code 2020-10-30T19:39:45Z}, {@code …+01:00}). Numbers are refused
   * rather than guessed at: seconds or milliseconds would both be plausible.
   */
  private static long instant(JsonObject entry, String list) {
    Object value = entry.getValue("timestamp");
    if (value == null) {
      throw missing("timestamp", list);
    }
    if (value instanceof String text) {
      try {
        return Instant.parse(text.trim()).toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        // answered below
      }
    }
    throw ErrorCode.BAD_REQUEST.toException("Field 'timestamp' in '" + list
        + "' must be an ISO-8601 date-time with a zone offset, such as 2020-10-30T19:39:45Z.");
  }

  private static TributaryException badType(String field, String expected) {
    return ErrorCode.BAD_REQUEST.toException("Field '" + field + "' must be " + expected + ".");
  }

  private static TributaryException missing(String field, String list) {
    return ErrorCode.UNPROCESSABLE_ENTITY.toException(
        "Field '" + field + "' is required in every entry of '" + list + "'.");
  }
}
