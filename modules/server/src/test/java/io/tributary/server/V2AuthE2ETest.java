package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v2 produce and metadata with API keys: permission checks come before anything reaches Kafka. */
class V2AuthE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v2+json";
  private static final String V2 = "application/vnd.kafka.v2+json";
  private static final String BODY = "{\"records\":[{\"value\":\"aGVsbG8=\"}]}";
  private static final String WRITER = "writer-key-1234";
  private static final String READER = "reader-key-5678";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;
  private static String granted;
  private static String other;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"writer","key":"writer-key-1234",
           "permissions":[{"topics":["v2-auth-granted-*"],"operations":["produce"]}]},
          {"principal":"reader","key":"reader-key-5678",
           "permissions":[{"topics":["v2-auth-granted-*"],"operations":["consume"]}]}
        ]}""");
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    http = server.http();
    granted = TestKafka.createTopic(TestKafka.uniqueTopic("v2-auth-granted"), 1);
    other = TestKafka.createTopic(TestKafka.uniqueTopic("v2-auth-other"), 1);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aKeyWithProducePermissionProduces() {
    Http.Reply reply = http.post("/topics/" + granted).header("X-Auth-Token", WRITER).contentType(BINARY)
        .body(BODY).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.json().getJsonArray("offsets").getJsonObject(0).getValue("error_code")).isNull();
  }

  @Test
  void aKeyWithoutProducePermissionIsRefusedOnBothEndpointsAndNothingIsWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v2-auth-granted-denied"), 1);

    Http.Reply reader = http.post("/topics/" + topic).header("X-Auth-Token", READER).contentType(BINARY)
        .body(BODY).send();
    Http.Reply toPartition = http.post("/topics/" + topic + "/partitions/0").header("X-Auth-Token", READER)
        .contentType(BINARY).body(BODY).send();
    Http.Reply elsewhere = http.post("/topics/" + other).header("X-Auth-Token", WRITER).contentType(BINARY)
        .body(BODY).send();

    for (Http.Reply reply : List.of(reader, toPartition, elsewhere)) {
      assertError(reply, 403, 40301);
      assertThat(reply.contentType()).isEqualTo("application/json");
    }
    Http.Reply first = http.post("/topics/" + topic).header("X-Auth-Token", WRITER).contentType(BINARY)
        .body(BODY).send();
    assertThat(first.json().getJsonArray("offsets").getJsonObject(0).getLong("offset")).as("%s", first).isZero();
  }

  @Test
  void withoutAKeyTheAnswerIs401() {
    Http.Reply produce = http.post("/topics/" + granted).contentType(BINARY).body(BODY).send();
    Http.Reply topics = http.get("/topics").accept(V2).send();

    assertError(produce, 401, 40101);
    assertError(topics, 401, 40101);
  }

  @Test
  void listingsShowOnlyTheTopicsAKeyMaySee() {
    Http.Reply reply = http.get("/topics").header("X-Auth-Token", READER).accept(V2).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo(V2);
    assertThat(reply.array()).contains(granted).doesNotContain(other);
  }

  @Test
  void aTopicAKeyMayNotSeeIs403OnEveryEndpoint() {
    for (String path : List.of("/topics/" + other, "/topics/" + other + "/partitions",
        "/topics/" + other + "/partitions/0", "/topics/" + other + "/partitions/0/offsets")) {
      assertError(http.get(path).header("X-Auth-Token", READER).accept(V2).send(), 403, 40301);
      assertThat(http.get(path.replace(other, granted)).header("X-Auth-Token", READER).accept(V2).send().status())
          .as(path).isEqualTo(200);
    }
  }
}
