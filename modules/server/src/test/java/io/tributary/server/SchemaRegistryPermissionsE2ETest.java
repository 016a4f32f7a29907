package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.avroRecordWithDefault;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may read and change schemas: schema-read and schema-write on subject patterns, admin for the registry-wide
 * settings and permanent deletes, and grants written before subjects existed covering their topics' subjects.
 */
class SchemaRegistryPermissionsE2ETest {
  private static final String KEYS = """
      {"api_keys":[
        {"principal":"root","key":"ROOT","permissions":[{"topics":["*"],"operations":["admin"]}]},
        {"principal":"reader","key":"READER","permissions":[{"subjects":["orders-*"],"operations":["schema-read"]}]},
        {"principal":"writer","key":"WRITER","permissions":[{"subjects":["orders-*"],"operations":["schema-write"]}]},
        {"principal":"subject-admin","key":"SUBADMIN",
         "permissions":[{"subjects":["orders-*"],"operations":["admin"]}]},
        {"principal":"legacy","key":"LEGACY","permissions":[{"topics":["legacy*"],"operations":["produce"]}]},
        {"principal":"strict","key":"STRICT",
         "permissions":[{"topics":["strict*"],"subjects":["none"],"operations":["produce"]}]}
      ]}""";

  @TempDir
  static Path dir;
  private static TestServer server;
  private static Http registry;
  private static int ordersId;
  private static int paymentsId;

