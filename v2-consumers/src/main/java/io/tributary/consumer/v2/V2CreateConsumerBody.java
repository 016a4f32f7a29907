package io.tributary.consumer.v2;

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

  /**
   * @param principal the name of the creating principal, who alone may use the instance
   * @param body the request body, or null when it was empty (all defaults)
   */
  static CreateConsumer parse(String group, String principal, JsonObject body) {
    JsonObject b = body == null ? new JsonObject() : body;
    V2Bodies.onlyFields(b, FIELDS);
    String name = text(b, "name", ErrorCode.BAD_REQUEST);
    // The deprecated id wins over name and becomes the Kafka client id too, as with v1.
    String id = text(b, "id", ErrorCode.BAD_REQUEST);
    if (id != null) {
      name = id;
    }
    return new CreateConsumer(group, name, id, format(text(b, "format", ErrorCode.BAD_REQUEST)),
        offsetReset(text(b, "auto.offset.reset", ErrorCode.BAD_REQUEST)),
        // On unless asked otherwise: v2 left Kafka's enable.auto.commit default (true) alone.
        autoCommit(b.getValue("auto.commit.enable"), true), integer(b, FETCH_MIN_BYTES, "responseMinBytes"),
        integer(b, REQUEST_TIMEOUT, "requestWaitMs"), principal);
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
}
