package io.tributary.v1;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.DataConversionException.Part;
import io.tributary.formats.EmbeddedCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a v1 produce body ({@code {"records":[{"key":…,"value":…,"partition":…}]}}) into records ready for Kafka.
 * Every record is converted before the caller sends anything, so one bad record rejects the whole request. Like
 * kafka-rest, unknown fields are refused rather than ignored: a misspelt {@code "vlaue"} must not produce nulls.
 */
final class V1ProduceRequestParser {
  // The schema fields belong to the avro format; binary and json accept and ignore them, as kafka-rest did.
  private static final Set<String> BODY_FIELDS = Set.of("records", "key_schema", "value_schema", "key_schema_id",
      "value_schema_id");
  private static final Set<String> TOPIC_RECORD_FIELDS = Set.of("key", "value", "partition");
  private static final Set<String> PARTITION_RECORD_FIELDS = Set.of("key", "value");

  private V1ProduceRequestParser() {}

  /** Records for {@code POST /topics/{t}}: each may name its own partition. */
  static List<OutgoingRecord> forTopic(JsonObject body, EmbeddedCodec codec) {
    return parse(body, codec, null);
  }

  /** Records for {@code POST /topics/{t}/partitions/{p}}: all go to {@code partition}. */
  static List<OutgoingRecord> forPartition(JsonObject body, EmbeddedCodec codec, int partition) {
    return parse(body, codec, partition);
  }

  private static List<OutgoingRecord> parse(JsonObject body, EmbeddedCodec codec, Integer pathPartition) {
    rejectUnknownFields(body, BODY_FIELDS);
    JsonArray records = recordsOf(body);
    Set<String> recordFields = pathPartition == null ? TOPIC_RECORD_FIELDS : PARTITION_RECORD_FIELDS;
    List<OutgoingRecord> out = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      if (!(records.getValue(i) instanceof JsonObject record)) {
        throw invalid("records[" + i + "] must be a JSON object");
      }
      rejectUnknownFields(record, recordFields);
      Integer partition = pathPartition != null ? pathPartition : partitionOf(record, i);
      out.add(OutgoingRecord.of(convert(codec, record.getValue("key"), Part.KEY),
          convert(codec, record.getValue("value"), Part.VALUE), partition));
    }
    return List.copyOf(out);
  }

  private static JsonArray recordsOf(JsonObject body) {
    Object records = body.getValue("records");
    if (records == null || (records instanceof JsonArray array && array.isEmpty())) {
      throw invalid("records may not be empty");
    }
    if (!(records instanceof JsonArray array)) {
      throw invalid("records must be a JSON array");
    }
    return array;
  }

  private static Integer partitionOf(JsonObject record, int index) {
    Object partition = record.getValue("partition");
    if (partition == null) {
      return null;
    }
    if ((partition instanceof Integer || partition instanceof Long) && ((Number) partition).longValue() >= 0
        && ((Number) partition).longValue() <= Integer.MAX_VALUE) {
      return ((Number) partition).intValue();
    }
    throw invalid("records[" + index + "].partition must be a non-negative integer");
  }

  private static byte[] convert(EmbeddedCodec codec, Object json, Part part) {
    try {
      return codec.toBytes(json, part);
    } catch (DataConversionException e) {
      throw invalid(e.getMessage());
    }
  }

  private static void rejectUnknownFields(JsonObject object, Set<String> known) {
    for (String field : object.fieldNames()) {
      if (!known.contains(field)) {
        throw invalid("Unrecognized field: " + field);
      }
    }
  }

  private static TributaryException invalid(String message) {
    return ErrorCode.UNPROCESSABLE_ENTITY.toException(message);
  }
}
