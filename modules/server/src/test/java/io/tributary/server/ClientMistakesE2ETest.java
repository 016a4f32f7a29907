package io.tributary.server;

import static io.tributary.testkit.ErrorAssert.assertError;
import static io.tributary.testkit.ErrorAssert.assertNoInternals;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Requests that are the client's mistake get a 4xx in the generation's shape, never a 500: media types with no type
 * at all, form bodies on a GET, a query or path that is not valid percent-encoding, a request without a Host header,
 * and v3 streaming produce on a path with dot segments or empty segments (served as the normalised path).
 */
class ClientMistakesE2ETest {
  private static final String V1 = "application/vnd.kafka.v1+json";
  private static final String V2 = "application/vnd.kafka.v2+json";

  private static TestServer server;
  private static Http http;
  private static Http registry;
  private static int port;
  private static int registryPort;
  private static String topic;

  @BeforeAll
  static void start() {
    registryPort = freePort();
    server = TestServer.start(Map.of("embedded.schema.registry.listener", "http://127.0.0.1:" + registryPort));
    http = server.http();
    port = URI.create(server.baseUrl()).getPort();
    registry = new Http("http://127.0.0.1:" + registryPort);
    topic = TestKafka.createTopic(TestKafka.uniqueTopic("mistakes"), 1);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {";;;", ";"})
  void aContentTypeWithoutATypeIs415OnEveryGeneration(String contentType) {
    String body = "{\"records\":[{\"value\":\"aGk=\"}]}";
    assertError(http.post("/topics/" + topic).contentType(contentType).accept(V1).body(body).send(), 415, 415);
    assertError(http.post("/topics/" + topic).contentType(contentType).accept(V2).body(body).send(), 415, 415);
    assertError(http.post("/consumers/mistakes-v1").contentType(contentType).accept(V1).body("{}").send(), 415, 415);
    assertError(http.post("/consumers/mistakes-v2").contentType(contentType).accept(V2).body("{}").send(), 415, 415);
    assertError(http.post("/v3/clusters/any/topics/" + topic + "/records").contentType(contentType)
        .body("{\"value\":{\"type\":\"STRING\",\"data\":\"x\"}}").send(), 415, 415);
    assertError(http.post("/v3/clusters/any/topics").contentType(contentType).body("{\"topic_name\":\"x\"}").send(),
        415, 415);
    assertError(registry.post("/subjects/mistakes-value/versions").contentType(contentType)
        .body("{\"schema\":\"\\\"string\\\"\"}").send(), 415, 415);
  }

  @ParameterizedTest
  @ValueSource(strings = {"multipart/form-data; boundary=x", "application/x-www-form-urlencoded"})
  void aFormBodyOnAGetOfCommittedOffsetsIs415(String contentType) {
    String group = TestKafka.uniqueTopic("mistakes-group");
    assertThat(http.post("/consumers/" + group).contentType(V2).body("{\"name\":\"i\",\"format\":\"binary\"}").send()
        .status()).isEqualTo(200);
    try {
      Http.Reply reply = http.get("/consumers/" + group + "/instances/i/offsets").contentType(contentType)
          .accept(V2).body(contentType.startsWith("multipart") ? "--x--\r\n" : "a=b").send();
      assertError(reply, 415, 415);
    } finally {
      http.delete("/consumers/" + group + "/instances/i").contentType(V2).send();
    }
  }

  @Test
  void aQueryThatIsNotPercentEncodingIs400OnTheRegistryAndTheProxy() {
    RawHttp.Response onRegistry = RawHttp.exchange(registryPort, request("GET /subjects?%ZZ=1", ""), 30_000);
    assertThat(onRegistry.status()).as(onRegistry.toString()).isEqualTo(400);
    assertThat(new JsonObject(onRegistry.body()).getInteger("error_code")).isEqualTo(400);
    RawHttp.Response onProxy = RawHttp.exchange(port,
        request("GET /consumers/g/instances/i/records?timeout=%ZZ", "Accept: " + V2 + "\r\n"), 30_000);
    assertThat(onProxy.status()).as(onProxy.toString()).isEqualTo(400);
  }

  @Test
  void aPathThatIsNotPercentEncodingIs400() {
    for (String path : new String[] {"/v3/clusters/%/topics/t/records", "/%ZZ/g/instances/i/positions"}) {
      RawHttp.Response response = RawHttp.exchange(port, request("POST " + path,
          "Content-Type: application/json\r\nContent-Length: 2\r\n", "{}"), 30_000);
      assertThat(response.status()).as(path + ": " + response).isEqualTo(400);
      assertThat(new JsonObject(response.body()).getInteger("error_code")).isEqualTo(400);
    }
  }

