package io.tributary.formats;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Jackson's streaming parser for the produce paths, set up so that whatever it accepts reads exactly as
 * {@code Json.decodeValue} would read it: the same factory (so the same limits, see
 * {@code JsonBodies.limitStringsByBodySize}) and duplicate names refused, where a tree would keep the last one. A
 * streaming reader that meets anything it does not take hands the body to the tree reading, which has the messages.
 */
public final class JsonStreams {
  private JsonStreams() {}

  /** A parser over {@code length} bytes of {@code bytes} from {@code offset}. */
  public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
    JsonParser parser = DatabindCodec.mapper().getFactory().createParser(bytes, offset, length);
    parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return parser;
  }

  /** A parser over a whole buffer. */
  public static JsonParser parser(Buffer buffer) throws IOException {
    byte[] bytes = buffer.getBytes();
    return parser(bytes, 0, bytes.length);
  }

  /**
   * A generator of compact JSON, as {@code Json.encode} writes it, with nothing between root values: write one value,
   * {@link JsonGenerator#flush()}, take the bytes.
   */
  public static JsonGenerator generator(OutputStream out) throws IOException {
    JsonGenerator generator = DatabindCodec.mapper().getFactory().createGenerator(out);
    generator.setRootValueSeparator(null);
    return generator;
  }

  /**
   * Copies the value at the parser's current token to the generator and leaves the parser on its last token. Numbers
   * are written as the tree would hold them (int, long or big integer; every fraction as a double), so the bytes are
   * those of {@code Json.encode(Json.decodeValue(text))}.
   */
  public static void copyValue(JsonParser parser, JsonGenerator generator) throws IOException {
    int depth = 0;
    JsonToken token = parser.currentToken();
    while (true) {
      switch (token) {
        case START_OBJECT -> {
          generator.writeStartObject();
          depth++;
        }
        case START_ARRAY -> {
          generator.writeStartArray();
          depth++;
        }
        case END_OBJECT -> {
          generator.writeEndObject();
          depth--;
        }
        case END_ARRAY -> {
          generator.writeEndArray();
          depth--;
        }
        case FIELD_NAME -> generator.writeFieldName(parser.currentName());
        case VALUE_STRING -> generator.writeString(parser.getTextCharacters(), parser.getTextOffset(),
            parser.getTextLength());
        case VALUE_NUMBER_INT -> {
          switch (parser.getNumberType()) {
            case INT -> generator.writeNumber(parser.getIntValue());
            case LONG -> generator.writeNumber(parser.getLongValue());
            default -> generator.writeNumber(parser.getBigIntegerValue());
          }
        }
        case VALUE_NUMBER_FLOAT -> generator.writeNumber(parser.getDoubleValue());
        case VALUE_TRUE -> generator.writeBoolean(true);
        case VALUE_FALSE -> generator.writeBoolean(false);
        case VALUE_NULL -> generator.writeNull();
        default -> throw new IOException("Unexpected token " + token);
      }
      if (depth == 0) {
        return;
      }
      token = parser.nextToken();
    }
  }

  /**
   * The length of {@code Json.encode} of the JSON value in {@code length} bytes of {@code bytes} from {@code offset}
   * (its compact form), found by writing it to nowhere.
   */
  public static long compactLength(byte[] bytes, int offset, int length) throws IOException {
    CountingStream counter = new CountingStream();
    try (JsonParser parser = parser(bytes, offset, length); JsonGenerator generator = generator(counter)) {
      parser.nextToken();
      copyValue(parser, generator);
      generator.flush();
    }
    return counter.count;
  }

  private static final class CountingStream extends OutputStream {
    long count;

    @Override
    public void write(int b) {
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      count += len;
    }
  }

  /**
   * Whether {@code body} is exactly one JSON value, reading every token as the tree reading would (strings and
   * numbers are taken in full, so the parser's limits apply to them) but building nothing. False is not final: a body
   * it refuses (duplicate names, which a tree accepts) should be asked of {@code Json.decodeValue}.
   */
  public static boolean isOneValue(Buffer body) {
    try (JsonParser parser = parser(body)) {
      if (parser.nextToken() == null) {
        return false;
      }
      int depth = 0;
      JsonToken token = parser.currentToken();
      while (true) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case VALUE_STRING -> parser.getTextLength();
          case VALUE_NUMBER_INT -> parser.getNumberValue();
          case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
          default -> {
            // names, booleans and null are complete tokens
          }
        }
        if (depth == 0) {
          break;
        }
        token = parser.nextToken();
      }
      return parser.nextToken() == null;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /**
   * The value at the parser's current token in Vert.x's JSON types (JsonObject, JsonArray, String, Integer, Long,
   * BigInteger, Double, Boolean or null), read by Vert.x's own mapper as {@code Json.decodeValue} reads it.
   */
  @SuppressWarnings("unchecked")
  public static Object readValue(JsonParser parser) throws IOException {
    Object value = DatabindCodec.mapper().readValue(parser, Object.class);
    if (value instanceof Map<?, ?> map) {
      return new JsonObject((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      return new JsonArray(list);
    }
    return value;
  }
}
