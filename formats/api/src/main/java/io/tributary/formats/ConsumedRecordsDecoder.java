package io.tributary.formats;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.DecodeRequest;
import io.tributary.core.format.DecodeResult.DecodedValue;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodedValue;
import io.tributary.core.format.RecordPart;
import io.tributary.core.produce.RecordHeader;
import io.tributary.formats.wire.SchemaIdHeader;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The keys and values of consumed records as the JSON of an embedded format, for the consumer routes of v1 and v2:
 * binary and json with their codecs, the schema formats through the {@link FormatConverter} (one call for the keys
 * and one for the values of a read, none for a part that is null throughout). Schema ids are taken from the
 * Confluent prefix, or from the {@code __key_schema_id}/{@code __value_schema_id} header when the producer used
 * header framing. A failure is a 50002 (or the converters' 50303) for the whole read: the caller hands the records
 * back to their instance.
 */
public final class ConsumedRecordsDecoder {
  /** A consumed record with its key and value as JSON. */
  public record DecodedRecord(ConsumedRecord record, Object key, Object value) {}

  private ConsumedRecordsDecoder() {}

  public static Future<List<DecodedRecord>> decode(List<ConsumedRecord> records, EmbeddedFormat format,
      FormatConverter converter) {
    Optional<EmbeddedCodec> codec = EmbeddedCodec.builtIn(format);
    if (codec.isPresent()) {
      try {
        return Future.succeededFuture(withCodec(records, codec.get()));
      } catch (DataConversionException e) {
        return Future.failedFuture(ErrorCode.KAFKA_ERROR.toException(
            "Kafka error: cannot represent a consumed record in the requested format: " + e.getMessage() + "."));
      }
    }
    Future<List<Object>> keys = part(records, RecordPart.KEY, format, converter);
    Future<List<Object>> values = part(records, RecordPart.VALUE, format, converter);
    return Future.join(keys, values).transform(done -> {
      if (keys.failed()) {
        return Future.failedFuture(keys.cause());
      }
      if (values.failed()) {
        return Future.failedFuture(values.cause());
      }
      List<DecodedRecord> out = new ArrayList<>(records.size());
      for (int i = 0; i < records.size(); i++) {
        out.add(new DecodedRecord(records.get(i), keys.result().get(i), values.result().get(i)));
      }
      return Future.succeededFuture(out);
    });
  }

  private static List<DecodedRecord> withCodec(List<ConsumedRecord> records, EmbeddedCodec codec) {
    List<DecodedRecord> out = new ArrayList<>(records.size());
    for (ConsumedRecord r : records) {
      out.add(new DecodedRecord(r, codec.toJson(r.key(), DataConversionException.Part.KEY),
          codec.toJson(r.value(), DataConversionException.Part.VALUE)));
    }
    return out;
  }

  private static Future<List<Object>> part(List<ConsumedRecord> records, RecordPart part, EmbeddedFormat format,
      FormatConverter converter) {
    List<EncodedValue> encoded = new ArrayList<>(records.size());
    boolean anyData = false;
    for (ConsumedRecord r : records) {
      byte[] bytes = part.isKey() ? r.key() : r.value();
      anyData |= bytes != null;
      encoded.add(new EncodedValue(bytes, bytes == null ? null : schemaIdHeader(r, part)));
    }
    if (!anyData) {
      return Future.succeededFuture(Collections.nCopies(records.size(), null));
    }
    return converter.decode(new DecodeRequest(part, format, encoded))
        .map(result -> result.values().stream().map(DecodedValue::json).toList());
  }

  /** The last header naming the part's schema (a later header overrides an earlier one), or null. */
  private static byte[] schemaIdHeader(ConsumedRecord record, RecordPart part) {
    String name = SchemaIdHeader.name(part.isKey());
    byte[] value = null;
    for (RecordHeader header : record.headers()) {
      if (name.equals(header.name())) {
        value = header.value();
      }
    }
    return value;
  }
}
