package io.tributary.produce.eventstreams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class EventStreamsRecordParserTest {
  private static final EventStreamsContentTypes.Kind RAW = EventStreamsContentTypes.Kind.RAW;
  private static final EventStreamsContentTypes.Kind JSON = EventStreamsContentTypes.Kind.JSON;
  private final EventStreamsRecordParser parser = new EventStreamsRecordParser(new EventStreamsLimits(4, 8));

  private static MultiMap query(String... pairs) {
    MultiMap map = MultiMap.caseInsensitiveMultiMap();
    for (int i = 0; i < pairs.length; i += 2) {
      map.add(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private static int statusOf(Runnable r) {
    try {
      r.run();
      return 200;
    } catch (TributaryException e) {
      return e.status();
    }
  }

  @Test
  void theBodyIsTheValueAndTheKeyIsTextUnlessBinary() {
    OutgoingRecord text = parser.parse(query("key", "ab"), Buffer.buffer("v"), RAW);
    OutgoingRecord binary = parser.parse(query("key", "00Ff", "keyType", "BINARY"), Buffer.buffer("v"), RAW);
    OutgoingRecord none = parser.parse(query(), Buffer.buffer(new byte[] {0, 1}), RAW);

    assertThat(text.key()).containsExactly('a', 'b');
    assertThat(text.value()).containsExactly('v');
    assertThat(binary.key()).containsExactly(0, 0xff);
    assertThat(none.key()).isNull();
    assertThat(none.value()).containsExactly(0, 1);
    assertThat(none.partition()).isNull();
  }

  @Test
  void headersAreNameHexPairsInOrderWithRepeatsAndEmptyValues() {
    OutgoingRecord record = parser.parse(query("headers", "a:01,b:,a:FF"), Buffer.buffer("v"), RAW);

    assertThat(record.headers()).extracting(RecordHeader::name).containsExactly("a", "b", "a");
    assertThat(record.headers().get(0).value()).containsExactly(1);
    assertThat(record.headers().get(1).value()).isEmpty();
    assertThat(record.headers().get(2).value()).containsExactly(0xff);
  }

  @Test
  void limitsAreInclusive() {
    assertThat(statusOf(() -> parser.parse(query("key", "abcd"), Buffer.buffer("12345678"), RAW))).isEqualTo(200);
    assertThatThrownBy(() -> parser.parse(query("key", "abcde"), Buffer.buffer("v"), RAW))
        .hasMessageContaining("max.key.size (4 bytes)");
    assertThatThrownBy(() -> parser.parse(query(), Buffer.buffer("123456789"), RAW))
        .hasMessageContaining("max.message.size (8 bytes)");
    // A text key is measured in UTF-8 bytes, not characters.
    assertThat(statusOf(() -> parser.parse(query("key", "ééé"), Buffer.buffer("v"), RAW))).isEqualTo(400);
  }

  @Test
  void badInputIs400AndAnEmptyBody411() {
    assertThat(statusOf(() -> parser.parse(query("key", "0g", "keyType", "binary"), Buffer.buffer("v"), RAW)))
        .isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query("headers", "a:1"), Buffer.buffer("v"), RAW))).isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query("headers", "a"), Buffer.buffer("v"), RAW))).isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query("keyType", "json"), Buffer.buffer("v"), RAW))).isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query("schemaname", "s", "schemaversion", "1"), Buffer.buffer("v"), RAW)))
        .isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer(), RAW))).isEqualTo(411);
    assertThat(statusOf(() -> parser.parse(query(), null, RAW))).isEqualTo(411);
  }

  @Test
  void jsonTypesRequireOneCompleteJsonValue() {
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer("[1,2]"), JSON))).isEqualTo(200);
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer("\"s\""), JSON))).isEqualTo(200);
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer("{\"a\":"), JSON))).isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer("{} {}"), JSON))).isEqualTo(400);
    assertThat(statusOf(() -> parser.parse(query(), Buffer.buffer("{\"a\":"), RAW))).isEqualTo(200);
  }

  @Test
  void contentTypesAreMatchedWithoutParametersOrCase() {
    assertThat(EventStreamsContentTypes.of("Text/Plain; charset=ISO-8859-1")).isEqualTo(RAW);
    assertThat(EventStreamsContentTypes.of("vnd.ibm-event-streams.json.v1")).isEqualTo(JSON);
    assertThat(statusOf(() -> EventStreamsContentTypes.of(null))).isEqualTo(415);
    assertThat(statusOf(() -> EventStreamsContentTypes.of("application/vnd.kafka.json.v2+json"))).isEqualTo(415);
  }
}
