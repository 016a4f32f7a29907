package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.ProduceOps;
import io.tributary.core.error.ErrorCode;
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
import org.junit.jupiter.api.Test;

/** The Event Streams producer route against a fake produce engine. */
class EventStreamsRoutesComponentTest extends RoutesComponentTest {
  @Test
  void theBodyIsTheValueTheKeyComesFromTheQueryAndTopicsAreNeverCreated() {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(1, 9L, 1_234L))));

    Http.Reply reply = http.post("/topics/orders/records?key=k1").contentType("text/plain").body("hello").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getJsonObject("metadata")).isEqualTo(new JsonObject().put("topic", "orders")
        .put("timestamp", "1234").put("partition", 1).put("offset", 9));
    ProduceRequest sent = engine.onlyRequest(ProduceOps.SEND, ProduceRequest.class);
    assertThat(sent.topic()).isEqualTo("orders");
    assertThat(sent.autoCreate()).isFalse();
    assertThat(sent.origin()).isEqualTo(new ProduceOrigin(ProduceGeneration.EVENTSTREAMS, ProduceFormat.RAW));
    assertThat(new String(sent.records().get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k1");
    assertThat(new String(sent.records().get(0).value(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void theEnginesFailuresAndRefusedReceiptsGetEventStreamsBodies() {
    engine.fail(ProduceOps.SEND, ErrorCode.TOPIC_NOT_FOUND.toException());
    JsonObject missing = error(http.post("/topics/orders/records").contentType("text/plain").body("v").send(), 404);
    assertThat(missing.getJsonObject("error").getString("topic")).isEqualTo("orders");

    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.failure(
        ErrorCode.PAYLOAD_TOO_LARGE, "too large"))));
    // Event Streams answers Kafka's refusal with 400 and names Kafka's error (MESSAGE_TOO_LARGE, 10).
    JsonObject tooLarge = error(http.post("/topics/orders/records").contentType("text/plain").body("v").send(), 400);
    assertThat(tooLarge.getJsonObject("error").getInteger("kafka_error_code")).isEqualTo(10);
    assertThat(tooLarge.getString("message")).isEqualTo("Kafka refused the message as too large: too large");
  }

  @Test
  void requestsRefusedAtTheDoorSendNothing() {
    engine.reply(ProduceOps.SEND, new ProduceResult(List.of(RecordReceipt.success(0, 0L, 1L))));

    error(http.post("/topics/orders/records").contentType("image/png").body("v").send(), 415);
    error(http.post("/topics/orders/records").contentType("text/plain").send(), 411);
    error(http.post("/topics/orders/records?keyType=binary&key=zz").contentType("text/plain").body("v").send(), 400);
    error(http.post("/topics/orders/records").contentType("application/json").body("{\"a\":").send(), 400);

    assertThat(engine.allRequests()).isEmpty();
  }

  /** An Event Streams error body: the status as error_code at the top and inside "error", which names the topic. */
  private static JsonObject error(Http.Reply reply, int status) {
    assertThat(reply.status()).as("%s", reply).isEqualTo(status);
    assertThat(reply.contentType()).startsWith("application/json");
    JsonObject body = reply.json();
    assertThat(body.getInteger("error_code")).isEqualTo(status);
    assertThat(body.getJsonObject("error").getInteger("error_code")).isEqualTo(status);
    assertThat(body.getJsonObject("error").getString("message")).isEqualTo(body.getString("message"));
    return body;
  }
}
