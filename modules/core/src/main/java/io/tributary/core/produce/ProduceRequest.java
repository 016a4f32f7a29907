package io.tributary.core.produce;

import io.tributary.core.bus.BusMessage;
import java.util.List;
import java.util.Objects;

/**
 * Produce these records to {@code topic}. The engine validates the whole request (topic exists or may be created,
 * every explicit partition exists) before it sends anything, so a rejected request writes nothing.
 *
 * @param autoCreate whether an unknown topic may be created, as a broker with {@code auto.create.topics.enable}
 *     would; endpoints that must never create topics (Event Streams) pass false
 * @param partitionErrorsPerRecord whether a record naming a partition the topic does not have gets a 40402 receipt
 *     of its own while the other records are written (v3, whose records are independent), instead of the whole
 *     request failing with 40402
 * @param origin the generation and format of the route that sent it, which label the produce meters
 */
public record ProduceRequest(String topic, List<OutgoingRecord> records, boolean autoCreate,
    boolean partitionErrorsPerRecord, ProduceOrigin origin) implements BusMessage {
  public ProduceRequest {
    records = List.copyOf(records);
    Objects.requireNonNull(origin, "origin");
  }

  /** A request that fails as a whole when a record names a partition that does not exist (v1, v2). */
  public ProduceRequest(String topic, List<OutgoingRecord> records, boolean autoCreate, ProduceOrigin origin) {
    this(topic, records, autoCreate, false, origin);
  }
}
