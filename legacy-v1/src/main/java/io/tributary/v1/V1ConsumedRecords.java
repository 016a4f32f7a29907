package io.tributary.v1;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.EmbeddedCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** v1's JSON for consumed records: a bare array of {@code key, value, partition, offset, topic}. */
final class V1ConsumedRecords {
  private V1ConsumedRecords() {}

  /** @throws DataConversionException when a key or value cannot be shown in the codec's format */
  static JsonArray render(List<ConsumedRecord> records, EmbeddedCodec codec) {
    JsonArray out = new JsonArray();
    for (ConsumedRecord r : records) {
      out.add(new JsonObject()
          .put("key", codec.toJson(r.key(), DataConversionException.Part.KEY))
          .put("value", codec.toJson(r.value(), DataConversionException.Part.VALUE))
          .put("partition", r.partition())
          .put("offset", r.offset())
          .put("topic", r.topic()));
    }
    return out;
  }

  /** The message of the 50002 a route answers when stored bytes do not fit the requested format. */
  static String conversionFailure(DataConversionException e) {
    return "Kafka error: cannot represent a consumed record in the requested format: " + e.getMessage() + ".";
  }
}
