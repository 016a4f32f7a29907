package io.tributary.produce.v3;

import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.RecordHeader;
import io.tributary.formats.BinaryCodec;
import io.tributary.formats.DataConversionException;
import io.tributary.http.JsonBodies;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one v3 produce record ({@code partition_id}, {@code headers}, {@code key}, {@code value},
 * {@code timestamp}; {@code id} is allowed and belongs to {@code records:batch}) and enforces the field rules of
 * kafka-rest's request model: which schema selectors may go together and with which {@code type}. The one parser
 * of both streaming produce and {@code records:batch}. Every violation is a 400 "Bad Request: …" for this record.
 *
 * <p>Unknown fields are refused rather than ignored, so that a misspelt {@code "vaule"} cannot produce a null.
 */
final class V3RecordParser {
  private static final Set<String> RECORD_FIELDS = Set.of("id", "partition_id", "headers", "key", "value",
      "timestamp");
  private static final Set<String> DATA_FIELDS = Set.of("type", "subject", "subject_name_strategy", "schema_id",
      "schema_version", "schema", "data");
  private static final Set<String> HEADER_FIELDS = Set.of("name", "value");
  private static final Set<String> STRATEGIES = Set.of("TOPIC_NAME", "RECORD_NAME", "TOPIC_RECORD_NAME");

  private V3RecordParser() {}

  /** The JSON object of one framed record; 400 when the text is not JSON or not an object. */
  static JsonObject json(Buffer frame, Charset charset) {
    Object value;
    try {
      value = charset.equals(StandardCharsets.UTF_8) ? Json.decodeValue(frame) : Json.decodeValue(
          frame.toString(charset));
    } catch (DecodeException e) {
      throw bad(JsonBodies.parserMessage(e));
    }
    if (value instanceof JsonObject object) {
      return object;
    }
    throw bad("a record must be a JSON object, not " + V3Messages.excerpt(value) + ".");
  }

  static V3RecordRequest parse(JsonObject record) {
    rejectUnknown(record, RECORD_FIELDS, "");
    return new V3RecordRequest(
        optionalInt(record, "partition_id", "partition_id"),
        headers(record.getValue("headers")),
        timestamp(record.getValue("timestamp")),
        data(record.getValue("key"), "key"),
        data(record.getValue("value"), "value"));
  }

  private static List<RecordHeader> headers(Object json) {
    if (json == null) {
      return List.of();
    }
    if (!(json instanceof JsonArray array)) {
      throw bad("headers must be a JSON array.");
    }
    List<RecordHeader> out = new ArrayList<>(array.size());
    for (Object item : array) {
      if (!(item instanceof JsonObject header)) {
        throw bad("each header must be a JSON object with a name and a value.");
      }
      rejectUnknown(header, HEADER_FIELDS, "headers.");
      if (!(header.getValue("name") instanceof String name)) {
        throw bad("every header needs a name (a JSON string).");
      }
      Object value = header.getValue("value");
      try {
        // Repeated names are kept, in order: Kafka headers are a multimap.
        out.add(new RecordHeader(name, BinaryCodec.INSTANCE.toBytes(value, DataConversionException.Part.VALUE)));
      } catch (DataConversionException e) {
        throw bad("value=" + V3Messages.excerpt(value) + " of header " + name + " is not a base64 string.");
      }
    }
    return out;
  }

