package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.SR;
import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.avroRecordWithDefault;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.server.SchemaRegistryTestData.register;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code normalize} (query parameter and config) on register, lookup and compatibility checks for the three
 * formats, and {@code GET /subjects/{s}/metadata}. One server per test on a topic of its own.
 */
class SchemaRegistryNormalizeE2ETest {
  /** Two Avro spellings of one schema: only the order of their custom properties differs. */
  private static final String AVRO_BA = "{\"type\":\"record\",\"name\":\"N\",\"fields\":[{\"name\":\"f\","
      + "\"type\":\"string\"}],\"owner\":\"b\",\"app\":\"a\"}";
  private static final String AVRO_AB = "{\"type\":\"record\",\"name\":\"N\",\"fields\":[{\"name\":\"f\","
      + "\"type\":\"string\"}],\"app\":\"a\",\"owner\":\"b\"}";
  /** Two JSON Schema spellings of one schema: only the order of their keys differs. */
  private static final String JSON_1 = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
  private static final String JSON_2 = "{\"properties\":{\"a\":{\"type\":\"string\"}},\"type\":\"object\"}";
  /** Two Protobuf spellings of one schema: fields in another order, a type name spelled otherwise. */
  private static final String PROTO_1 = "syntax = \"proto3\";\npackage p;\nmessage M {\n  string a = 1;\n"
      + "  K k = 2;\n}\nenum K {\n  K0 = 0;\n}\n";
  private static final String PROTO_2 = "syntax = \"proto3\";\npackage p;\nenum K {\n  K0 = 0;\n}\nmessage M {\n"
      + "  .p.K k = 2;\n  string a = 1;\n}\n";

