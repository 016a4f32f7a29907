package io.tributary.server;

import static io.tributary.testkit.V2ConsumerClient.V2;
import static io.tributary.testkit.V2ConsumerClient.quick;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.tributary.testkit.V2ConsumerClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code consumer.instances.max}: a create beyond it is 429 42902 in the generation's shape, until a slot frees. */
class ConsumerInstancesMaxE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";

  private static TestServer server;
  private static Http http;
  private static V2ConsumerClient v2;

  @BeforeAll
  static void start() {
    server = TestServer.start(Map.of("consumer.instances.max", "2"));
    http = server.http();
    v2 = new V2ConsumerClient(http);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aCreateBeyondTheMaximumIs429InEachGenerationUntilAnInstanceIsDeleted() {
    String group = TestKafka.uniqueTopic("group");
    String first = v2.create(group, quick("binary"));
    Http.Reply second = v1Create(group);
    assertThat(second.status()).as("%s", second).isEqualTo(200);

    Http.Reply v1Refused = v1Create(group);
    assertError(v1Refused, 429, 42902);
    assertThat(v1Refused.contentType()).isEqualTo(V1);
    Http.Reply v2Refused = http.post("/consumers/" + group).contentType(V2).accept(V2)
        .body(quick("binary").encode()).send();
    assertError(v2Refused, 429, 42902);
    assertThat(v2Refused.contentType()).isEqualTo(V2);
    assertThat(v2Refused.json().getString("message")).doesNotContain("Exception");

    v2.delete(group, first);
    String third = v2.create(group, quick("binary"));
    assertError(v1Create(group), 429, 42902);

    v2.delete(group, third);
    v2.delete(group, second.json().getString("instance_id"));
  }

  private static Http.Reply v1Create(String group) {
    return http.post("/consumers/" + group).contentType(V1).accept(V1).body("{\"format\":\"binary\"}").send();
  }
}
