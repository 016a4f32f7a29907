package io.tributary.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.core.format.JsonText;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.formats.DataConversionException.Part;
import io.tributary.formats.ProduceRecordsReader.RecordJson;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A v1/v2 produce body ({@code {"records":[…]}}) read in one pass of Jackson's streaming parser straight into the
 * records, without a JSON tree of the body: binary values are decoded from the parser's text, json values copied
 * token by token into their Kafka bytes, and the values of the schema formats into their compact JSON text, which the
 * converters take as a {@link JsonText}.
 *
 * <p>It takes only the plain body: well-formed, known fields, each once, records that are objects with a usable
 * partition, binary data that is valid base64, schema fields that are strings or integers. For anything else it
 * gives up ({@link Optional#empty()}) and {@link ProduceRecordsReader} reads the body as a tree, which answers it
 * with the message it always had; so the streaming reading changes no answer, only the cost of the good ones.
 */
final class StreamingProduceBody {
  /**
   * What a plain body holds: for binary and json the records ready for Kafka; for the schema formats the records
   * with their data as JSON values, and the body's schema fields (a JsonObject of only those).
   */
  record Read(List<OutgoingRecord> records, List<RecordJson> shapes, JsonObject schemaFields) {}

  private static final Set<String> SCHEMA_FIELDS = Set.of("key_schema", "value_schema", "key_schema_id",
      "value_schema_id");

  private StreamingProduceBody() {}

  /**
   * @param pathPartition the partition of the path, or null
   * @param recordsMayNamePartition whether a record's own {@code partition} field is allowed
   */
  static Optional<Read> read(Buffer body, EmbeddedFormat format, Integer pathPartition,
      boolean recordsMayNamePartition) {
    if (body == null || body.length() == 0) {
      return Optional.empty();
    }
    try (JsonParser parser = JsonStreams.parser(body)) {
      return Optional.ofNullable(new Reading(parser, format, pathPartition, recordsMayNamePartition).body());
    } catch (IOException | RuntimeException e) {
      // Malformed, over a parser limit, or a duplicate name: the tree reading says which, in its words.
      return Optional.empty();
    }
  }

  /** One body's reading; null from any method means "not plain". */
  private static final class Reading {
    private final JsonParser parser;
    private final EmbeddedFormat format;
    private final Integer pathPartition;
    private final boolean recordsMayNamePartition;
    private final boolean builtIn;
    private ByteArrayOutputStream jsonOut;
    private JsonGenerator jsonGenerator;

    Reading(JsonParser parser, EmbeddedFormat format, Integer pathPartition, boolean recordsMayNamePartition) {
      this.parser = parser;
      this.format = format;
      this.pathPartition = pathPartition;
      this.recordsMayNamePartition = recordsMayNamePartition;
      this.builtIn = format == EmbeddedFormat.BINARY || format == EmbeddedFormat.JSON;
    }

    Read body() throws IOException {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      List<OutgoingRecord> records = null;
      List<RecordJson> shapes = null;
      JsonObject schemaFields = new JsonObject();
      boolean sawRecords = false;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equals("records")) {
          if (value != JsonToken.START_ARRAY) {
            return null;
          }
          sawRecords = true;
          records = new ArrayList<>();
          shapes = builtIn ? null : new ArrayList<>();
          if (!records(records, shapes)) {
            return null;
          }
        } else if (SCHEMA_FIELDS.contains(name)) {
          switch (value) {
            case VALUE_STRING -> schemaFields.put(name, parser.getText());
            case VALUE_NUMBER_INT -> schemaFields.put(name, parser.getNumberValue());
            case VALUE_NULL -> schemaFields.putNull(name);
            default -> {
              return null;
            }
          }
        } else {
          return null;
        }
      }
      if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
        return null;
      }
      if (!sawRecords || (builtIn ? records.isEmpty() : shapes.isEmpty())) {
        return null;
      }
      return new Read(builtIn ? records : List.of(), builtIn ? List.of() : shapes, schemaFields);
    }

    /** Reads the records array up to its end; false when a record is not plain. */
    private boolean records(List<OutgoingRecord> records, List<RecordJson> shapes) throws IOException {
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          return false;
        }
        Object key = null;
        Object value = null;
        Integer partition = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken data = parser.nextToken();
          switch (name) {
            case "key" -> {
              key = data(data, Part.KEY);
              if (key == NOT_PLAIN) {
                return false;
              }
            }
            case "value" -> {
              value = data(data, Part.VALUE);
              if (value == NOT_PLAIN) {
                return false;
              }
            }
            case "partition" -> {
              // The tree reading refuses the field where it does not exist, and any but a non-negative int.
              if (!recordsMayNamePartition) {
                return false;
              }
              if (data == JsonToken.VALUE_NULL) {
                partition = null;
              } else if (data == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                  && parser.getIntValue() >= 0) {
                partition = parser.getIntValue();
              } else {
                return false;
              }
            }
            default -> {
              return false;
            }
          }
        }
        Integer target = partition != null ? partition : pathPartition;
        if (builtIn) {
          records.add(OutgoingRecord.of((byte[]) key, (byte[]) value, target));
        } else {
          shapes.add(new RecordJson(key, value, target));
        }
      }
      return true;
    }

    /** Bytes (binary, json) or a JSON value (schema formats) for a key or value; {@link #NOT_PLAIN} to give up. */
    private Object data(JsonToken token, Part part) throws IOException {
      if (token == JsonToken.VALUE_NULL) {
        return null;
      }
      return switch (format) {
        case BINARY -> {
          if (token != JsonToken.VALUE_STRING) {
            yield NOT_PLAIN;
          }
          try {
            yield BinaryCodec.INSTANCE.toBytes(parser.getText(), part);
          } catch (DataConversionException e) {
            yield NOT_PLAIN;
          }
        }
        case JSON -> json();
        // The converters take the value as its text: no tree of it on the event loop (JsonText).
        default -> new JsonText(json());
      };
    }

    private byte[] json() throws IOException {
      if (jsonGenerator == null) {
        jsonOut = new ByteArrayOutputStream(256);
        jsonGenerator = JsonStreams.generator(jsonOut);
      }
      jsonOut.reset();
      JsonStreams.copyValue(parser, jsonGenerator);
      jsonGenerator.flush();
      return jsonOut.toByteArray();
    }
  }

  // "The tree reading must answer this": a key or value compared by identity.
  private static final Object NOT_PLAIN = new Object();
}
