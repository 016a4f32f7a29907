package io.tributary.consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;

/**
 * Writes the JSON array of a read's records straight into {@link BufferChunks}, one field at a time, with the same
 * bytes Vert.x's {@code JsonArray} of {@code JsonObject}s gave (compact, the same escaping, the same number forms),
 * without building those trees. Binary keys and values (and header values) are written as base64 (standard
 * alphabet, padded, no line breaks: {@code java.util.Base64.getEncoder()}, which is several times faster than the
 * generator's own, and whose output needs no escaping); decoded values of the other formats go through Vert.x's own
 * encoder ({@link JacksonCodec#encodeJson}). Field names, and the topic of a run of records, are quoted once.
 */
final class RecordsJsonWriter {
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Base64.Encoder BASE64 = Base64.getEncoder();
  private static final SerializedString TOPIC = new SerializedString("topic");
  private static final SerializedString KEY = new SerializedString("key");
  private static final SerializedString VALUE = new SerializedString("value");
  private static final SerializedString PARTITION = new SerializedString("partition");
  private static final SerializedString OFFSET = new SerializedString("offset");
  private static final SerializedString TIMESTAMP = new SerializedString("timestamp");

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
      SerializedString topic = null;
      for (int i = 0; i < records.size(); i++) {
        ConsumedRecord record = records.get(i);
        if (topic == null || !topic.getValue().equals(record.topic())) {
          topic = new SerializedString(record.topic());
        }
        out.writeStartObject();
        if (layout.order() == RecordLayout.Order.V1) {
          writeV1(i, record, topic, parts, out);
        } else {
          writeV2(i, record, topic, parts, layout, out);
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

  private static void writeV1(int i, ConsumedRecord record, SerializedString topic, Parts parts, JsonGenerator out)
      throws IOException {
    out.writeFieldName(KEY);
    parts.writeKey(i, record, out);
    out.writeFieldName(VALUE);
    parts.writeValue(i, record, out);
    out.writeFieldName(PARTITION);
    out.writeNumber(record.partition());
    out.writeFieldName(OFFSET);
    out.writeNumber(record.offset());
    out.writeFieldName(TOPIC);
    out.writeString(topic);
  }

  private static void writeV2(int i, ConsumedRecord record, SerializedString topic, Parts parts, RecordLayout layout,
      JsonGenerator out) throws IOException {
    out.writeFieldName(TOPIC);
    out.writeString(topic);
    out.writeFieldName(KEY);
    parts.writeKey(i, record, out);
    out.writeFieldName(VALUE);
    parts.writeValue(i, record, out);
    out.writeFieldName(PARTITION);
    out.writeNumber(record.partition());
    out.writeFieldName(OFFSET);
    out.writeNumber(record.offset());
    if (layout.timestamp()) {
      out.writeFieldName(TIMESTAMP);
      out.writeNumber(record.timestamp());
    }
    if (layout.headers()) {
      // Header values are base64 whatever the instance's format: headers are bytes with no format of their own.
      out.writeArrayFieldStart("headers");
      for (RecordHeader header : record.headers()) {
        out.writeStartObject();
        out.writeStringField("key", header.name());
        out.writeFieldName(VALUE);
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
      byte[] base64 = BASE64.encode(bytes);
      out.writeRawUTF8String(base64, 0, base64.length);
    }
  }
}