  @Test
  void normalizeMakesSpellingsOfOneSchemaOneVersionAndOneId() {
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic",
        TestKafka.uniqueTopic("_schemas-normalize")))) {
      Http registry = SchemaRegistryTestData.registry(server);

      // Asked for: one id, one version, stored in the normalized form.
      int avro = registerNormalized(registry, "avro-on", body(AVRO_BA));
      assertThat(registerNormalized(registry, "avro-on", body(AVRO_AB))).isEqualTo(avro);
      assertThat(registry.get("/subjects/avro-on/versions").send().array()).containsExactly(1);
      assertThat(registry.get("/subjects/avro-on/versions/1/schema").send().text())
          .contains("\"app\":\"a\",\"owner\":\"b\"");
      int json = registerNormalized(registry, "json-on", body(JSON_1, "JSON"));
      assertThat(registerNormalized(registry, "json-on", body(JSON_2, "JSON"))).isEqualTo(json);
      assertThat(registry.get("/subjects/json-on/versions").send().array()).containsExactly(1);
      int proto = registerNormalized(registry, "proto-on", body(PROTO_1, "PROTOBUF"));
      assertThat(registerNormalized(registry, "proto-on", body(PROTO_2, "PROTOBUF"))).isEqualTo(proto);
      assertThat(registry.get("/subjects/proto-on/versions").send().array()).containsExactly(1);
      assertThat(registry.get("/subjects/proto-on/versions/1/schema").send().text()).contains(".p.K k = 2;");

      // Not asked for: every spelling is a schema of its own, a new version and a new id.
      int ba = register(registry, "avro-off", body(AVRO_BA)).json().getInteger("id");
      assertThat(register(registry, "avro-off", body(AVRO_AB)).json().getInteger("id")).isNotEqualTo(ba);
      assertThat(registry.get("/subjects/avro-off/versions").send().array()).containsExactly(1, 2);
      int j1 = register(registry, "json-off", body(JSON_1, "JSON")).json().getInteger("id");
      assertThat(register(registry, "json-off", body(JSON_2, "JSON")).json().getInteger("id")).isNotEqualTo(j1);
      int p1 = register(registry, "proto-off", body(PROTO_1, "PROTOBUF")).json().getInteger("id");
      assertThat(register(registry, "proto-off", body(PROTO_2, "PROTOBUF")).json().getInteger("id"))
          .isNotEqualTo(p1);
      assertThat(registry.get("/subjects/proto-off/versions").send().array()).containsExactly(1, 2);

      // Look-ups: the other spelling is found only when normalized; so is a version registered unnormalized.
      assertError(lookUp(registry, "avro-on", "", body(AVRO_BA)), 404, 40403);
      assertThat(lookUp(registry, "avro-on", "?normalize=true", body(AVRO_BA)).json().getInteger("id"))
          .isEqualTo(avro);
      assertThat(lookUp(registry, "avro-off", "?normalize=true", body(AVRO_BA)).json().getInteger("version"))
          .isEqualTo(1);
      assertThat(lookUp(registry, "json-on", "?normalize=true", body(JSON_1, "JSON")).json().getInteger("id"))
          .isEqualTo(json);

      // Compatibility checks take it too.
      assertThat(registry.post("/compatibility/subjects/avro-on/versions/latest?normalize=true").contentType(SR)
          .body(body(AVRO_BA)).send().json().getBoolean("is_compatible")).isTrue();
      assertThat(registry.post("/compatibility/subjects/proto-on/versions?normalize=true").contentType(SR)
          .body(body(PROTO_2, "PROTOBUF")).send().json().getBoolean("is_compatible")).isTrue();

      // A value that is not "true" means not asked, as in Confluent's registry: no error, no normalization.
      assertThat(registry.post("/subjects/avro-bad/versions?normalize=notabool").contentType(SR)
          .body(body(AVRO_BA)).send().status()).isEqualTo(200);
      assertThat(registry.get("/subjects/avro-bad/versions/1/schema").send().text())
          .contains("\"owner\":\"b\",\"app\":\"a\"");
    }
  }

  @Test
  void theNormalizeConfigIsStoredReturnedMergedAndTheDefault() {
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic",
        TestKafka.uniqueTopic("_schemas-normalize-config")))) {
      Http registry = SchemaRegistryTestData.registry(server);

      Http.Reply set = registry.put("/config/cfg").contentType(SR).body("{\"normalize\":true}").send();
      assertThat(set.json()).isEqualTo(new JsonObject().put("normalize", true));
      assertThat(registry.get("/config/cfg").send().json()).isEqualTo(new JsonObject().put("normalize", true));
      assertThat(registry.get("/config/cfg?defaultToGlobal=true").send().json())
          .isEqualTo(new JsonObject().put("compatibilityLevel", "BACKWARD").put("normalize", true));
      int id = register(registry, "cfg", body(AVRO_BA)).json().getInteger("id");
      assertThat(register(registry, "cfg", body(AVRO_AB)).json().getInteger("id")).isEqualTo(id);
      assertThat(registry.get("/subjects/cfg/versions").send().array()).containsExactly(1);
      assertThat(lookUp(registry, "cfg", "", body(AVRO_BA)).json().getInteger("version")).isEqualTo(1);

      // An update merges: the level joins normalize.
      assertThat(registry.put("/config/cfg").contentType(SR).body("{\"compatibility\":\"FULL\"}").send().json())
          .isEqualTo(new JsonObject().put("compatibility", "FULL"));
      assertThat(registry.get("/config/cfg").send().json())
          .isEqualTo(new JsonObject().put("compatibilityLevel", "FULL").put("normalize", true));

      // Globally: set, returned, the default of every subject without its own, and removed by DELETE.
      assertThat(registry.get("/config").send().json()).isEqualTo(new JsonObject().put("compatibilityLevel",
          "BACKWARD"));
      registry.put("/config").contentType(SR).body("{\"normalize\":true}").send();
      assertThat(registry.get("/config").send().json().getBoolean("normalize")).isTrue();
      int other = register(registry, "global", body(JSON_1, "JSON")).json().getInteger("id");
      assertThat(register(registry, "global", body(JSON_2, "JSON")).json().getInteger("id")).isEqualTo(other);
      assertThat(registry.delete("/config").send().json().getBoolean("normalize")).isTrue();
      assertThat(registry.get("/config").send().json().containsKey("normalize")).isFalse();

      // Bad config bodies: Confluent's codes, nothing stored.
      assertError(registry.put("/config/bad").contentType(SR).body("{\"normalize\":\"notabool\"}").send(), 422, 422);
      assertError(registry.put("/config/bad").contentType(SR).body("{\"normalize\":1}").send(), 422, 422);
      assertError(registry.put("/config/bad").contentType(SR).body("{\"compatibility\":\"FULL\",\"normalize\":[]}")
          .send(), 422, 422);
      assertError(registry.put("/config/bad").contentType(SR).body("{}").send(), 422, 42203);
      assertError(registry.get("/config/bad").send(), 404, 40408);
    }
  }

  @Test
  void latestWithMetadataFindsTheNewestMatchingVersion() {
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic",
        TestKafka.uniqueTopic("_schemas-latest-metadata")))) {
      Http registry = SchemaRegistryTestData.registry(server);
      register(registry, "meta", withProperties(avroRecord("M"), new JsonObject().put("owner", "billing")
          .put("team", "a")));
      register(registry, "meta", withProperties(avroRecordWithDefault("M"), new JsonObject().put("owner", "sales")));
      register(registry, "meta", body("{\"type\":\"record\",\"name\":\"M\",\"fields\":[{\"name\":\"f\",\"type\":"
          + "\"string\"},{\"name\":\"n\",\"type\":[\"null\",\"int\"],\"default\":null},{\"name\":\"m\",\"type\":"
          + "[\"null\",\"int\"],\"default\":null}]}"));
      register(registry, "plain", body(avroRecord("P")));

      JsonObject billing = registry.get("/subjects/meta/metadata?key=owner&value=billing").send().json();
      assertThat(billing.getInteger("version")).isEqualTo(1);
      assertThat(billing.getJsonObject("metadata").getJsonObject("properties").getString("team")).isEqualTo("a");
      assertThat(version(registry, "/subjects/meta/metadata?key=owner&value=sales")).isEqualTo(2);
      assertThat(version(registry, "/subjects/meta/metadata?key=owner&value=billing&key=team&value=a")).isEqualTo(1);
      // No pair (or a key without a value): the newest version that has properties at all; v3 has none.
      assertThat(version(registry, "/subjects/meta/metadata")).isEqualTo(2);
      assertThat(version(registry, "/subjects/meta/metadata?key=owner")).isEqualTo(2);

      assertError(registry.get("/subjects/meta/metadata?key=owner&value=billing&key=team&value=b").send(), 404,
          40403);
      assertError(registry.get("/subjects/meta/metadata?key=owner&value=nobody").send(), 404, 40403);
      assertError(registry.get("/subjects/plain/metadata?key=owner&value=billing").send(), 404, 40403);
      assertError(registry.get("/subjects/plain/metadata").send(), 404, 40403);
      assertError(registry.get("/subjects/none/metadata?key=owner&value=billing").send(), 404, 40401);

      // Soft-deleted versions count only with deleted=true.
      assertThat(registry.delete("/subjects/meta/versions/2").send().status()).isEqualTo(200);
      assertError(registry.get("/subjects/meta/metadata?key=owner&value=sales").send(), 404, 40403);
      assertThat(version(registry, "/subjects/meta/metadata?key=owner&value=sales&deleted=true")).isEqualTo(2);
    }
  }

  private static int registerNormalized(Http registry, String subject, String body) {
    Http.Reply reply = registry.post("/subjects/" + subject + "/versions?normalize=true").contentType(SR).body(body)
        .send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getInteger("id");
  }

  private static Http.Reply lookUp(Http registry, String subject, String query, String body) {
    return registry.post("/subjects/" + subject + query).contentType(SR).body(body).send();
  }

  private static int version(Http registry, String path) {
    Http.Reply reply = registry.get(path).send();
    assertThat(reply.status()).as("%s", reply).isEqualTo(200);
    return reply.json().getInteger("version");
  }

  private static String withProperties(String schema, JsonObject properties) {
    return new JsonObject().put("schema", schema).put("metadata", new JsonObject().put("properties", properties))
        .encode();
  }
}
