package io.tributary.v1;

import io.tributary.formats.ConsumedRecordsDecoder.DecodedRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** v1's JSON for consumed records: a bare array of {@code key, value, partition, offset, topic}. */
final class V1ConsumedRecords {
  private V1ConsumedRecords() {}

  static JsonArray render(List<DecodedRecord> records) {
    JsonArray out = new JsonArray();
    for (DecodedRecord d : records) {
      out.add(new JsonObject()
          .put("key", d.key())
          .put("value", d.value())
          .put("partition", d.record().partition())
          .put("offset", d.record().offset())
          .put("topic", d.record().topic()));
    }
    return out;
  }
}
