package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.TributaryException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code records:batch} body reads the same whether the streaming reading takes it or the tree reading does: the
 * same entries, the same records (or the same refusal of one), the same sizes; and a body that breaks a batch rule
 * gets the tree reading's refusal.
 */
class StreamingBatchEntriesTest {
  private static final String PLAIN = "{\"id\":\"a\",\"value\":{\"type\":\"BINARY\",\"data\":\"eA==\"}}";

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"entries\":[" + PLAIN + "]}",
      " {\"entries\" : [ " + PLAIN + " , {\"value\":{\"type\":\"JSON\",\"data\":{\"x\": [1, 2.0]}},"
          + "\"id\":\"b-2\"} ] } ",
      "{\"entries\":[" + PLAIN + ",{\"id\":\"c\",\"vaule\":1},{\"id\":\"d\",\"value\":{\"type\":\"NOPE\"}},"
          + "{\"id\":\"e\",\"key\":{\"type\":\"STRING\",\"data\":\"caf\u00e9\"},\"partition_id\":-3}]}"})
  void readsAsTheTreeDoes(String body) {
    List<BatchEntries.Entry> streamed = BatchEntries.read(Buffer.buffer(body), StandardCharsets.UTF_8, 10);
    List<BatchEntries.Entry> tree = BatchEntries.readTree(Buffer.buffer(body), StandardCharsets.UTF_8, 10);

    assertThat(describe(streamed)).isEqualTo(describe(tree));
    assertThat(streamed.get(0).plain()).as("a plain entry is read without a tree").isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", " ", "null", "[]", "{", "{\"entries\":[]}", "{\"entries\":null}", "{}", "{\"entries\":{}}",
      "{\"entries\":[1]}", "{\"entries\":[{\"value\":null}]}", "{\"entries\":[{\"id\":1}]}",
      "{\"entries\":[{\"id\":\"a b\"}]}", "{\"entries\":[{\"id\":\"a\"},{\"id\":\"a\"}]}",
      "{\"entries\":[{\"id\":\"a\"},{\"id\":\"b\"},{\"id\":\"c\"}]}", "{\"entries\":[{\"id\":\"a\"}],\"more\":1}",
      "{\"entries\":[{\"id\":\"a\"}]} {}", "{\"entries\":[{\"id\":\"a\",\"id\":\"b\"}]}"})
  void refusesAsTheTreeDoes(String body) {
    assertThat(outcome(() -> BatchEntries.read(Buffer.buffer(body), StandardCharsets.UTF_8, 2)))
        .isEqualTo(outcome(() -> BatchEntries.readTree(Buffer.buffer(body), StandardCharsets.UTF_8, 2)));
  }

  private interface Reading {
    List<BatchEntries.Entry> read();
  }

  private static String outcome(Reading reading) {
    try {
      return describe(reading.read());
    } catch (TributaryException e) {
      return "refused " + e.code() + " " + e.getMessage();
    }
  }

  private static String describe(List<BatchEntries.Entry> entries) {
    return entries.stream().map(e -> e.id() + " " + e.sizeBytes().getAsLong() + " " + record(e))
        .collect(Collectors.joining("\n"));
  }

  private static String record(BatchEntries.Entry e) {
    V3RecordRequest r;
    try {
      r = e.plain() != null ? e.plain() : V3RecordParser.parse(e.record());
    } catch (TributaryException refused) {
      return "refused " + refused.getMessage();
    }
    return r.partition() + " " + r.timestamp() + " "
        + r.headers().stream().map(h -> h.name() + "=" + Arrays.toString(h.value())).toList() + " "
        + describe(r.key()) + " " + describe(r.value());
  }

  private static String describe(V3RecordData d) {
    return d == null ? "null" : d.type() + "/" + d.schemaId() + "/" + Json.encode(d.data());
  }
}
