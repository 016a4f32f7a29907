package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.Http;
import io.tributary.testkit.OpenApiContract;
import io.vertx.core.Vertx;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.OpenAPIVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI documents of every generation and the {@code /docs} page: each document is served, is a valid OpenAPI
 * 3.1 document, and its checker rejects what it does not allow; Swagger UI comes from the jar.
 */
class OpenApiDocumentsTest {
  private static final List<String> NAMES = List.of("v1", "v2", "v3", "eventstreams", "registry");

  private static Http http;
  private static Vertx vertx;

  @BeforeAll
  static void start() {
    http = TestServer.shared().http();
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stop() {
    vertx.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"v1", "v2", "v3", "eventstreams", "registry"})
  void eachDocumentIsServedAsValidOpenApi31(String name) throws Exception {
    Http.Reply reply = http.get("/openapi/" + name + ".yaml").send();

    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/yaml");
    Map<String, Object> tree = new Yaml().load(reply.text());
    JsonObject document = new JsonObject(Json.encode(tree));
    assertThat(document.getString("openapi")).startsWith("3.1");
    assertThat(document.getJsonObject("paths").fieldNames()).isNotEmpty();
    OutputUnit result = OpenAPIVersion.V3_1.getRepository(vertx, "https://tributary.invalid/")
        .compose(repository -> OpenAPIVersion.V3_1.validateContract(vertx, repository, document))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    assertThat(result.getValid()).as("%s: %s", name, result.getErrors() == null ? null
        : result.getErrors().stream().map(OutputUnit::getInstanceLocation).distinct().toList()).isTrue();
    // Every reference resolves: the checker dereferences the whole document.
    OpenApiContract.parse(reply.text(), List.of());
  }

  @Test
  void theV3DocumentIsTheOneServedUnderV3() {
    assertThat(http.get("/openapi/v3.yaml").send().text()).isEqualTo(http.get("/v3/openapi.yaml").send().text());
  }

  @Test
  void aDocumentOfNoGenerationIsNotFound() {
    assertThat(http.get("/openapi/v4.yaml").send().status()).isEqualTo(404);
  }

  @Test
  void docsServesSwaggerUiFromTheJarWithTheFiveDocuments() {
    Http.Reply redirect = http.get("/docs").send();
    assertThat(redirect.status()).isEqualTo(302);
    assertThat(redirect.header("Location")).isEqualTo("/docs/");

    Http.Reply page = http.get("/docs/").send();
    assertThat(page.status()).as("%s", page).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.text()).contains("swagger-ui-bundle.js", "swagger-initializer.js");

    Http.Reply bundle = http.get("/docs/swagger-ui-bundle.js").send();
    assertThat(bundle.status()).isEqualTo(200);
    assertThat(bundle.contentType()).contains("javascript");
    assertThat(bundle.bytes().length).isGreaterThan(100_000);
    assertThat(http.get("/docs/swagger-ui.css").send().status()).isEqualTo(200);

