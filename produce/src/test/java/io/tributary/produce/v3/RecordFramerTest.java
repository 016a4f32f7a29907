package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFramerTest {
  private final List<String> frames = new ArrayList<>();
  private int oversize;

  private RecordFramer framer(long max) {
    return new RecordFramer(max, (b, o, l) -> frames.add(new String(b, o, l, StandardCharsets.UTF_8)),
        () -> oversize++);
  }

  private void feed(RecordFramer framer, String... chunks) {
    for (String c : chunks) {
      framer.feed(Buffer.buffer(c));
    }
    framer.end();
  }

  @Test
  void concatenatedObjectsWithOrWithoutWhitespaceAreOneFrameEach() {
    feed(framer(1000), "{\"a\":1}{\"b\":[1,{\"c\":\"}]\"}]}", "\n  {\"d\":\"\\\"}\"}\r\n");

    assertThat(frames).containsExactly("{\"a\":1}", "{\"b\":[1,{\"c\":\"}]\"}]}", "{\"d\":\"\\\"}\"}");
    assertThat(oversize).isZero();
  }

  @Test
  void framesMaySpanChunksByteByByte() {
    RecordFramer framer = framer(1000);
    String text = "{\"k\":\"caf\u00e9 {[\"} [1,2] \"s\" 12 true";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      framer.feed(Buffer.buffer(new byte[] {b}));
    }
    framer.end();

    assertThat(frames).containsExactly("{\"k\":\"caf\u00e9 {[\"}", "[1,2]", "\"s\"", "12", "true");
  }

  @Test
  void aStringCutShortByALineBreakEndsItsFrameAndTheNextRecordIsIntact() {
    feed(framer(1000), "{\"v\":\"cut\n{\"v\":1}\n");

    assertThat(frames).containsExactly("{\"v\":\"cut", "{\"v\":1}");
  }

  @Test
  void aClosingBracketClosesWhatWasLeftOpenInsideIt() {
    feed(framer(1000), "{\"v\":{\"d\":[1,2}}\n{\"v\":2}");

    assertThat(frames).containsExactly("{\"v\":{\"d\":[1,2}}", "{\"v\":2}");
  }

  @Test
  void aStrayClosingBracketIsAFrameOfItsOwn() {
    feed(framer(1000), "{\"v\":1}}{\"v\":2}");

    assertThat(frames).containsExactly("{\"v\":1}", "}", "{\"v\":2}");
  }

  @Test
  void anUnfinishedFrameIsHandedOverAtTheEnd() {
    RecordFramer framer = framer(1000);
    feed(framer, "  {\"v\":", "[1");

    assertThat(frames).containsExactly("{\"v\":[1");
    assertThat(framer.sawContent()).isTrue();
  }

  @Test
  void whitespaceAloneIsNoContent() {
    RecordFramer framer = framer(1000);
    feed(framer, " \r\n\t ", "");

    assertThat(frames).isEmpty();
    assertThat(framer.sawContent()).isFalse();
  }

  @Test
  void aFrameOverTheLimitStopsTheFramerAndEarlierFramesStand() {
    RecordFramer framer = framer(11);
    feed(framer, "{\"a\":12345}", "{\"b\":", "123456}", "{\"c\":1}");

    assertThat(frames).containsExactly("{\"a\":12345}");
    assertThat(oversize).isEqualTo(1);
  }

  @Test
  void theLimitHoldsInsideALongStringAndAtItsExactSize() {
    // The scan runs ahead inside strings; it must still stop at the frame's size limit, not at the string's end.
    RecordFramer exact = framer(14);
    feed(exact, "{\"v\":\"abcdef\"}", "{\"v\":\"abcdefg\"}");
    assertThat(frames).containsExactly("{\"v\":\"abcdef\"}");
    assertThat(oversize).isEqualTo(1);

    frames.clear();
    oversize = 0;
    feed(framer(14), "{\"v\":\"ab", "cdefghijklmnop\"}");
    assertThat(frames).isEmpty();
    assertThat(oversize).isEqualTo(1);
  }

  @Test
  void chunkBoundariesInsideStringsAndEscapesGiveTheSameFrames() {
    String text = "{\"v\":\"a\\\"b\\\\\",\"w\":[\"}\",{\"x\":\"\\u00e9]\"}]} {\"k\":\"caf\u00e9\"}\n[\"\\\\\"]";
    feed(framer(1000), text);
    List<String> whole = List.copyOf(frames);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    for (int size = 1; size <= 7; size++) {
      frames.clear();
      RecordFramer framer = framer(1000);
      for (int i = 0; i < bytes.length; i += size) {
        framer.feed(Buffer.buffer().appendBytes(bytes, i, Math.min(size, bytes.length - i)));
      }
      framer.end();
      assertThat(frames).as("chunks of %d bytes", size).isEqualTo(whole);
    }
    assertThat(whole).hasSize(3);
  }
}
