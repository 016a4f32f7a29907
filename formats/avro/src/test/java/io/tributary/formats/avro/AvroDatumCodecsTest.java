package io.tributary.formats.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The batch read itself, not through {@link AvroJson#toDatums}, whose fallback to one value at a time would hide a
 * batch read that never succeeds.
 */
class AvroDatumCodecsTest {
  private static final Schema SCHEMA = new Schema.Parser().parse("""
      {"type":"record","name":"V","fields":[{"name":"id","type":"long"},{"name":"text","type":"string"},
        {"name":"u","type":["null","int"]},{"name":"x","type":"double"},{"name":"tags","type":{"type":"map",
        "values":"string"}}]}""");

  private final AvroDatumCodecs codecs = new AvroDatumCodecs(SCHEMA);

  @Test
  void aStreamOfValuesReadsThroughOneDecoderAsEachValueOnItsOwn() throws Exception {
    List<byte[]> values = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      values.add(utf8("{\"x\":" + i + ".5,\"id\":" + i + ",\"text\":\"t" + i + "\",\"u\":"
          + (i % 2 == 0 ? "null" : "{\"int\":" + i + "}") + ",\"tags\":{\"k\":\"v" + i + "\"}}"));
    }

    List<Object> batch = codecs.readJsonAll(values);

    assertThat(batch).hasSize(50);
    for (int i = 0; i < values.size(); i++) {
      assertThat(batch.get(i)).isEqualTo(codecs.readJson(values.get(i)));
    }
  }

  @Test
  void aValueThatDoesNotFitFailsTheBatchAndTheNextBatchStartsClean() throws Exception {
    byte[] good = utf8("{\"id\":1,\"text\":\"a\",\"u\":null,\"x\":1.0,\"tags\":{}}");

    assertThatThrownBy(() -> codecs.readJsonAll(List.of(good, utf8("{\"id\":\"no\"}"), good)))
        .isInstanceOf(AvroTypeException.class);
    assertThat(codecs.readJsonAll(List.of(good, good))).hasSize(2);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
