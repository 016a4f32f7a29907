package io.tributary.produce.v3;

import io.tributary.core.auth.Principal;
import io.tributary.core.bus.BusFailures;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.EncodeRequest;
import io.tributary.core.format.RecordPart;
import io.tributary.core.format.SchemaSpec;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.DataConversionException.Part;
import io.tributary.formats.EmbeddedCodec;
import io.tributary.formats.FormatConverter;
import io.tributary.produce.v3.RecordOutcome.DataReport;
import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

/**
 * Turns a parsed v3 record into Kafka bytes: BINARY and JSON through the same codecs as v1/v2 produce, STRING as
 * UTF-8, here and at once; AVRO, JSONSCHEMA, PROTOBUF and data without {@code type} (the subject's registered schema,
 * reference §2.3) through the format converters, one call per key or value. Data that does not fit its type or
 * schema is a 400 for this record; the converters' other failures keep their codes (42205, 42207 and 40301 for the
 * registry, 50303 when it cannot be reached), and a 422 family code is folded into the receipt later.
 *
 * <p>With a schema, {@code data: null} is written through the schema (and refused when the schema does not allow
 * null), as kafka-rest does by default; an absent key or value is a Kafka null.
 */
final class V3RecordEncoder {
  private V3RecordEncoder() {}

  /**
   * The record in Kafka's bytes, with what its receipt reports about key and value.
   *
   * @throws TributaryException when schemaless data does not fit its type; a converter's refusal comes as a failed
   *     future
   */
  static Future<EncodedRecord> encode(V3RecordRequest request, String topic, FormatConverter converter,
      Principal principal) {
    Future<Encoded> key = part(request.key(), topic, RecordPart.KEY, converter, principal);
    Future<Encoded> value = part(request.value(), topic, RecordPart.VALUE, converter, principal);
    if (key.succeeded() && value.succeeded()) {
      // Schemaless data is converted at once: no need to wait for anything (a stream has one such record per line).
      return Future.succeededFuture(assemble(request, key.result(), value.result()));
    }
    // join, not all: when both fail, the key's failure is the one reported, whichever answered first.
    return Future.join(key, value).transform(done -> {
      if (key.failed()) {
        return Future.failedFuture(key.cause());
      }
      if (value.failed()) {
        return Future.failedFuture(value.cause());
      }
      return Future.succeededFuture(assemble(request, key.result(), value.result()));
    });
  }

  private static EncodedRecord assemble(V3RecordRequest request, Encoded key, Encoded value) {
    OutgoingRecord record = new OutgoingRecord(key.bytes(), value.bytes(), request.partition(), request.headers(),
        request.timestamp());
    return new EncodedRecord(record, key.report(), value.report());
  }

  /** A key or value in bytes (null for a Kafka null) and its receipt report (null when the record had none). */
  private record Encoded(byte[] bytes, DataReport report) {
    static final Encoded ABSENT = new Encoded(null, null);
  }

  private static Future<Encoded> part(V3RecordData data, String topic, RecordPart part,
      FormatConverter converter, Principal principal) {
    if (data == null) {
      return Future.succeededFuture(Encoded.ABSENT);
    }
    if (data.type() != null && !data.type().requiresSchema()) {
      byte[] bytes = schemaless(data, part);
      return Future.succeededFuture(new Encoded(bytes, DataReport.of(data.type(), bytes)));
    }
    EmbeddedFormat format = data.type() == null ? null : EmbeddedFormat.valueOf(data.type().name());
    SchemaSpec spec = new SchemaSpec(data.subject(), data.subjectNameStrategy(), data.schema(), data.schemaId(),
        data.schemaVersion());
    return converter.encode(new EncodeRequest(topic, part, format, spec, Collections.singletonList(data.data()),
        principal))
        .transform(ar -> {
          if (ar.failed()) {
            return Future.failedFuture(refusal(BusFailures.asTributary(ar.cause())));
          }
          byte[] bytes = ar.result().values().get(0);
          return Future.succeededFuture(new Encoded(bytes, new DataReport(V3DataType.valueOf(ar.result().format()
              .name()), ar.result().subject(), ar.result().schemaId(), ar.result().schemaVersion(), bytes.length)));
        });
  }

  /** Data that does not fit its schema, and the registry's "no such version", are v3's per-record 400s. */
  private static TributaryException refusal(TributaryException failure) {
    if (failure.code() == ErrorCode.JSON_CONVERSION.code() || failure.code() == ErrorCode.BAD_REQUEST.code()) {
      return V3Messages.badRequest(failure.getMessage());
    }
    return failure;
  }

  private static byte[] schemaless(V3RecordData data, RecordPart recordPart) {
    Object json = data.data();
    Part part = recordPart.isKey() ? Part.KEY : Part.VALUE;
    return switch (data.type()) {
      case BINARY -> binary(json, part);
      case JSON -> EmbeddedCodec.builtIn(EmbeddedFormat.JSON).orElseThrow().toBytes(json, part);
      case STRING -> string(json);
      default -> throw new IllegalStateException("schema types are converted by the format converters");
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
