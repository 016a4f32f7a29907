package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.error.TributaryException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming reading of a v3 record takes the plain records and reads them exactly as the tree reading does; every
 * other record it leaves to the tree reading (which then refuses it with its own message).
 */
class V3StreamingRecordReaderTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"value\":{\"type\":\"BINARY\",\"data\":\"eA==\"}}",
      "{\"id\":\"1\",\"partition_id\":2,\"timestamp\":\"2021-02-05T20:14:42+01:00\","
          + "\"headers\":[{\"name\":\"a\",\"value\":\"eA==\"},{\"value\":null,\"name\":\"a\"}],"
          + "\"key\":{\"type\":\"binary\",\"data\":\"eA==\"},\"value\":{\"schema_id\":3,\"subject\":\"s\","
          + "\"data\":{\"f\":[1,2.5,null,\"\\u00e9\"]}}}",
      "{\"value\":{\"type\":\"JSON\",\"data\":[1,{\"a\":true}]},\"key\":null,\"partition_id\":-1}",
      "{\"value\":{\"type\":\"STRING\",\"data\":\"caf\u00e9\"},\"headers\":null,\"timestamp\":null}",
      "{\"value\":{\"type\":\"AVRO\",\"schema\":\"\\\"int\\\"\",\"data\":5,\"subject\":null}}",
      "{\"value\":{\"subject_name_strategy\":\"RECORD_NAME\",\"schema_id\":4,\"data\":{}}}",
      "{\"value\":{\"data\":12345678901}}",
      " {\"value\":{\"type\":\"JSON\",\"data\":1e3}} ",
      "{}"})
  void readsAPlainRecordAsTheTreeDoes(String json) {
    Optional<V3RecordRequest> streamed = read(json);

    assertThat(streamed).isPresent();
    assertThat(describe(streamed.get())).isEqualTo(describe(tree(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "null", "[]", "\"x\"", "{", "{} {}", "{\"value\":{\"type\":\"BINARY\",\"data\":\"eA==\"}} x",
      "{\"vaule\":{\"type\":\"BINARY\",\"data\":\"eA==\"}}",
      "{\"value\":{\"type\":\"BINARY\",\"data\":\"eA==\",\"dta\":1}}",
      "{\"value\":{\"type\":\"BINARY\",\"data\":\"eA==\"},\"value\":{\"type\":\"BINARY\",\"data\":\"eQ==\"}}",
      "{\"value\":{\"type\":\"NOPE\",\"data\":1}}", "{\"value\":{\"type\":1,\"data\":1}}",
      "{\"value\":\"eA==\"}", "{\"partition_id\":\"1\"}", "{\"partition_id\":1.5}",
      "{\"partition_id\":3000000000}", "{\"headers\":{}}", "{\"headers\":[1]}", "{\"headers\":[{\"value\":\"eA==\"}]}",
      "{\"headers\":[{\"name\":\"a\",\"value\":\"!!\"}]}", "{\"headers\":[{\"name\":\"a\",\"vlue\":null}]}",
      "{\"timestamp\":\"yesterday\"}", "{\"timestamp\":12}",
      "{\"value\":{\"type\":\"BINARY\",\"schema_id\":1,\"data\":\"eA==\"}}",
      "{\"value\":{\"type\":\"AVRO\",\"data\":1}}",
      "{\"value\":{\"subject\":\"s\",\"subject_name_strategy\":\"TOPIC_NAME\"}}",
      "{\"value\":{\"subject_name_strategy\":\"OTHER\"}}",
      "{\"value\":{\"subject_name_strategy\":\"RECORD_NAME\"}}",
      "{\"value\":{\"schema_id\":1,\"schema_version\":2}}", "{\"value\":{\"schema_id\":\"1\"}}",
      "{\"key\":{\"type\":\"BINARY\",\"data\":\"eA==\"},\"oops\":1}"})
  void leavesEveryOtherRecordToTheTreeReading(String json) {
    assertThat(read(json)).isEmpty();
  }

  private static Optional<V3RecordRequest> read(String json) {
    byte[] bytes = ("##" + json + "##").getBytes(StandardCharsets.UTF_8);
    return V3StreamingRecordReader.read(bytes, 2, bytes.length - 4);
  }

  private static V3RecordRequest tree(String json) {
    try {
      return V3RecordParser.parse(V3RecordParser.json(Buffer.buffer(json), StandardCharsets.UTF_8));
    } catch (TributaryException e) {
      throw new AssertionError("the tree reading refused " + json + ": " + e.getMessage(), e);
    }
  }

  private static String describe(V3RecordRequest r) {
    return r.partition() + " " + r.timestamp() + " "
        + r.headers().stream().map(h -> h.name() + "=" + Arrays.toString(h.value())).collect(Collectors.joining(","))
        + " " + describe(r.key()) + " " + describe(r.value());
  }

  private static String describe(V3RecordData d) {
    if (d == null) {
      return "null";
    }
    return d.type() + "/" + d.subject() + "/" + d.subjectNameStrategy() + "/" + d.schemaId() + "/" + d.schemaVersion()
        + "/" + d.schema() + "/" + Json.encode(d.data()) + "/"
        + (d.data() == null ? "null" : d.data().getClass().getSimpleName());
  }
}
