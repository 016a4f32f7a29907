package io.tributary.consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes the JSON array of a read's records straight into {@link BufferChunks}, one field at a time, with the same
 * bytes Vert.x's {@code JsonArray} of {@code JsonObject}s gave (compact, the same escaping, the same number forms),
 * without building those trees. Binary keys and values (and header values) are written as base64 by the generator
 * (standard alphabet, padded, no line breaks, as {@code java.util.Base64.getEncoder()}); decoded values of the
 * other formats go through Vert.x's own encoder ({@link JacksonCodec#encodeJson}).
 */
final class RecordsJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  /** A record's key and value as the instance's format shows them. */
  interface Parts {
    void writeKey(int index, ConsumedRecord record, JsonGenerator out) throws IOException;

    void writeValue(int index, ConsumedRecord record, JsonGenerator out) throws IOException;
  }

  /** Binary: the raw bytes as base64 strings (null stays null). */
  static final Parts BINARY = new Parts() {
    @Override
    public void writeKey(int index, ConsumedRecord record, JsonGenerator out) throws IOException {
      writeBytes(record.key(), out);
    }

    @Override
    public void writeValue(int index, ConsumedRecord record, JsonGenerator out) throws IOException {
      writeBytes(record.value(), out);
    }
  };

  private RecordsJsonWriter() {}

  /** Decoded keys and values (JSON values as Vert.x represents them), in the order of the records. */
  static Parts decoded(List<Object> keys, List<Object> values) {
    return new Parts() {
      @Override
      public void writeKey(int index, ConsumedRecord record, JsonGenerator out) {
        JacksonCodec.encodeJson(keys.get(index), out);
      }

      @Override
      public void writeValue(int index, ConsumedRecord record, JsonGenerator out) {
        JacksonCodec.encodeJson(values.get(index), out);
      }
    };
  }

  static List<Buffer> write(List<ConsumedRecord> records, Parts parts, RecordLayout layout) {
    BufferChunks chunks = new BufferChunks();
    try (JsonGenerator out = FACTORY.createGenerator(chunks)) {
      out.writeStartArray();
      for (int i = 0; i < records.size(); i++) {
        ConsumedRecord record = records.get(i);
        out.writeStartObject();
        if (layout.order() == RecordLayout.Order.V1) {
          writeV1(i, record, parts, out);
        } else {
          writeV2(i, record, parts, layout, out);
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    } catch (IOException e) {
      // BufferChunks never throws; this would be a bug in the generator.
      throw new UncheckedIOException(e);
    }
    return chunks.chunks();
  }

  private static void writeV1(int i, ConsumedRecord record, Parts parts, JsonGenerator out) throws IOException {
    out.writeFieldName("key");
    parts.writeKey(i, record, out);
    out.writeFieldName("value");
    parts.writeValue(i, record, out);
    out.writeNumberField("partition", record.partition());
    out.writeNumberField("offset", record.offset());
    out.writeStringField("topic", record.topic());
  }

  private static void writeV2(int i, ConsumedRecord record, Parts parts, RecordLayout layout, JsonGenerator out)
      throws IOException {
    out.writeStringField("topic", record.topic());
    out.writeFieldName("key");
    parts.writeKey(i, record, out);
    out.writeFieldName("value");
    parts.writeValue(i, record, out);
    out.writeNumberField("partition", record.partition());
    out.writeNumberField("offset", record.offset());
    if (layout.timestamp()) {
      out.writeNumberField("timestamp", record.timestamp());
    }
    if (layout.headers()) {
      // Header values are base64 whatever the instance's format: headers are bytes with no format of their own.
      out.writeArrayFieldStart("headers");
      for (RecordHeader header : record.headers()) {
        out.writeStartObject();
        out.writeStringField("key", header.name());
        out.writeFieldName("value");
        writeBytes(header.value(), out);
        out.writeEndObject();
      }
      out.writeEndArray();
    }
  }

  private static void writeBytes(byte[] bytes, JsonGenerator out) throws IOException {
    if (bytes == null) {
      out.writeNull();
    } else {
      out.writeBinary(bytes);
    }
  }
}
