package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.Http;
import io.tributary.testkit.OpenApiContract;
import io.tributary.testkit.V3Client;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document, and the checker the v3 tests use: it must reject what the document does not allow. */
class V3OpenApiContractTest {
  private static Http http;
  private static OpenApiContract contract;
  private static V3Client v3;

  @BeforeAll
  static void load() {
    TestServer server = TestServer.shared();
    http = server.http();
    contract = V3Client.contract(http);
    v3 = V3Client.of(server.http(), "/v3");
  }

  @Test
  void theDocumentIsServedAsYamlUnderBothPrefixes() {
    Http.Reply v3Doc = http.get("/v3/openapi.yaml").send();
    Http.Reply kafkaDoc = http.get("/kafka/v3/openapi.yaml").send();

    assertThat(v3Doc.status()).isEqualTo(200);
    assertThat(v3Doc.contentType()).isEqualTo("application/yaml");
    assertThat(kafkaDoc.text()).isEqualTo(v3Doc.text());
    assertThat(contract.document().getString("openapi")).startsWith("3.1");
    assertThat(contract.document().getJsonObject("paths").fieldNames())
        .contains("/clusters/{cluster_id}/topics", "/clusters/{cluster_id}/acls:batch");
  }

  @Test
  void aMatchingResponsePasses() {
    contract.check("GET", "/v3/clusters/c1/brokers/1", reply(200, broker()));
  }

  @Test
  void aMissingRequiredPropertyFails() {
    JsonObject broker = broker();
    broker.remove("broker_id");

    assertThatThrownBy(() -> contract.check("GET", "/v3/clusters/c1/brokers/1", reply(200, broker)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("broker_id");
  }

  @Test
  void aPropertyOfTheWrongTypeFails() {
    JsonObject broker = broker().put("broker_id", "one");

    assertThatThrownBy(() -> contract.check("GET", "/v3/clusters/c1/brokers/1", reply(200, broker)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("broker_id");
  }

  @Test
  void theWrongKindFails() {
    JsonObject broker = broker().put("kind", "KafkaTopic");

    assertThatThrownBy(() -> contract.check("GET", "/v3/clusters/c1/brokers/1", reply(200, broker)))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aSuccessStatusTheOperationDoesNotDocumentFails() {
    // createTopic answers 201 or 200; a 202 would be checked against the error schema and must not pass.
    assertThatThrownBy(() -> contract.check("POST", "/v3/clusters/c1/topics", reply(202, new JsonObject())))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aBodyWhereNoneIsDocumentedFails() {
    assertThatThrownBy(() -> contract.check("DELETE", "/v3/clusters/c1/topics/t", reply(204, new JsonObject())))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no body");
  }

  @Test
  void anUndocumentedPathOrMethodFails() {
    assertThatThrownBy(() -> contract.check("GET", "/v3/clusters/c1/nothing-here", reply(200, new JsonObject())))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Undocumented path");
    assertThatThrownBy(() -> contract.check("PUT", "/v3/clusters/c1/brokers", reply(200, new JsonObject())))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Undocumented operation");
  }

  @Test
  void errorsMustHaveTheErrorShape() {
    contract.check("GET", "/v3/clusters/c1", reply(404, new JsonObject().put("error_code", 404).put("message", "x")));

    assertThatThrownBy(() -> contract.check("GET", "/v3/clusters/c1", reply(404, new JsonObject().put("error", 1))))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void literalSegmentsWinOverParameters() {
    // "-" is a literal path of its own: a topic-config list must not be checked as a single topic's.
    JsonObject list = new JsonObject().put("kind", "KafkaTopicConfigList")
        .put("metadata", new JsonObject().put("self", "x").putNull("next")).put("data", List.of());
    contract.check("GET", "/v3/clusters/c1/topics/-/configs", reply(200, list));
  }

  @Test
  void realResponsesOfTheServerPass() {
    assertThat(v3.get("").status()).isEqualTo(200);
    assertThat(v3.get("/brokers").status()).isEqualTo(200);
  }

  private static JsonObject broker() {
    return new JsonObject().put("kind", "KafkaBroker")
        .put("metadata", new JsonObject().put("self", "http://h/v3/clusters/c1/brokers/1")
            .put("resource_name", "crn:///kafka=c1/broker=1"))
        .put("cluster_id", "c1").put("broker_id", 1).put("host", "h").put("port", 9092)
        .put("configs", new JsonObject().put("related", "u"))
        .put("partition_replicas", new JsonObject().put("related", "u"));
  }

  private static Http.Reply reply(int status, JsonObject body) {
    return new Http.Reply(status, "application/json", body.encode().getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
