package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 metadata reads with API keys: listings filtered by permission, 403 for invisible topics, 401 without a key. */
class V1MetadataAuthE2ETest {
  private static final String ORDERS_KEY = "orders-key-1234";
  private static final String ADMIN_KEY = "admin-key-5678";

  @TempDir
  static Path dir;

  private static TestServer server;
  private static Http http;
  private static String orders;
  private static String payments;

  @BeforeAll
  static void start() throws IOException {
    JsonObject keys = new JsonObject().put("api_keys", new JsonArray()
        .add(new JsonObject().put("principal", "orders-app").put("key", ORDERS_KEY).put("permissions",
            new JsonArray().add(new JsonObject().put("topics", new JsonArray().add("orders*"))
                .put("operations", new JsonArray().add("produce").add("consume")))))
        .add(new JsonObject().put("principal", "ops").put("key", ADMIN_KEY).put("permissions",
            new JsonArray().add(new JsonObject().put("topics", new JsonArray().add("*"))
                .put("operations", new JsonArray().add("admin"))))));
    Path file = Files.writeString(dir.resolve("keys.json"), keys.encode());
    server = TestServer.start(Map.of("auth.api.keys.file", file.toString()));
    http = server.http();
    orders = TestKafka.createTopic(TestKafka.uniqueTopic("orders"), 1);
    payments = TestKafka.createTopic(TestKafka.uniqueTopic("payments"), 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void limitedKeyListsOnlyItsTopics() {
    Http.Reply reply = http.get("/topics").header("X-Auth-Token", ORDERS_KEY).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.array()).contains(orders).doesNotContain(payments);
    assertThat(reply.array().stream().toList()).allMatch(name -> ((String) name).startsWith("orders"));
  }

  @Test
  void adminKeySeesEveryTopic() {
    Http.Reply reply = http.get("/topics").header("X-Auth-Token", ADMIN_KEY).send();

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.array()).contains(orders, payments);
  }

  @Test
  void limitedKeyDescribesItsTopicButNotOthers() {
    assertThat(http.get("/topics/" + orders).header("X-Auth-Token", ORDERS_KEY).send().status()).isEqualTo(200);

    assertError(http.get("/topics/" + payments).header("X-Auth-Token", ORDERS_KEY).send(), 403, 40301);
    assertError(http.get("/topics/" + payments + "/partitions").header("X-Auth-Token", ORDERS_KEY).send(), 403,
        40301);
    assertError(http.get("/topics/" + payments + "/partitions/0").header("X-Auth-Token", ORDERS_KEY).send(), 403,
        40301);
  }

  @Test
  void missingOrUnknownKeyIs401() {
    assertError(http.get("/topics").send(), 401, 40101);
    assertError(http.get("/topics").header("X-Auth-Token", "not-a-key").send(), 401, 40101);
    assertError(http.get("/brokers").send(), 401, 40101);
  }
}