  @Test
  void aRequestWithoutHostIs400OnTheProxyAndTheRegistry() {
    byte[] noHost = "GET /v3/clusters HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    RawHttp.Response proxy = RawHttp.exchange(port, noHost, 30_000);
    assertThat(proxy.status()).as(proxy.toString()).isEqualTo(400);
    assertThat(new JsonObject(proxy.body()).getInteger("error_code")).isEqualTo(400);
    RawHttp.Response onRegistry = RawHttp.exchange(registryPort,
        "GET /subjects HTTP/1.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 30_000);
    assertThat(onRegistry.status()).as(onRegistry.toString()).isEqualTo(400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/v3/clusters/any/topics/%s/./records", "/v3//clusters/any/topics/%s/records",
      "/kafka/v3/clusters/any/topics/%s/x/../records"})
  void streamingProduceOnAPathWithDotOrEmptySegmentsIsServedAsTheNormalisedPath(String template) {
    String body = "{\"value\":{\"type\":\"STRING\",\"data\":\"dots\"}}";
    RawHttp.Response response = RawHttp.exchange(port, request("POST " + template.formatted(topic),
        "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n", body), 30_000);
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    assertThat(response.body()).contains("\"error_code\":200").contains("\"topic_name\":\"" + topic + "\"");
  }

  @Test
  void parserLimitsAreReportedWithoutNamingTheParsersInternals() {
    String deep = "[".repeat(1500) + "]".repeat(1500);
    Http.Reply reply = http.post("/topics/" + topic).contentType("application/vnd.kafka.json.v2+json")
        .body("{\"records\":[{\"value\":" + deep + "}]}").send();
    assertError(reply, 400, 400);
    assertThat(reply.json().getString("message")).contains("nesting depth").doesNotContain("`")
        .doesNotContain("StreamReadConstraints").doesNotContain("getMax");
    String clusterId = http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0)
        .getString("cluster_id");
    Http.Reply longNumber = http.post("/v3/clusters/" + clusterId + "/topics").contentType("application/json")
        .body("{\"topic_name\":\"x\",\"partitions_count\":" + "9".repeat(1200) + "}").send();
    assertThat(longNumber.status()).isEqualTo(400);
    assertThat(longNumber.json().getString("message")).doesNotContain("`").doesNotContain("StreamReadConstraints");
    assertNoInternals(longNumber);
  }

  @Test
  void aJsonStringIsLimitedByTheBodyLimitNotByTheParsersOwnLimit() {
    // 21 million characters: over Jackson's default of 20 million, well under request.body.max.bytes (64 MiB).
    StringBuilder schema = new StringBuilder(21_000_100).append("{\"schema\":\"");
    schema.append("a".repeat(21_000_000)).append("\"}");
    Http.Reply reply = registry.post("/subjects/mistakes-long-value/versions")
        .contentType("application/vnd.schemaregistry.v1+json").body(schema.toString()).send();
    // The registry reads the string and finds no valid schema in it (42201), instead of a parser error.
    assertError(reply, 422, 42201);
    assertThat(reply.json().getString("message")).doesNotContain("String value length");
  }

  @Test
  void aV3StringOverKafkasProtocolLimitIs400AndTheAdminClientSurvivesIt() {
    String clusterId = http.get("/v3/clusters").send().json().getJsonArray("data").getJsonObject(0)
        .getString("cluster_id");
    String body = new JsonObject().put("topic_name", TestKafka.uniqueTopic("mistakes-config"))
        .put("partitions_count", 1).put("configs", List.of(new JsonObject().put("name", "retention.ms")
            .put("value", "1".repeat(40_000)))).encode();
    assertError(http.post("/v3/clusters/" + clusterId + "/topics").contentType("application/json").body(body).send(),
        400, 400);
    // Before, the Admin client's own thread died of it, and every later administration request hung.
    assertThat(http.get("/v3/clusters/" + clusterId + "/topics/" + topic).send().status()).isEqualTo(200);
  }

  @Test
  void aConsumerCommitToATopicNameKafkaCannotHaveIs40401AndTheInstanceStaysUsable() {
    String group = TestKafka.uniqueTopic("mistakes-commit");
    assertThat(http.post("/consumers/" + group).contentType(V2).body("{\"name\":\"i\",\"format\":\"binary\"}").send()
        .status()).isEqualTo(200);
    try {
      String base = "/consumers/" + group + "/instances/i";
      String offsets = new JsonObject().put("offsets", List.of(new JsonObject().put("topic", "A".repeat(300))
          .put("partition", 0).put("offset", 0))).encode();
      assertError(http.post(base + "/offsets").contentType(V2).body(offsets).send(), 404, 40401);
      assertThat(http.get(base + "/subscription").accept(V2).send().status()).isEqualTo(200);
    } finally {
      http.delete("/consumers/" + group + "/instances/i").contentType(V2).send();
    }
  }

  private static byte[] request(String requestLine, String headers) {
    return request(requestLine, headers, "");
  }

  private static byte[] request(String requestLine, String headers, String body) {
    return (requestLine + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" + headers + "\r\n" + body)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