    Http.Reply initializer = http.get("/docs/swagger-initializer.js").send();
    assertThat(initializer.status()).isEqualTo(200);
    assertThat(initializer.text()).doesNotContain("petstore");
    for (String name : NAMES) {
      assertThat(initializer.text()).contains("../openapi/" + name + ".yaml");
    }
  }

  // The checkers the e2e clients run: a matching body passes, a wrong one fails, for each document.

  @Test
  void v1CheckerRejectsWhatTheDocumentDoesNotAllow() {
    JsonObject topic = new JsonObject().put("name", "t").put("configs", new JsonObject())
        .put("partitions", new JsonArray().add(partition()));
    ApiContracts.V1.check("GET", "/topics/t", reply(200, "application/vnd.kafka.v1+json", topic.encode()));

    topic.getJsonArray("partitions").getJsonObject(0).remove("leader");
    assertThatThrownBy(() -> ApiContracts.V1.check("GET", "/topics/t",
        reply(200, "application/vnd.kafka.v1+json", topic.encode())))
        .isInstanceOf(AssertionError.class).hasMessageContaining("leader");
    assertThatThrownBy(() -> ApiContracts.V1.check("GET", "/topics/t/partitions/0/messages?offset=0",
        reply(200, "application/vnd.kafka.binary.v1+json", "[{\"key\":null,\"value\":\"AA==\",\"partition\":\"0\","
            + "\"offset\":1}]")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("partition");
  }

  @Test
  void v2CheckerRejectsWhatTheDocumentDoesNotAllow() {
    String created = "{\"instance_id\":\"i\",\"base_uri\":\"http://h/consumers/g/instances/i\"}";
    ApiContracts.V2.check("POST", "/consumers/g", reply(200, "application/vnd.kafka.v2+json", created));

    assertThatThrownBy(() -> ApiContracts.V2.check("POST", "/consumers/g",
        reply(200, "application/vnd.kafka.v2+json", "{\"instance_id\":\"i\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("base_uri");
    assertThatThrownBy(() -> ApiContracts.V2.check("GET", "/topics/t/partitions/0/offsets",
        reply(200, "application/vnd.kafka.v2+json", "{\"beginning_offset\":0,\"end_offset\":\"9\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("end_offset");
    // A content type the operation does not document fails as well.
    assertThatThrownBy(() -> ApiContracts.V2.check("POST", "/consumers/g", reply(200, "text/plain", created)))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ApiContracts.V2.check("DELETE", "/consumers/g/instances/i",
        reply(204, "application/vnd.kafka.v2+json", "{}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("no body");
  }

  @Test
  void eventStreamsCheckerRejectsWhatTheDocumentDoesNotAllow() {
    String produced = "{\"metadata\":{\"topic\":\"t\",\"timestamp\":\"1\",\"partition\":0,\"offset\":3}}";
    ApiContracts.EVENT_STREAMS.check("POST", "/topics/t/records?key=k", reply(200, "application/json", produced));

    assertThatThrownBy(() -> ApiContracts.EVENT_STREAMS.check("POST", "/topics/t/records",
        reply(200, "application/json", produced.replace("\"1\"", "1"))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("timestamp");
    // kafka-rest's error shape lacks Event Streams' nested "error".
    assertThatThrownBy(() -> ApiContracts.EVENT_STREAMS.check("POST", "/topics/t/records",
        reply(404, "application/json", "{\"error_code\":40403,\"message\":\"x\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("error");
  }

  @Test
  void registryCheckerRejectsWhatTheDocumentDoesNotAllow() {
    String version = "{\"subject\":\"s\",\"version\":1,\"id\":7,\"schema\":\"\\\"string\\\"\"}";
    ApiContracts.REGISTRY.check("GET", "/subjects/s/versions/latest",
        reply(200, "application/vnd.schemaregistry.v1+json", version));

    assertThatThrownBy(() -> ApiContracts.REGISTRY.check("GET", "/subjects/s/versions/latest",
        reply(200, "application/vnd.schemaregistry.v1+json", version.replace("\"id\":7,", ""))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("id");
    assertThatThrownBy(() -> ApiContracts.REGISTRY.check("GET", "/config",
        reply(200, "application/vnd.schemaregistry.v1+json", "{\"compatibilityLevel\":\"SIDEWAYS\"}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("compatibilityLevel");
    assertThatThrownBy(() -> ApiContracts.REGISTRY.check("GET", "/subjects/s/nothing",
        reply(200, "application/vnd.schemaregistry.v1+json", "{}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Undocumented path");
  }

  @Test
  void theMainListenerCheckPicksTheGenerationFromTheMediaType() {
    // A v1 produce result is fine for v1 and v2 alike; a v2-only path asked as v1 is not a v1 operation.
    String records = "[{\"topic\":\"t\",\"key\":null,\"value\":\"AA==\",\"partition\":0,\"offset\":\"x\"}]";
    assertThatThrownBy(() -> ApiContracts.MAIN_LISTENER.check("GET", "/consumers/g/instances/i/records",
        List.of("Accept", "application/vnd.kafka.binary.v2+json"),
        reply(200, "application/vnd.kafka.binary.v2+json", records)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("offset");
    // Paths no document has (health, unknown ones) are not the API: not checked.
    ApiContracts.MAIN_LISTENER.check("GET", "/health/live", List.of(), reply(200, "application/json", "{}"));
  }

  @Test
  void v3ProduceRepliesAreChecked() {
    String records = "/v3/clusters/c/topics/t/records";
    String ok = "{\"error_code\":200,\"cluster_id\":\"c\",\"topic_name\":\"t\",\"partition_id\":0,\"offset\":1,"
        + "\"timestamp\":\"2020-01-01T00:00:00Z\"}";
    ApiContracts.MAIN_LISTENER.check("POST", records, List.of(), reply(200, "application/json", ok + "\r\n" + ok + "\r\n"));

    String wrong = ok.replace("\"offset\":1", "\"offset\":\"1\"");
    assertThatThrownBy(() -> ApiContracts.MAIN_LISTENER.check("POST", records, List.of(),
        reply(200, "application/json", ok + "\r\n" + wrong + "\r\n")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("offset");
    assertThatThrownBy(() -> ApiContracts.MAIN_LISTENER.check("POST", records + ":batch", List.of(),
        reply(207, "application/json", "{\"successes\":[]}")))
        .isInstanceOf(AssertionError.class).hasMessageContaining("failures");
  }

  private static JsonObject partition() {
    return new JsonObject().put("partition", 0).put("leader", 1).put("replicas", new JsonArray()
        .add(new JsonObject().put("broker", 1).put("leader", true).put("in_sync", true)));
  }

  private static Http.Reply reply(int status, String contentType, String body) {
    return new Http.Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }
}
