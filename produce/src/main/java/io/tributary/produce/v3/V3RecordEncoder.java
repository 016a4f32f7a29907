package io.tributary.produce.v3;

import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.DataConversionException.Part;
import io.tributary.formats.EmbeddedCodec;
import java.nio.charset.StandardCharsets;

/**
 * Turns a parsed v3 record into Kafka bytes: BINARY and JSON through the same codecs as v1/v2 produce, STRING as
 * UTF-8. Data that does not fit its type is a 400 for this record. Schema-based data (AVRO, JSONSCHEMA, PROTOBUF,
 * or no {@code type}, which means "the subject's registered schema") is refused with kafka-rest's serialization
 * error, 42207, until the schema-registry formats are wired in.
 */
final class V3RecordEncoder {
  private V3RecordEncoder() {}

  static EncodedRecord encode(V3RecordRequest request) {
    byte[] key = bytes(request.key(), Part.KEY);
    byte[] value = bytes(request.value(), Part.VALUE);
    OutgoingRecord record = new OutgoingRecord(key, value, request.partition(), request.headers(),
        request.timestamp());
    return new EncodedRecord(record, typeOf(request.key()), typeOf(request.value()));
  }

  private static V3DataType typeOf(V3RecordData data) {
    return data == null ? null : data.type();
  }

  private static byte[] bytes(V3RecordData data, Part part) {
    if (data == null) {
      return null;
    }
    if (data.type() == null || data.type().requiresSchema()) {
      throw ErrorCode.SERIALIZATION_FAILED.toException(V3Messages.SCHEMA_FORMATS_NOT_YET);
    }
    Object json = data.data();
    return switch (data.type()) {
      case BINARY -> binary(json, part);
      case JSON -> EmbeddedCodec.builtIn(EmbeddedFormat.JSON).orElseThrow().toBytes(json, part);
      case STRING -> string(json);
      default -> throw new IllegalStateException("schema types are handled above");
    };
  }

  private static byte[] binary(Object json, Part part) {
    try {
      return EmbeddedCodec.builtIn(EmbeddedFormat.BINARY).orElseThrow().toBytes(json, part);
    } catch (DataConversionException e) {
      throw V3Messages.badRequest("data=" + V3Messages.excerpt(json) + " is not a base64 string.");
    }
  }

  private static byte[] string(Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof String text) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    throw V3Messages.badRequest("data=" + V3Messages.excerpt(json) + " is not a string.");
  }
}
