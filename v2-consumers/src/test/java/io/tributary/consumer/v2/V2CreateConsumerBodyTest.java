package io.tributary.consumer.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.error.TributaryException;
import io.tributary.core.format.EmbeddedFormat;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class V2CreateConsumerBodyTest {
  @Test
  void anEmptyBodyGivesV2Defaults() {
    CreateConsumer c = V2CreateConsumerBody.parse("g", "alice", null);
    assertThat(c).isEqualTo(
        new CreateConsumer("g", null, null, EmbeddedFormat.BINARY, null, true, null, null, "alice"));
  }

  @Test
  void aliasesAreTakenAndTheDottedNamesWin() {
    CreateConsumer aliases = V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("responseMinBytes", "7")
        .put("requestWaitMs", 250));
    assertThat(aliases.fetchMinBytes()).isEqualTo(7);
    assertThat(aliases.requestTimeoutMs()).isEqualTo(250);

    CreateConsumer both = V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("responseMinBytes", 7)
        .put("fetch.min.bytes", 9));
    assertThat(both.fetchMinBytes()).isEqualTo(9);
  }

  @Test
  void theDeprecatedIdWinsAndNamesTheClient() {
    CreateConsumer c = V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("id", "old").put("name", "new")
        .put("auto.commit.enable", false).put("auto.offset.reset", "LATEST").put("format", "JSON"));
    assertThat(c.name()).isEqualTo("old");
    assertThat(c.clientId()).isEqualTo("old");
    assertThat(c.autoCommit()).isFalse();
    assertThat(c.autoOffsetReset()).isEqualTo("latest");
    assertThat(c.format()).isEqualTo(EmbeddedFormat.JSON);
  }

  @Test
  void theSchemaFormatsAreTaken() {
    assertThat(V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("format", "AVRO")).format())
        .isEqualTo(EmbeddedFormat.AVRO);
    assertThat(V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("format", "jsonschema")).format())
        .isEqualTo(EmbeddedFormat.JSONSCHEMA);
    assertThat(V2CreateConsumerBody.parse("g", "alice", new JsonObject().put("format", "protobuf")).format())
        .isEqualTo(EmbeddedFormat.PROTOBUF);
  }

  @Test
  void badValuesCarryTheirCodes() {
    assertCode(new JsonObject().put("format", "csv"), 422);
    assertCode(new JsonObject().put("auto.offset.reset", "smallest"), 42204);
    assertCode(new JsonObject().put("auto.commit.enable", 1), 42204);
    assertCode(new JsonObject().put("fetch.min.bytes", 1.5), 40001);
    assertCode(new JsonObject().put("name", new JsonObject()), 400);
    assertCode(new JsonObject().put("unknown", 1), 422);
  }

  private static void assertCode(JsonObject body, int code) {
    assertThatThrownBy(() -> V2CreateConsumerBody.parse("g", "alice", body)).isInstanceOfSatisfying(
        TributaryException.class,
        e -> assertThat(e.code()).as(body.encode()).isEqualTo(code));
  }
}
