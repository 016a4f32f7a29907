package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.core.bus.Ack;
import io.tributary.core.bus.ConsumerOps;
import io.tributary.core.consumer.ConsumerCreated;
import io.tributary.core.consumer.CreateConsumer;
import io.tributary.core.consumer.Subscribe;
import io.tributary.core.consumer.Subscription;
import io.tributary.core.error.ErrorCode;
import io.tributary.core.format.EmbeddedFormat;
import io.tributary.testkit.Http;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** v2 consumer instance routes against a fake consumer engine: what the engine is asked, and how it answers. */
class V2ConsumerRoutesComponentTest extends RoutesComponentTest {
  private static final String V2 = "application/vnd.kafka.v2+json";

  @Test
  void creatingAnInstanceHandsTheEngineItsSettingsAndAnswersWithItsUri() {
    engine.reply(ConsumerOps.CREATE, new ConsumerCreated("reader-1"));

    Http.Reply reply = http.post("/consumers/orders-group").contentType(V2).body(new JsonObject()
        .put("name", "reader-1").put("format", "json").put("auto.offset.reset", "earliest")
        .put("auto.commit.enable", "false").encode()).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getString("instance_id")).isEqualTo("reader-1");
    assertThat(reply.json().getString("base_uri"))
        .endsWith("/consumers/orders-group/instances/reader-1");
    CreateConsumer sent = engine.onlyRequest(ConsumerOps.CREATE, CreateConsumer.class);
    assertThat(sent.group()).isEqualTo("orders-group");
    assertThat(sent.name()).isEqualTo("reader-1");
    assertThat(sent.format()).isEqualTo(EmbeddedFormat.JSON);
    assertThat(sent.autoOffsetReset()).isEqualTo("earliest");
    assertThat(sent.autoCommit()).isFalse();
  }

  @Test
  void aSubscriptionIsPassedOnAndReadBack() {
    engine.reply(ConsumerOps.SUBSCRIBE, Ack.INSTANCE);
    engine.reply(ConsumerOps.SUBSCRIPTION, new Subscription(List.of("a", "b")));
    String instance = "/consumers/g/instances/i";

    Http.Reply subscribed = http.post(instance + "/subscription").contentType(V2)
        .body("{\"topics\":[\"a\",\"b\"]}").send();
    Http.Reply subscription = http.get(instance + "/subscription").accept(V2).send();

    assertThat(subscribed.status()).as("%s", subscribed).isEqualTo(204);
    Subscribe sent = engine.onlyRequest(ConsumerOps.SUBSCRIBE, Subscribe.class);
    assertThat(sent.ref().group()).isEqualTo("g");
    assertThat(sent.ref().instance()).isEqualTo("i");
    assertThat(sent.topics()).containsExactly("a", "b");
    assertThat(sent.topicPattern()).isNull();
    assertThat(subscription.json()).isEqualTo(new JsonObject().put("topics", List.of("a", "b")));
  }

  @Test
  void refusalsAtTheDoorSendNothingAndTheEnginesFailuresKeepTheirCodes() {
    engine.reply(ConsumerOps.SUBSCRIBE, Ack.INSTANCE);
    engine.fail(ConsumerOps.SUBSCRIPTION, ErrorCode.CONSUMER_INSTANCE_NOT_FOUND.toException());
    String instance = "/consumers/g/instances/i";

    assertError(http.post(instance + "/subscription").contentType(V2).body("{}").send(), 422, 422);
    assertError(http.post(instance + "/subscription").contentType(V2).body("{\"topics\":").send(), 400, 400);
    assertThat(engine.requests(ConsumerOps.SUBSCRIBE)).isEmpty();

    assertError(http.get(instance + "/subscription").accept(V2).send(), 404, 40403);
  }
}
