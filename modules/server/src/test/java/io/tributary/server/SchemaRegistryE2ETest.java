package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.avroRecordWithDefault;
import static io.tributary.server.SchemaRegistryTestData.avroRecordWithIntField;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.server.SchemaRegistryTestData.register;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The embedded registry's Confluent Schema Registry API over HTTP, against the real broker. */
class SchemaRegistryE2ETest {
  private static Http registry;

  @BeforeAll
  static void server() {
    registry = SchemaRegistryTestData.registry(TestServer.shared());
  }

  @Test
  void theSameSchemaKeepsItsIdAndANewOneBecomesTheNextVersion() {
    String subject = TestKafka.uniqueTopic("orders") + "-value";
    String v1 = avroRecord("Order");

    Http.Reply first = register(registry, subject, body(v1));
    Http.Reply again = register(registry, subject, body(v1));

    assertThat(first.status()).as("%s", first).isEqualTo(200);
    assertThat(first.contentType()).isEqualTo(SR);
    int id = first.json().getInteger("id");
    assertThat(again.json().getInteger("id")).isEqualTo(id);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1);

    int id2 = register(registry, subject, body(avroRecordWithDefault("Order"))).json().getInteger("id");
    assertThat(id2).isGreaterThan(id);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1, 2);

    JsonObject latest = registry.get("/subjects/" + subject + "/versions/latest").send().json();
    assertThat(latest.getString("subject")).isEqualTo(subject);
    assertThat(latest.getInteger("version")).isEqualTo(2);
    assertThat(latest.getInteger("id")).isEqualTo(id2);
    assertThat(latest.containsKey("schemaType")).as("7.x shape: no schemaType for Avro").isFalse();
    assertThat(new JsonObject(latest.getString("schema")).getJsonArray("fields")).hasSize(2);
    assertThat(registry.get("/subjects/" + subject + "/versions/1").send().json().getInteger("id")).isEqualTo(id);
    assertThat(registry.get("/subjects/" + subject + "/versions/-1").send().json().getInteger("version"))
        .isEqualTo(2);

    Http.Reply byId = registry.get("/schemas/ids/" + id).send();
    assertThat(byId.status()).isEqualTo(200);
    assertThat(new JsonObject(byId.json().getString("schema")).getString("name")).isEqualTo("Order");
    assertThat(registry.get("/schemas/ids/" + id + "/schema").send().text())
        .isEqualTo(byId.json().getString("schema"));
    assertThat(registry.get("/schemas/ids/" + id2 + "/versions").send().array())
        .containsExactly(new JsonObject().put("subject", subject).put("version", 2));

    JsonObject found = registry.post("/subjects/" + subject).contentType(SR).body(body(v1)).send().json();
    assertThat(found.getInteger("version")).isEqualTo(1);
    assertThat(found.getInteger("id")).isEqualTo(id);

    // The same schema under another subject reuses its id: ids name schemas, not registrations.
    String other = TestKafka.uniqueTopic("other") + "-value";
    assertThat(register(registry, other, body(v1)).json().getInteger("id")).isEqualTo(id);
    assertThat(registry.get("/schemas/ids/" + id + "/subjects").send().array()).contains(subject, other);
    assertThat(registry.get("/subjects").send().array()).contains(subject, other);
    assertThat(registry.get("/subjects?subjectPrefix=" + other).send().array()).containsExactly(other);
  }

  @Test
  void anIncompatibleSchemaIsRefusedWith409UntilTheSubjectsLevelAllowsIt() {
    String subject = TestKafka.uniqueTopic("compat") + "-value";
    register(registry, subject, body(avroRecord("C")));

    Http.Reply refused = register(registry, subject, body(avroRecordWithIntField("C")));

    assertError(refused, 409, 409);
    assertThat(refused.json().getString("message")).contains("incompatible").contains(subject);
    JsonObject check = registry.post("/compatibility/subjects/" + subject + "/versions/latest?verbose=true")
        .contentType(SR).body(body(avroRecordWithIntField("C"))).send().json();
    assertThat(check.getBoolean("is_compatible")).isFalse();
    assertThat(check.getJsonArray("messages")).isNotEmpty();
    assertThat(registry.post("/compatibility/subjects/" + subject + "/versions/1").contentType(SR)
        .body(body(avroRecordWithDefault("C"))).send().json())
        .isEqualTo(new JsonObject().put("is_compatible", true));

    assertError(registry.get("/config/" + subject).send(), 404, 40408);
    assertThat(registry.get("/config/" + subject + "?defaultToGlobal=true").send().json()
        .getString("compatibilityLevel")).isEqualTo("BACKWARD");
    Http.Reply put = registry.put("/config/" + subject).contentType(SR).body("{\"compatibility\":\"none\"}").send();
    assertThat(put.json()).isEqualTo(new JsonObject().put("compatibility", "NONE"));
    assertThat(registry.get("/config/" + subject).send().json().getString("compatibilityLevel")).isEqualTo("NONE");

    assertThat(register(registry, subject, body(avroRecordWithIntField("C"))).status()).isEqualTo(200);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1, 2);

    assertThat(registry.delete("/config/" + subject).send().json().getString("compatibilityLevel"))
        .isEqualTo("NONE");
    assertError(registry.get("/config/" + subject).send(), 404, 40408);
    assertError(registry.put("/config/" + subject).contentType(SR).body("{\"compatibility\":\"SOMETIMES\"}").send(),
        422, 42203);
  }

  @Test
  void versionsAreSoftDeletedFirstAndThenPermanently() {
    String subject = TestKafka.uniqueTopic("deletes") + "-value";
    String unique = TestKafka.uniqueTopic("D").replace('-', '_');
    int id1 = register(registry, subject, body(avroRecord(unique))).json().getInteger("id");
    register(registry, subject, body(avroRecordWithDefault(unique)));

    assertError(registry.delete("/subjects/" + subject + "/versions/1?permanent=true").send(), 404, 40407);
    assertThat(registry.delete("/subjects/" + subject + "/versions/1").send().text()).isEqualTo("1");
    assertError(registry.delete("/subjects/" + subject + "/versions/1").send(), 404, 40406);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(2);
    assertThat(registry.get("/subjects/" + subject + "/versions?deleted=true").send().array()).containsExactly(1, 2);
    assertError(registry.get("/subjects/" + subject + "/versions/1").send(), 404, 40402);
    assertThat(registry.get("/subjects/" + subject + "/versions/1?deleted=true").send().json().getInteger("id"))
        .isEqualTo(id1);
    // A soft-deleted schema can still be read by id: records written with it stay readable.
    assertThat(registry.get("/schemas/ids/" + id1).send().status()).isEqualTo(200);

    assertError(registry.delete("/subjects/" + subject + "?permanent=true").send(), 404, 40405);
    assertThat(registry.delete("/subjects/" + subject).send().array()).containsExactly(2);
    assertThat(registry.get("/subjects").send().array()).doesNotContain(subject);
    assertThat(registry.get("/subjects?deleted=true").send().array()).contains(subject);
    assertError(registry.get("/subjects/" + subject + "/versions").send(), 404, 40401);
    assertError(registry.delete("/subjects/" + subject).send(), 404, 40404);

    assertThat(registry.delete("/subjects/" + subject + "?permanent=true").send().array()).containsExactly(1, 2);
    assertThat(registry.get("/subjects?deleted=true").send().array()).doesNotContain(subject);
    assertError(registry.get("/schemas/ids/" + id1).send(), 404, 40403);
    assertError(registry.delete("/subjects/" + subject).send(), 404, 40401);

    // Registering again after a permanent delete starts the subject over, with a fresh id.
    assertThat(register(registry, subject, body(avroRecord(unique))).json().getInteger("id")).isGreaterThan(id1);
    assertThat(registry.get("/subjects/" + subject + "/versions").send().array()).containsExactly(1);
  }

  @Test
  void protobufAndJsonSchemasCarryTheirType() {
    String subject = TestKafka.uniqueTopic("typed") + "-value";
    String proto = "syntax = \"proto3\";\npackage p;\nmessage M { string a = 1; }\n";
    int protoId = register(registry, subject, body(proto, "PROTOBUF")).json().getInteger("id");
    JsonObject stored = registry.get("/schemas/ids/" + protoId).send().json();
    assertThat(stored.getString("schemaType")).isEqualTo("PROTOBUF");
    assertThat(stored.getString("schema")).contains("message M");

    String jsonSubject = TestKafka.uniqueTopic("json") + "-value";
    Http.Reply json = register(registry, jsonSubject, body("{\"type\": \"object\"}", "JSON"));
    JsonObject version = registry.get("/subjects/" + jsonSubject + "/versions/1").send().json();
    assertThat(version.getInteger("id")).isEqualTo(json.json().getInteger("id"));
    assertThat(version.getString("schemaType")).isEqualTo("JSON");
    assertThat(version.getString("schema")).isEqualTo("{\"type\":\"object\"}");

    // Changing a subject's schema type is never compatible.
    assertError(register(registry, subject, body(avroRecord("X"))), 409, 409);
    assertThat(registry.get("/schemas/types").send().array()).containsExactly("JSON", "PROTOBUF", "AVRO");
  }

  @Test
  void badRequestsGetTheRegistrysErrors() {
    String subject = TestKafka.uniqueTopic("bad") + "-value";
    assertError(registry.get("/subjects/" + subject + "/versions").send(), 404, 40401);
    assertError(registry.get("/subjects/" + subject + "/versions/1").send(), 404, 40401);
    assertError(registry.post("/subjects/" + subject).contentType(SR).body(body(avroRecord("B"))).send(), 404, 40401);
    register(registry, subject, body(avroRecord("B")));
    assertError(registry.get("/subjects/" + subject + "/versions/7").send(), 404, 40402);
    assertError(registry.get("/subjects/" + subject + "/versions/seven").send(), 422, 42202);
    assertError(registry.get("/subjects/" + subject + "/versions/0").send(), 422, 42202);
    assertError(registry.post("/subjects/" + subject).contentType(SR).body(body(avroRecord("Other"))).send(),
        404, 40403);
    assertError(registry.get("/schemas/ids/987654321").send(), 404, 40403);

    Http.Reply invalid = register(registry, subject, body("{\"type\":\"record\",\"name\":\"N\"}"));
    assertError(invalid, 422, 42201);
    assertThat(invalid.contentType()).isEqualTo(SR);
    assertError(register(registry, subject, body("{\"type\":\"string\"}", "XML")), 422, 42201);
    assertError(register(registry, subject, "{}"), 422, 42201);
    assertError(register(registry, subject, "{\"schema\":"), 400, 400);

    assertThat(registry.post("/subjects/" + subject + "/versions").contentType("text/plain")
        .body(body(avroRecord("B"))).send().status()).isEqualTo(415);
    Http.Reply untyped = registry.post("/subjects/" + subject + "/versions").body(body(avroRecord("B"))).send();
    assertThat(untyped.status()).as("no Content-Type is read as JSON").isEqualTo(200);
    Http.Reply octets = registry.post("/subjects/" + subject + "/versions").contentType("application/octet-stream")
        .body(body(avroRecord("B"))).send();
    assertThat(octets.status()).isEqualTo(200);
    Http.Reply plainJson = registry.get("/subjects").accept("application/json").send();
    assertThat(plainJson.contentType()).isEqualTo("application/json");
    assertThat(registry.get("/subjects").accept("text/html").send().status()).isEqualTo(406);

    assertThat(registry.get("/").send().json()).isEqualTo(new JsonObject());
    assertThat(registry.get("/config").send().json().getString("compatibilityLevel")).isNotBlank();
    assertError(registry.get("/nothing/here").send(), 404, 404);
  }
}
