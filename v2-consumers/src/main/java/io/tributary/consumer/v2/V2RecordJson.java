package io.tributary.consumer.v2;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.formats.ConsumedRecordsDecoder.DecodedRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;

/**
 * v2's JSON for consumed records: a bare array of {@code topic, key, value, partition, offset}, plus
 * {@code timestamp} and {@code headers} when the client asked for them. Header values are base64 whatever the
 * instance's format: headers are bytes with no format of their own.
 */
final class V2RecordJson {
  private V2RecordJson() {}

  static JsonArray render(List<DecodedRecord> records, ReadIncludes includes) {
    JsonArray out = new JsonArray();
    for (DecodedRecord d : records) {
      ConsumedRecord r = d.record();
      JsonObject json = new JsonObject()
          .put("topic", r.topic())
          .put("key", d.key())
          .put("value", d.value())
          .put("partition", r.partition())
          .put("offset", r.offset());
      if (includes.timestamp()) {
        json.put("timestamp", r.timestamp());
      }
      if (includes.headers()) {
        JsonArray headers = new JsonArray();
        r.headers().forEach(h -> headers.add(new JsonObject().put("key", h.name())
            .put("value", h.value() == null ? null : Base64.getEncoder().encodeToString(h.value()))));
        json.put("headers", headers);
      }
      out.add(json);
    }
    return out;
  }
}
