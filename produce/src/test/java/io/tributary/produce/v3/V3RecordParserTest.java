package io.tributary.produce.v3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.error.TributaryException;
import io.tributary.core.produce.RecordHeader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V3RecordParserTest {

  private static V3RecordRequest parse(String json) {
    return V3RecordParser.parse(new JsonObject(json));
  }

  private static void assertBadRequest(String json, String messagePart) {
    assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(TributaryException.class, e -> {
      assertThat(e.code()).isEqualTo(400);
      assertThat(e.getMessage()).startsWith("Bad Request: ").contains(messagePart);
    });
  }

  @Test
  void readsEveryField() {
    V3RecordRequest r = parse("""
        {"id":"ignored","partition_id":2,"timestamp":"2021-02-05T20:14:42+01:00",
         "headers":[{"name":"a","value":"eA=="},{"name":"a","value":null}],
         "key":{"type":"binary","data":"eA=="},
         "value":{"schema_id":3,"subject":"s","data":{"f":1}}}""");

    assertThat(r.partition()).isEqualTo(2);
    assertThat(r.timestamp()).isEqualTo(Instant.parse("2021-02-05T19:14:42Z").toEpochMilli());
    assertThat(r.headers()).extracting(RecordHeader::name).containsExactly("a", "a");
    assertThat(r.headers().get(0).value()).containsExactly('x');
    assertThat(r.headers().get(1).value()).isNull();
    assertThat(r.key().type()).isEqualTo(V3DataType.BINARY);
    assertThat(r.value().type()).isNull();
    assertThat(r.value().schemaId()).isEqualTo(3);
    assertThat(r.value().data()).isEqualTo(new JsonObject().put("f", 1));
  }

  @Test
  void anEmptyObjectIsARecordWithNeitherKeyNorValue() {
    V3RecordRequest r = parse("{}");

    assertThat(r.key()).isNull();
    assertThat(r.value()).isNull();
    assertThat(r.partition()).isNull();
    assertThat(r.timestamp()).isNull();
  }

  @Test
  void enforcesTheFieldCombinationsOfKafkaRest() {
    assertBadRequest("{\"value\":{\"subject\":\"s\",\"subject_name_strategy\":\"TOPIC_NAME\"}}", "subject");
    assertBadRequest("{\"value\":{\"schema_id\":1,\"schema_version\":1}}", "only one of");
    assertBadRequest("{\"value\":{\"schema_version\":1,\"schema\":\"{}\"}}", "only one of");
    assertBadRequest("{\"value\":{\"type\":\"AVRO\",\"schema_id\":1}}", "cannot be used with type=AVRO");
    assertBadRequest("{\"value\":{\"type\":\"PROTOBUF\",\"data\":{}}}", "needs the raw 'schema'");
    assertBadRequest("{\"value\":{\"type\":\"JSON\",\"subject\":\"s\",\"data\":1}}", "type=JSON cannot be used");
    assertBadRequest("{\"value\":{\"type\":\"STRING\",\"schema\":\"x\",\"data\":\"x\"}}",
        "type=STRING cannot be used");
    assertBadRequest("{\"value\":{\"subject_name_strategy\":\"RECORD_NAME\",\"schema_version\":1}}",
        "cannot be used without schema_id or schema");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"partition_id\":\"1\"}", "{\"partition_id\":1.5}", "{\"partition_id\":99999999999}",
      "{\"headers\":{}}", "{\"headers\":[{\"value\":\"eA==\"}]}", "{\"headers\":[{\"name\":\"h\",\"value\":\"*\"}]}",
      "{\"timestamp\":12}", "{\"timestamp\":\"2021-02-05\"}", "{\"key\":\"eA==\"}", "{\"value\":{\"type\":1}}",
      "{\"value\":{\"type\":\"XML\"}}", "{\"value\":{\"subject_name_strategy\":\"OTHER\",\"schema_id\":1}}",
      "{\"value\":{\"schema_id\":\"1\"}}", "{\"value\":{\"type\":\"JSON\",\"dat\":1}}", "{\"partition\":1}"})
  void refusesWhatDoesNotFitTheModel(String json) {
    assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(TributaryException.class,
        e -> assertThat(e.code()).isEqualTo(400));
  }

  @Test
  void framedTextMustBeAJsonObject() {
    assertThatThrownBy(() -> V3RecordParser.json(Buffer.buffer("[1]"), StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.getMessage())
            .isEqualTo("Bad Request: a record must be a JSON object, not [1]."));
    assertThatThrownBy(() -> V3RecordParser.json(Buffer.buffer("{\"a\":"), StandardCharsets.UTF_8))
        .isInstanceOfSatisfying(TributaryException.class, e -> assertThat(e.getMessage())
            .startsWith("Bad Request: ").doesNotContain("Source"));
    assertThat(V3RecordParser.json(Buffer.buffer(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xe9, '"', '}'}),
        StandardCharsets.ISO_8859_1)).isEqualTo(new JsonObject().put("a", "\u00e9"));
  }
}
