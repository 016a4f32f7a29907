package io.tributary.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.core.consumer.ConsumedRecord;
import io.tributary.core.consumer.RecordLayout;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streamed answer of a read is byte for byte what the routes rendered before through {@code JsonObject} trees
 * (the reference renderings below are those routes' code), for both generations, every optional field, null keys,
 * values and header values, escapes and non-ASCII text, and decoded JSON values of every kind.
 */
class RecordsJsonWriterTest {
  private static final List<ConsumedRecord> RECORDS = List.of(
      new ConsumedRecord("t-1", 0, 0, null, bytes("v0"), 1_700_000_000_000L, List.of()),
      new ConsumedRecord("t-1", 3, 42, bytes("k\u00e9"), null, -1, List.of(
          new RecordHeader("h\"1\n\u00fc", bytes("x")), new RecordHeader("empty", new byte[0]),
          new RecordHeader("none", null))),
      new ConsumedRecord("t.2", 2, Long.MAX_VALUE, new byte[] {0, -1, 127, -128, 9}, new byte[0], 5, List.of()));

  @Test
  void binaryMatchesTheTreeRenderingOfBothGenerations() {
    List<Object> keys = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (ConsumedRecord r : RECORDS) {
      keys.add(r.key() == null ? null : Base64.getEncoder().encodeToString(r.key()));
      values.add(r.value() == null ? null : Base64.getEncoder().encodeToString(r.value()));
    }
    for (RecordLayout layout : layouts()) {
      assertEquals(reference(RECORDS, keys, values, layout),
          text(RecordsJsonWriter.write(RECORDS, RecordsJsonWriter.BINARY, layout)), layout.toString());
    }
  }

  @Test
  void decodedValuesMatchTheTreeRendering() {
    List<Object> keys = Arrays.asList(null, "s\u2028\"\\/\t\u0001", 12);
    List<Object> values = Arrays.asList(new JsonObject().put("a", 1.5).put("b", new JsonArray().add(true).addNull())
        .put("c", Long.MIN_VALUE).put("d", "\ud83d\ude00"), 1.0e300, new JsonArray());
    for (RecordLayout layout : layouts()) {
      assertEquals(reference(RECORDS, keys, values, layout),
          text(RecordsJsonWriter.write(RECORDS, RecordsJsonWriter.decoded(keys, values), layout)), layout.toString());
    }
  }

  @Test
  void noRecordsIsAnEmptyArray() {
    assertEquals("[]", text(RecordsJsonWriter.write(List.of(), RecordsJsonWriter.BINARY, RecordLayout.V1)));
  }

  @Test
  void aLargeAnswerComesInBoundedChunks() {
    List<ConsumedRecord> many = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      many.add(new ConsumedRecord("t", 0, i, null, new byte[100], 0, List.of()));
    }
    List<Buffer> chunks = RecordsJsonWriter.write(many, RecordsJsonWriter.BINARY, RecordLayout.v2(false, false));
    assertTrue(chunks.size() > 1, "one chunk for " + chunks.get(0).length() + " bytes");
    chunks.forEach(c -> assertTrue(c.length() <= BufferChunks.CHUNK_BYTES, "chunk of " + c.length()));
    List<Object> values = new ArrayList<>();
    many.forEach(r -> values.add(Base64.getEncoder().encodeToString(r.value())));
    assertEquals(reference(many, Arrays.asList(new Object[many.size()]), values, RecordLayout.v2(false, false)),
        text(chunks));
  }

  private static List<RecordLayout> layouts() {
    return List.of(RecordLayout.V1, RecordLayout.v2(false, false), RecordLayout.v2(true, false),
        RecordLayout.v2(false, true), RecordLayout.v2(true, true));
  }

  /** The JSON the v1 and v2 routes rendered through JsonArray and JsonObject before the engine wrote it. */
  private static String reference(List<ConsumedRecord> records, List<Object> keys, List<Object> values,
      RecordLayout layout) {
    JsonArray out = new JsonArray();
    for (int i = 0; i < records.size(); i++) {
      ConsumedRecord r = records.get(i);
      if (layout.order() == RecordLayout.Order.V1) {
        out.add(new JsonObject().put("key", keys.get(i)).put("value", values.get(i)).put("partition", r.partition())
            .put("offset", r.offset()).put("topic", r.topic()));
        continue;
      }
      JsonObject json = new JsonObject().put("topic", r.topic()).put("key", keys.get(i)).put("value", values.get(i))
          .put("partition", r.partition()).put("offset", r.offset());
      if (layout.timestamp()) {
        json.put("timestamp", r.timestamp());
      }
      if (layout.headers()) {
        JsonArray headers = new JsonArray();
        r.headers().forEach(h -> headers.add(new JsonObject().put("key", h.name())
            .put("value", h.value() == null ? null : Base64.getEncoder().encodeToString(h.value()))));
        json.put("headers", headers);
      }
      out.add(json);
    }
    return Json.encodeToBuffer(out).toString(StandardCharsets.UTF_8);
  }

  private static String text(List<Buffer> chunks) {
    Buffer all = Buffer.buffer();
    chunks.forEach(all::appendBuffer);
    return all.toString(StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
