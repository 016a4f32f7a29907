package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** v1 produce with API keys: the permission check comes before anything reaches Kafka. */
class V1ProduceAuthE2ETest {
  private static final String BINARY = "application/vnd.kafka.binary.v1+json";
  private static final String BODY = "{\"records\":[{\"value\":\"aGVsbG8=\"}]}";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http http;

  @BeforeAll
  static void start() throws IOException {
    Path keys = Files.writeString(dir.resolve("keys.json"), """
        {"api_keys":[
          {"principal":"writer","key":"APIKEY","permissions":[{"topics":["v1-auth-*"],"operations":["produce"]}]},
          {"principal":"reader","key":"READKEY","permissions":[{"topics":["*"],"operations":["consume"]}]}
        ]}""");
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    http = server.http();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aKeyWithProducePermissionProduces() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-auth-ok"), 1);

    Http.Reply reply = http.post("/topics/" + topic).header("X-Auth-Token", "APIKEY").contentType(BINARY)
        .body(BODY).send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(30))).hasSize(1);
  }

  @Test
  void aKeyWithoutProducePermissionIsRefusedAndNothingIsWritten() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("v1-auth-denied"), 1);

    Http.Reply reader = http.post("/topics/" + topic).header("X-Auth-Token", "READKEY").contentType(BINARY)
        .body(BODY).send();
    Http.Reply toPartition = http.post("/topics/" + topic + "/partitions/0").header("X-Auth-Token", "READKEY")
        .contentType(BINARY).body(BODY).send();

    assertError(reader, 403, 40301);
    assertError(toPartition, 403, 40301);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void aKeyMayProduceOnlyToTheTopicsItWasGranted() {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("elsewhere"), 1);

    Http.Reply reply = http.post("/topics/" + topic).header("X-Auth-Token", "APIKEY").contentType(BINARY)
        .body(BODY).send();

    assertError(reply, 403, 40301);
    assertThat(TestKafka.readAll(topic, 1, Duration.ofSeconds(2))).isEmpty();
  }
}
