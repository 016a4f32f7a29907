package io.tributary.core.consumer;

import io.tributary.core.bus.BusMessage;
import io.tributary.core.format.EmbeddedFormat;
import java.util.Objects;

/**
 * Creates a consumer instance. The route resolves every generation-specific default before sending, so the
 * engine sees explicit values only.
 *
 * @param name instance name, or null to have one generated
 * @param clientId Kafka {@code client.id} for the deprecated {@code id} field, or null
 * @param autoOffsetReset {@code earliest}, {@code latest} or {@code none}, or null for the configured default
 * @param fetchMinBytes return a read early once this many bytes are buffered; null or -1 for never
 * @param requestTimeoutMs the longest a read waits, or null for {@code consumer.request.timeout.ms}
 * @param principal the name of the principal creating the instance: it alone can address it afterwards (see
 *     {@link ConsumerRef})
 */
public record CreateConsumer(String group, String name, String clientId, EmbeddedFormat format,
    String autoOffsetReset, boolean autoCommit, Integer fetchMinBytes, Integer requestTimeoutMs, String principal)
    implements BusMessage {

  public CreateConsumer {
    Objects.requireNonNull(principal, "principal");
  }

  /** The valid range of {@code fetchMinBytes} (kafka-rest's constraint); -1 means "never return early". */
  public static final int MIN_FETCH_MIN_BYTES = -1;
  public static final int MAX_FETCH_MIN_BYTES = 10_000_000;

  /**
   * The longest per-instance {@code requestTimeoutMs} the engine accepts. Routes that cannot know an instance's
   * timeout wait this long (plus the bus timeout) for a read's answer.
   */
  public static final long MAX_REQUEST_TIMEOUT_MS = 300_000L;
}