  @BeforeAll
  static void start() throws Exception {
    Path keys = Files.writeString(dir.resolve("keys.json"), KEYS);
    server = TestServer.start(Map.of("auth.api.keys.file", keys.toString()));
    registry = SchemaRegistryTestData.registry(server);
    ordersId = register("ROOT", "orders-value", avroRecord("PermOrder")).json().getInteger("id");
    paymentsId = register("ROOT", "payments-value", avroRecord("PermPayment")).json().getInteger("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Http.Reply register(String key, String subject, String schema) {
    return registry.post("/subjects/" + subject + "/versions").header("X-Auth-Token", key).contentType(SR)
        .body(body(schema)).send();
  }

  private static Http.Call as(Http.Call call, String key) {
    return call.header("X-Auth-Token", key);
  }

  private static void assertForbidden(Http.Reply reply) {
    assertError(reply, 403, 40301);
    assertThat(reply.contentType()).isEqualTo(SR);
  }

  @Test
  void schemaReadLetsAPrincipalReadItsSubjectsOnly() {
    assertThat(as(registry.get("/subjects/orders-value/versions/latest"), "READER").send().json()
        .getInteger("id")).isEqualTo(ordersId);
    assertThat(as(registry.get("/schemas/ids/" + ordersId), "READER").send().status()).isEqualTo(200);
    assertThat(as(registry.get("/subjects"), "READER").send().array()).contains("orders-value")
        .doesNotContain("payments-value");
    assertThat(as(registry.get("/schemas"), "READER").send().array().stream()
        .map(v -> ((io.vertx.core.json.JsonObject) v).getString("subject"))).contains("orders-value")
        .doesNotContain("payments-value");

    assertForbidden(as(registry.get("/subjects/payments-value/versions"), "READER").send());
    assertForbidden(as(registry.get("/subjects/payments-value/versions/1"), "READER").send());
    assertForbidden(as(registry.get("/schemas/ids/" + paymentsId), "READER").send());
    assertForbidden(as(registry.get("/config/payments-value"), "READER").send());
    assertForbidden(as(registry.post("/subjects/payments-value"), "READER").contentType(SR)
        .body(body(avroRecord("PermPayment"))).send());
    // an unknown id is still 404, not a hint that it exists
    assertError(as(registry.get("/schemas/ids/987654"), "READER").send(), 404, 40403);
  }

  @Test
  void schemaReadDoesNotLetAPrincipalWrite() {
    assertForbidden(register("READER", "orders-value", avroRecordWithDefault("PermOrder")));
    assertForbidden(as(registry.delete("/subjects/orders-value"), "READER").send());
    assertForbidden(as(registry.put("/config/orders-value"), "READER").contentType(SR)
        .body("{\"compatibility\":\"NONE\"}").send());
    assertThat(as(registry.get("/subjects/orders-value/versions"), "ROOT").send().array()).containsExactly(1);
  }

  @Test
  void schemaWriteRegistersAndConfiguresItsSubjectsButNotTheRegistry() {
    assertThat(register("WRITER", "orders-key", "\"string\"").status()).isEqualTo(200);
    assertThat(as(registry.put("/config/orders-key"), "WRITER").contentType(SR)
        .body("{\"compatibility\":\"NONE\"}").send().status()).isEqualTo(200);
    assertThat(as(registry.put("/mode/orders-key"), "WRITER").contentType(SR)
        .body("{\"mode\":\"READWRITE\"}").send().status()).isEqualTo(200);

    assertForbidden(register("WRITER", "payments-key", "\"string\""));
    assertForbidden(as(registry.delete("/subjects/payments-value"), "WRITER").send());
    assertForbidden(as(registry.put("/config"), "WRITER").contentType(SR).body("{\"compatibility\":\"NONE\"}")
        .send());
    assertForbidden(as(registry.delete("/config"), "WRITER").send());
    assertForbidden(as(registry.put("/mode"), "WRITER").contentType(SR).body("{\"mode\":\"READONLY\"}").send());
    assertForbidden(as(registry.delete("/mode"), "WRITER").send());
    assertThat(as(registry.get("/subjects/payments-key/versions"), "ROOT").send().status()).isEqualTo(404);
    assertThat(as(registry.get("/mode"), "ROOT").send().json().getString("mode")).isEqualTo("READWRITE");
  }

  @Test
  void permanentDeletesNeedAdminOnTheSubject() {
    assertThat(register("WRITER", "orders-temp-value", "\"long\"").status()).isEqualTo(200);
    assertThat(as(registry.delete("/subjects/orders-temp-value"), "WRITER").send().status()).isEqualTo(200);
    assertForbidden(as(registry.delete("/subjects/orders-temp-value?permanent=true"), "WRITER").send());
    assertThat(as(registry.get("/subjects?deleted=true"), "ROOT").send().array()).contains("orders-temp-value");

    Http.Reply deleted = as(registry.delete("/subjects/orders-temp-value?permanent=true"), "SUBADMIN").send();
    assertThat(deleted.status()).as("%s", deleted).isEqualTo(200);
    assertThat(as(registry.get("/subjects?deleted=true"), "ROOT").send().array())
        .doesNotContain("orders-temp-value");
    // admin on some subjects is not admin of the registry
    assertForbidden(as(registry.put("/config"), "SUBADMIN").contentType(SR).body("{\"compatibility\":\"NONE\"}")
        .send());
  }

  @Test
  void adminOnEverythingChangesTheRegistrysGlobalSettings() {
    Http.Reply config = as(registry.put("/config"), "ROOT").contentType(SR).body("{\"compatibility\":\"BACKWARD\"}")
        .send();
    assertThat(config.status()).as("%s", config).isEqualTo(200);
    Http.Reply mode = as(registry.put("/mode"), "ROOT").contentType(SR).body("{\"mode\":\"READWRITE\"}").send();
    assertThat(mode.status()).as("%s", mode).isEqualTo(200);
    // reading the global settings needs nothing but a valid credential
    assertThat(as(registry.get("/config"), "READER").send().status()).isEqualTo(200);
    assertThat(as(registry.get("/mode"), "READER").send().status()).isEqualTo(200);
  }

  @Test
  void grantsWithoutSubjectsCoverTheirTopicsKeyAndValueSubjects() {
    assertThat(register("LEGACY", "legacy-orders-value", avroRecord("PermLegacy")).status()).isEqualTo(200);
    assertThat(as(registry.get("/subjects/legacy-orders-value/versions"), "LEGACY").send().array())
        .containsExactly(1);
    assertForbidden(register("LEGACY", "orders-value", avroRecordWithDefault("PermOrder")));
    assertForbidden(as(registry.get("/subjects/orders-value/versions"), "LEGACY").send());
    assertForbidden(as(registry.put("/config"), "LEGACY").contentType(SR).body("{\"compatibility\":\"NONE\"}")
        .send());
  }

  @Test
  void aProduceThatWouldRegisterASchemaNeedsSchemaWriteOnItsSubject() throws Exception {
    String topic = TestKafka.createTopic(TestKafka.uniqueTopic("strict"), 1);
    String schema = avroRecord("PermStrict");
    String v2Body = new JsonObject().put("value_schema", schema)
        .put("records", new io.vertx.core.json.JsonArray().add(new JsonObject().put("value",
            new JsonObject().put("f", "x")))).encode();
    Http proxy = server.http();

    Http.Reply v2 = proxy.post("/topics/" + topic).header("X-Auth-Token", "STRICT")
        .contentType("application/vnd.kafka.avro.v2+json").body(v2Body).send();
    assertError(v2, 403, 40301);
    Http.Reply v3 = proxy.post("/v3/clusters/" + clusterId() + "/topics/" + topic + "/records")
        .header("X-Auth-Token", "STRICT").contentType("application/json")
        .body(new JsonObject().put("value", new JsonObject().put("type", "AVRO").put("schema", schema)
            .put("data", new JsonObject().put("f", "x"))).encode()).send();
    assertThat(v3.text()).as("%s", v3).contains("40301");
    assertThat(as(registry.get("/subjects/" + topic + "-value/versions"), "ROOT").send().status()).isEqualTo(404);
    assertThat(endOffset(topic)).isZero();

    // once the schema exists, producing with it only looks it up: no schema-write needed
    assertThat(register("ROOT", topic + "-value", schema).status()).isEqualTo(200);
    Http.Reply produced = proxy.post("/topics/" + topic).header("X-Auth-Token", "STRICT")
        .contentType("application/vnd.kafka.avro.v2+json").body(v2Body).send();
    assertThat(produced.status()).as("%s", produced).isEqualTo(200);
    assertThat(endOffset(topic)).isEqualTo(1);
  }

  private static String clusterId() throws Exception {
    return TestKafka.admin().describeCluster().clusterId().get(30, TimeUnit.SECONDS);
  }

  private static long endOffset(String topic) throws Exception {
    TopicPartition p = new TopicPartition(topic, 0);
    return TestKafka.admin().listOffsets(Map.of(p, OffsetSpec.latest())).partitionResult(p).get(30, TimeUnit.SECONDS)
        .offset();
  }
}
