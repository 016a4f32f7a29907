package io.tributary.produce.v3;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tributary.core.produce.RecordHeader;
import io.tributary.formats.BinaryCodec;
import io.tributary.formats.DataConversionException;
import io.tributary.formats.JsonStreams;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One v3 produce record read by Jackson's streaming parser straight into a {@link V3RecordRequest}, without a JSON
 * tree: what every record of a stream and every entry of {@code records:batch} costs. It takes only the plain
 * record: well-formed UTF-8, known fields, each once, every field of the type {@link V3RecordParser} wants and
 * passing its rules. For anything else it gives up ({@link Optional#empty()}) and the tree reading of
 * {@link V3RecordParser} answers, with the message it always had (and in the order it checks things); so the
 * streaming reading changes no answer, only the cost of the good ones.
 */
final class V3StreamingRecordReader {
  private V3StreamingRecordReader() {}

  /** The record in {@code length} bytes of {@code bytes} from {@code offset}, if it is plain. */
  static Optional<V3RecordRequest> read(byte[] bytes, int offset, int length) {
    try (JsonParser parser = JsonStreams.parser(bytes, offset, length)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      V3RecordRequest record = record(parser);
      if (record == null || parser.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.of(record);
    } catch (IOException | RuntimeException e) {
      // Malformed, a duplicate name, or a rule the record breaks (a TributaryException): the tree reading says
      // which, in its words.
      return Optional.empty();
    }
  }

  /**
   * Reads the record object whose START_OBJECT is the parser's current token, up to its END_OBJECT (for
   * {@code records:batch}, whose entries sit in one body); null when it is not plain. {@code id} is skipped.
   */
  static V3RecordRequest record(JsonParser parser) throws IOException {
    Integer partition = null;
    List<RecordHeader> headers = List.of();
    Long timestamp = null;
    V3RecordData key = null;
    V3RecordData value = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String name = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (name) {
        case "id" -> parser.skipChildren();
        case "partition_id" -> {
          if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
            partition = parser.getIntValue();
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "headers" -> {
          if (token == JsonToken.START_ARRAY) {
            headers = headers(parser);
            if (headers == null) {
              return null;
            }
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "timestamp" -> {
          if (token == JsonToken.VALUE_STRING) {
            try {
              timestamp = Instant.parse(parser.getText()).toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
              return null;
            }
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
        }
        case "key", "value" -> {
          V3RecordData data = null;
          if (token == JsonToken.START_OBJECT) {
            data = data(parser, name);
            if (data == null) {
              return null;
            }
          } else if (token != JsonToken.VALUE_NULL) {
            return null;
          }
          if (name.equals("key")) {
            key = data;
          } else {
            value = data;
          }
        }
        default -> {
          return null;
        }
      }
    }
    return new V3RecordRequest(partition, headers, timestamp, key, value);
  }

  private static List<RecordHeader> headers(JsonParser parser) throws IOException {
    List<RecordHeader> out = new ArrayList<>();
    JsonToken token;
    while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
      if (token != JsonToken.START_OBJECT) {
        return null;
      }
      String name = null;
      byte[] value = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken data = parser.nextToken();
        if (field.equals("name") && data == JsonToken.VALUE_STRING) {
          name = parser.getText();
        } else if (field.equals("value") && (data == JsonToken.VALUE_STRING || data == JsonToken.VALUE_NULL)) {
          try {
            value = data == JsonToken.VALUE_NULL ? null
                : BinaryCodec.INSTANCE.toBytes(parser.getText(), DataConversionException.Part.VALUE);
          } catch (DataConversionException e) {
            return null;
          }
        } else {
          return null;
        }
      }
      if (name == null) {
        return null;
      }
      out.add(new RecordHeader(name, value));
    }
    return out;
  }

  /** A key or value object; null when it is not plain. Its rules are {@link V3RecordParser}'s. */
  private static V3RecordData data(JsonParser parser, String part) throws IOException {
    V3DataType type = null;
    String subject = null;
    String strategy = null;
    Integer schemaId = null;
    Integer schemaVersion = null;
    String schema = null;
    Object data = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      if (field.equals("data")) {
        data = switch (token) {
          case VALUE_NULL -> null;
          case VALUE_STRING -> parser.getText();
          default -> JsonStreams.readValue(parser);
        };
        continue;
      }
      if (token == JsonToken.VALUE_NULL) {
        if (!V3RecordParser.isDataField(field)) {
          return null;
        }
        continue;
      }
      switch (field) {
        case "type" -> {
          if (token != JsonToken.VALUE_STRING) {
            return null;
          }
          type = V3DataType.parse(parser.getText()).orElse(null);
          if (type == null) {
            return null;
          }
        }
        case "subject", "subject_name_strategy", "schema" -> {
          if (token != JsonToken.VALUE_STRING) {
            return null;
          }
          String text = parser.getText();
          switch (field) {
            case "subject" -> subject = text;
            case "subject_name_strategy" -> strategy = text;
            default -> schema = text;
          }
        }
        case "schema_id", "schema_version" -> {
          if (token != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
            return null;
          }
          if (field.equals("schema_id")) {
            schemaId = parser.getIntValue();
          } else {
            schemaVersion = parser.getIntValue();
          }
        }
        default -> {
          return null;
        }
      }
    }
    // Throws the record's refusal when the combination breaks a rule; the caller then lets the tree reading answer.
    return V3RecordParser.checked(new V3RecordData(type, subject, strategy, schemaId, schemaVersion, schema, data),
        part);
  }
}
