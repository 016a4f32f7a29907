package io.tributary.v1;

import static io.tributary.http.consumer.CreateConsumerFields.autoCommit;
import static io.tributary.http.consumer.CreateConsumerFields.integer;
import static io.tributary.http.consumer.CreateConsumerFields.invalidConfig;
import static io.tributary.http.consumer.CreateConsumerFields.text;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.error.ErrorCode;
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

  /**
   * @param principal the name of the creating principal, who alone may use the instance
   * @param body the request body, or null when it was empty (all defaults)
   */
  static CreateConsumer parse(String group, String principal, JsonObject body) {
    JsonObject b = body == null ? new JsonObject() : body;
    for (String field : b.fieldNames()) {
      if (!FIELDS.contains(field)) {
        throw ErrorCode.UNPROCESSABLE_ENTITY.toException("Unrecognized field: " + field);
      }
    }
    String name = text(b, "name", ErrorCode.UNPROCESSABLE_ENTITY);
    // The deprecated id wins over name and also becomes the Kafka client id, as in kafka-rest.
    String id = text(b, "id", ErrorCode.UNPROCESSABLE_ENTITY);
    if (id != null) {
      name = id;
    }
    return new CreateConsumer(group, name, id, format(text(b, "format", ErrorCode.UNPROCESSABLE_ENTITY)),
        offsetReset(text(b, "auto.offset.reset", ErrorCode.UNPROCESSABLE_ENTITY)),
        // Off unless asked for: v1 never auto-committed by default (unlike v2).
        autoCommit(b.getValue("auto.commit.enable"), false), integer(b, "fetch.min.bytes", null),
        integer(b, "consumer.request.timeout.ms", null), principal);
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
}
