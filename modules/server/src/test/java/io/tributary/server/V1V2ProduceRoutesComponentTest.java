package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.produce.OutgoingRecord;
import io.tributary.core.produce.ProduceFormat;
import io.tributary.core.produce.ProduceGeneration;
import io.tributary.core.produce.ProduceOrigin;
import io.tributary.core.produce.ProduceRequest;
import io.tributary.core.produce.ProduceResult;
import io.tributary.core.produce.RecordReceipt;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * v1 and v2 produce routes against a fake produce engine: what each generation hands the engine for the same
 * request, how it renders the engine's receipts and failures, and that a request refused at the door sends nothing.
 */
class V1V2ProduceRoutesComponentTest extends RoutesComponentTest {
  /** The generation under test, with its media types. */
  enum Generation {
    V1(ProduceGeneration.V1, "application/vnd.kafka.binary.v1+json", "application/vnd.kafka.v1+json"),
    V2(ProduceGeneration.V2, "application/vnd.kafka.binary.v2+json", "application/vnd.kafka.v2+json");

    final ProduceGeneration produce;
    final String binary;
    final String response;

    Generation(ProduceGeneration produce, String binary, String response) {
      this.produce = produce;
      this.binary = binary;
      this.response = response;
    }
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void theEngineGetsTheDecodedRecordsAndTheReceiptsComeBackAsOffsets(Generation generation) {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(2, 41L, 1_000L),
        RecordReceipt.success(0, 7L, 1_001L))));

    Http.Reply reply = http.post("/topics/orders").contentType(generation.binary)
        .body("{\"records\":[{\"key\":\"aw==\",\"value\":\"aGVsbG8=\",\"partition\":2},{\"value\":null}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(generation.response);
    JsonObject body = reply.json();
    assertThat(body.getJsonArray("offsets").stream().toList()).hasSize(2);
    JsonObject first = body.getJsonArray("offsets").getJsonObject(0);
    assertThat(first.getInteger("partition")).isEqualTo(2);
    assertThat(first.getLong("offset")).isEqualTo(41L);
    assertThat(first.containsKey("error_code")).isTrue();
    assertThat(first.getValue("error_code")).isNull();
    assertThat(body.getJsonArray("offsets").getJsonObject(1).getLong("offset")).isEqualTo(7L);
    assertThat(body.fieldNames()).contains("key_schema_id", "value_schema_id");

    ProduceRequest sent = engine.onlyRequest(ProduceOps.SEND, ProduceRequest.class);
    assertThat(sent.topic()).isEqualTo("orders");
    assertThat(sent.origin()).isEqualTo(new ProduceOrigin(generation.produce, ProduceFormat.BINARY));
    assertThat(sent.records()).hasSize(2);
    OutgoingRecord record = sent.records().get(0);
    assertThat(record.key()).isEqualTo(new byte[] {'k'});
    assertThat(new String(record.value(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(record.partition()).isEqualTo(2);
    assertThat(sent.records().get(1).value()).isNull();
    assertThat(sent.records().get(1).partition()).isNull();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void thePartitionPathNamesThePartitionOfEveryRecord(Generation generation) {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(1, 0L, 1L))));

    Http.Reply reply = http.post("/topics/orders/partitions/1").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(engine.onlyRequest(ProduceOps.SEND, ProduceRequest.class).records())
        .extracting(OutgoingRecord::partition).containsExactly(1);
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void aRecordTheEngineRefusedIsReportedInItsOffsetWithTheOthersWritten(Generation generation) {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(0, 3L, 1L),
        RecordReceipt.failure(ErrorCode.PAYLOAD_TOO_LARGE, "too large"))));

    Http.Reply reply = http.post("/topics/orders").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\"},{\"value\":\"AQ==\"}]}").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    JsonObject refused = reply.json().getJsonArray("offsets").getJsonObject(1);
    assertThat(refused.getInteger("error_code")).isEqualTo(ErrorCode.PAYLOAD_TOO_LARGE.code());
    assertThat(refused.getString("error")).isEqualTo("too large");
    assertThat(refused.getValue("offset")).isNull();
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void theEnginesFailureIsTheGenerationsErrorBody(Generation generation) {
    engine.fail(ProduceOps.SEND, ErrorCode.PARTITION_NOT_FOUND.toException());

    Http.Reply reply = http.post("/topics/orders").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\",\"partition\":9}]}").send();

    assertError(reply, 404, 40402);
    assertThat(reply.json().getString("message")).isEqualTo("Partition not found.");
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void withoutARunningEngineTheAnswerIs503(Generation generation) {
    Http.Reply reply = http.post("/topics/orders").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();

    assertError(reply, 503, 503);
    assertThat(reply.json().getString("message")).isEqualTo("The engine for this request is not running.");
  }

  @ParameterizedTest
  @EnumSource(Generation.class)
  void requestsRefusedAtTheDoorSendNothingToTheEngine(Generation generation) {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(0, 0L, 1L))));

    assertError(http.post("/topics/orders").contentType(generation.binary)
        .body("{\"records\":[{\"value\":\"not base64!\"}]}").send(), generation == Generation.V1 ? 422 : 400,
        generation == Generation.V1 ? 422 : 400);
    assertError(http.post("/topics/orders").contentType(generation.binary).body("{\"records\":[]}").send(), 422,
        422);
    assertError(http.post("/topics/orders").contentType(generation.binary).body("{\"records\":[{\"value\":")
        .send(), 400, 400);
    assertError(http.post("/topics/orders").contentType("text/plain").body("{\"records\":[{\"value\":\"AA==\"}]}")
        .send(), 415, 415);
    Http.Reply notAcceptable = http.post("/topics/orders").contentType(generation.binary).accept("text/plain")
        .body("{\"records\":[{\"value\":\"AA==\"}]}").send();
    assertThat(notAcceptable.status()).isEqualTo(406);
    assertThat(notAcceptable.bytes()).isEmpty();

    assertThat(engine.allRequests()).isEmpty();
  }
}
