package io.tributary.core.produce;

import io.tributary.core.bus.BusMessage;
import java.util.List;

/**
 * Produce these records to {@code topic}. The engine validates the whole request (topic exists or may be created,
 * every explicit partition exists) before it sends anything, so a rejected request writes nothing.
 *
 * @param autoCreate whether an unknown topic may be created, as a broker with {@code auto.create.topics.enable}
 *     would; endpoints that must never create topics (Event Streams) pass false
 */
public record ProduceRequest(String topic, List<OutgoingRecord> records, boolean autoCreate) implements BusMessage {
  public ProduceRequest {
    records = List.copyOf(records);
  }
}
