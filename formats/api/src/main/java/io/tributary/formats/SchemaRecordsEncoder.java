package io.tributary.formats;

import io.tributary.core.auth.Principal;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.EncodeResult;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.ProduceRecordsReader.PreparedRecords;
import io.tributary.formats.ProduceRecordsReader.RecordJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The schema formats of v1/v2 produce (reference §2.2, §3.3). {@code key_schema} (raw schema text) or
 * {@code key_schema_id} names the schema of every key, {@code value_schema}/{@code value_schema_id} that of every
 * value; when both are given the id wins (it names one registered schema exactly). All keys go to the converters in
 * one call and all values in another, and the records are assembled only when both succeeded, so a request with one
 * bad record writes nothing.
 *
 * <p>A null key or value stays a Kafka null and needs no schema (kafka-rest before 8.0 behaved so). Data without a
 * schema is 42201 (keys) or 42202 (values), found before the registry is asked anything. A part that names a schema
 * is resolved even when all its data are null, so that a bad schema is reported and its id is in the response, as
 * kafka-rest did.
 */
final class SchemaRecordsEncoder {
  private SchemaRecordsEncoder() {}

  /**
   * @throws io.tributary.core.error.TributaryException for data without a schema and badly typed schema fields;
   *     the converters' failures come as a failed future
   */
  static Future<PreparedRecords> encode(String topic, EmbeddedFormat format, JsonObject body,
      List<RecordJson> records, FormatConverter converter, Principal principal) {
    SchemaSpec keySchema = spec(body, "key_schema", "key_schema_id");
    SchemaSpec valueSchema = spec(body, "value_schema", "value_schema_id");
    List<Object> keys = present(records, RecordJson::key);
    List<Object> values = present(records, RecordJson::value);
    if (keySchema == null && !keys.isEmpty()) {
      throw ErrorCode.KEY_SCHEMA_MISSING.toException();
    }
    if (valueSchema == null && !values.isEmpty()) {
      throw ErrorCode.VALUE_SCHEMA_MISSING.toException();
    }
    Future<EncodeResult> encodedKeys = keySchema == null ? Future.succeededFuture()
        : converter.encode(new EncodeRequest(topic, RecordPart.KEY, format, keySchema, keys, principal));
    Future<EncodeResult> encodedValues = valueSchema == null ? Future.succeededFuture()
        : converter.encode(new EncodeRequest(topic, RecordPart.VALUE, format, valueSchema, values,
            principal));
    // join, not all: when both fail, the key's failure is the one reported, whichever answered first.
    return Future.join(encodedKeys, encodedValues).transform(done -> {
      if (encodedKeys.failed()) {
        return Future.failedFuture(encodedKeys.cause());
      }
      if (encodedValues.failed()) {
        return Future.failedFuture(encodedValues.cause());
      }
      return Future.succeededFuture(assemble(records, encodedKeys.result(), encodedValues.result()));
    });
  }

  private static PreparedRecords assemble(List<RecordJson> records, EncodeResult keys, EncodeResult values) {
    Iterator<byte[]> keyBytes = keys == null ? null : keys.values().iterator();
    Iterator<byte[]> valueBytes = values == null ? null : values.values().iterator();
    List<OutgoingRecord> out = new ArrayList<>(records.size());
    for (RecordJson record : records) {
      byte[] key = record.key() == null ? null : keyBytes.next();
      byte[] value = record.value() == null ? null : valueBytes.next();
      out.add(OutgoingRecord.of(key, value, record.partition()));
    }
    return new PreparedRecords(out, keys == null ? null : keys.schemaId(),
        values == null ? null : values.schemaId());
  }

  private static List<Object> present(List<RecordJson> records, Function<RecordJson, Object> part) {
    return records.stream().map(part).filter(Objects::nonNull).toList();
  }

  /** The schema a part names, or null when it names none. */
  private static SchemaSpec spec(JsonObject body, String schemaField, String idField) {
    Integer id = schemaId(body.getValue(idField), idField);
    if (id != null) {
      return SchemaSpec.ofId(id);
    }
    Object schema = body.getValue(schemaField);
    if (schema == null) {
      return null;
    }
    if (schema instanceof String text) {
      return SchemaSpec.ofSchema(text);
    }
    throw ProduceRecordsReader.invalid(schemaField + " must be a JSON string holding the schema");
  }

  /** An id as a JSON integer, or as a string of digits (Jackson coerced those, and clients send them). */
  private static Integer schemaId(Object json, String field) {
    if (json == null) {
      return null;
    }
    try {
      if (json instanceof Integer || json instanceof Long) {
        return Math.toIntExact(((Number) json).longValue());
      }
      if (json instanceof String text) {
        return Integer.valueOf(text.trim());
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // answered below
    }
    throw ProduceRecordsReader.invalid(field + " must be an integer");
  }
}