  private static Long timestamp(Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof String text) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException | ArithmeticException e) {
        // fall through to the message below
      }
    }
    throw bad("timestamp=" + V3Messages.excerpt(json)
        + " is not an ISO-8601 date-time such as 2021-02-05T19:14:42Z.");
  }

  private static V3RecordData data(Object json, String part) {
    if (json == null) {
      return null;
    }
    if (!(json instanceof JsonObject data)) {
      throw bad(part + " must be a JSON object with a type and data.");
    }
    rejectUnknown(data, DATA_FIELDS, part + ".");
    V3DataType type = type(data.getValue("type"), part);
    String subject = optionalString(data, "subject", part);
    String strategy = optionalString(data, "subject_name_strategy", part);
    checkStrategy(strategy, part);
    Integer schemaId = optionalInt(data, "schema_id", part + ".schema_id");
    Integer schemaVersion = optionalInt(data, "schema_version", part + ".schema_version");
    String schema = optionalString(data, "schema", part);
    V3RecordData parsed = new V3RecordData(type, subject, strategy, schemaId, schemaVersion, schema,
        data.getValue("data"));
    checkCombination(parsed, part);
    return parsed;
  }

  // The rules of kafka-rest's request model (reference §2.2), checked when the record is read.
  private static void checkCombination(V3RecordData d, String part) {
    if (d.subject() != null && d.subjectNameStrategy() != null) {
      throw bad(part + ": only one of 'subject' and 'subject_name_strategy' can be used.");
    }
    int selectors = (d.schemaId() != null ? 1 : 0) + (d.schemaVersion() != null ? 1 : 0)
        + (d.schema() != null ? 1 : 0);
    if (selectors > 1) {
      throw bad(part + ": only one of 'schema_id', 'schema_version' and 'schema' can be used.");
    }
    V3DataType type = d.type();
    if (type == null) {
      boolean recordStrategy = d.subjectNameStrategy() != null && !"TOPIC_NAME".equals(d.subjectNameStrategy());
      if (recordStrategy && d.schemaId() == null && d.schema() == null) {
        // A record-name strategy needs a schema to take the record name from.
        throw bad(part + ": subject_name_strategy=" + d.subjectNameStrategy()
            + " cannot be used without schema_id or schema.");
      }
      return;
    }
    if (type.requiresSchema()) {
      if (d.schemaId() != null || d.schemaVersion() != null) {
        throw bad(part + ": 'schema_id' and 'schema_version' cannot be used with type=" + type
            + "; give the raw 'schema', or leave out 'type' to use a registered schema.");
      }
      if (d.schema() == null) {
        throw bad(part + ": type=" + type + " needs the raw 'schema'; leave out 'type' to use the latest"
            + " registered schema.");
      }
      return;
    }
    if (d.subject() != null || d.subjectNameStrategy() != null || selectors > 0) {
      throw bad(part + ": type=" + type + " cannot be used with 'subject', 'subject_name_strategy', 'schema_id',"
          + " 'schema_version' or 'schema'.");
    }
  }

  /** Whether {@code field} belongs in a key or value object. */
  static boolean isDataField(String field) {
    return DATA_FIELDS.contains(field);
  }

  /**
   * A key or value whose fields have the right types, checked against the rules that concern their combination
   * (as {@link #parse} checks them).
   */
  static V3RecordData checked(V3RecordData data, String part) {
    checkStrategy(data.subjectNameStrategy(), part);
    checkCombination(data, part);
    return data;
  }

  private static void checkStrategy(String strategy, String part) {
    if (strategy != null && !STRATEGIES.contains(strategy)) {
      throw bad(part + ".subject_name_strategy=" + strategy + " is not one of " + String.join(", ",
          List.of("TOPIC_NAME", "RECORD_NAME", "TOPIC_RECORD_NAME")) + ".");
    }
  }

  private static V3DataType type(Object json, String part) {
    if (json == null) {
      return null;
    }
    if (json instanceof String text) {
      var type = V3DataType.parse(text);
      if (type.isPresent()) {
        return type.get();
      }
    }
    throw bad(part + ".type=" + V3Messages.excerpt(json)
        + " is not one of BINARY, JSON, STRING, AVRO, JSONSCHEMA, PROTOBUF.");
  }

  private static String optionalString(JsonObject object, String field, String part) {
    Object value = object.getValue(field);
    if (value == null || value instanceof String) {
      return (String) value;
    }
    throw bad(part + "." + field + " must be a JSON string.");
  }

  private static Integer optionalInt(JsonObject object, String field, String label) {
    Object value = object.getValue(field);
    if (value == null) {
      return null;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= Integer.MIN_VALUE
        && ((Number) value).longValue() <= Integer.MAX_VALUE) {
      return ((Number) value).intValue();
    }
    throw bad(label + "=" + V3Messages.excerpt(value) + " is not an integer.");
  }

  private static void rejectUnknown(JsonObject object, Set<String> known, String prefix) {
    for (String field : object.fieldNames()) {
      if (!known.contains(field)) {
        throw bad("Unrecognized field: " + prefix + field);
      }
    }
  }

  private static TributaryException bad(String detail) {
    return V3Messages.badRequest(detail);
  }
}
