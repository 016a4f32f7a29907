package io.tributary.server;

import static io.tributary.server.SchemaRegistryTestData.avroRecord;
import static io.tributary.server.SchemaRegistryTestData.avroRecordWithDefault;
import static io.tributary.server.SchemaRegistryTestData.body;
import static io.tributary.server.SchemaRegistryTestData.register;
import static io.tributary.testkit.ErrorAssert.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.Http;
import io.tributary.testkit.TestKafka;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The registry's listings and metadata: {@code deletedOnly}, {@code GET /schemas} with its filters and paging,
 * {@code GET /contexts} and the default-context prefix, {@code /v1/metadata/*}. One server on a topic of its own,
 * so that the listings hold exactly what the test registered.
 */
class SchemaRegistryListingsE2ETest {

  @Test
  void listingsMetadataAndTheDefaultContext() {
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic",
        TestKafka.uniqueTopic("_schemas-listings")))) {
      Http registry = SchemaRegistryTestData.registry(server);
      int a1 = register(registry, "a-value", body(avroRecord("A"))).json().getInteger("id");
      int a2 = register(registry, "a-value", body(avroRecordWithDefault("A"))).json().getInteger("id");
      int b1 = register(registry, "b-value", body(avroRecord("B"))).json().getInteger("id");
      assertThat(registry.delete("/subjects/a-value/versions/1").send().status()).isEqualTo(200);
      assertThat(registry.delete("/subjects/b-value").send().status()).isEqualTo(200);

      // deletedOnly: soft-deleted subjects and versions only.
      assertThat(registry.get("/subjects").send().array()).containsExactly("a-value");
      assertThat(registry.get("/subjects?deletedOnly=true").send().array()).containsExactly("b-value");
      assertThat(registry.get("/subjects?deleted=true").send().array()).containsExactly("a-value", "b-value");
      assertThat(registry.get("/subjects/a-value/versions?deletedOnly=true").send().array()).containsExactly(1);
      assertThat(registry.get("/subjects/a-value/versions").send().array()).containsExactly(2);
      assertError(registry.get("/subjects/none-value/versions?deletedOnly=true").send(), 404, 40401);

      // GET /schemas: by subject then version, with its filters and paging.
      assertThat(ids(registry.get("/schemas").send().array())).containsExactly(a2);
      assertThat(ids(registry.get("/schemas?deleted=true").send().array())).containsExactly(a1, a2, b1);
      assertThat(ids(registry.get("/schemas?deleted=true&latestOnly=true").send().array())).containsExactly(a2, b1);
      assertThat(ids(registry.get("/schemas?deleted=true&subjectPrefix=b-").send().array())).containsExactly(b1);
      assertThat(ids(registry.get("/schemas?deleted=true&offset=1&limit=1").send().array())).containsExactly(a2);
      JsonObject first = registry.get("/schemas?deleted=true&limit=1").send().array().getJsonObject(0);
      assertThat(first.getString("subject")).isEqualTo("a-value");
      assertThat(first.getInteger("version")).isEqualTo(1);
      assertThat(new JsonObject(first.getString("schema")).getString("name")).isEqualTo("A");
      assertError(registry.get("/schemas?limit=ten").send(), 400, 400);

      // offset and limit page the other listings too.
      assertThat(registry.get("/subjects?deleted=true&offset=1&limit=1").send().array()).containsExactly("b-value");
      assertThat(registry.get("/subjects/a-value/versions?deleted=true&limit=1").send().array()).containsExactly(1);
      assertThat(registry.get("/subjects/a-value/versions?deleted=true&offset=1").send().array()).containsExactly(2);
      assertThat(registry.get("/schemas/ids/" + a1 + "/versions?deleted=true&offset=1").send().array()).isEmpty();
      assertThat(registry.get("/schemas/ids/" + a1 + "/subjects?deleted=true&limit=1").send().array()).hasSize(1);
      assertError(registry.get("/subjects?offset=one").send(), 400, 400);
      // deletedAsNegative: every version, the soft-deleted ones negated.
      assertThat(registry.get("/subjects/a-value/versions?deletedAsNegative=true").send().array())
          .containsExactly(-1, 2);

      // The default context: the only one, and its prefix names the same subjects.
      assertThat(registry.get("/contexts").send().array()).containsExactly(".");
      assertThat(registry.get("/subjects/:.:a-value/versions").send().array()).containsExactly(2);
      assertThat(register(registry, ":.:c-value", body(avroRecord("C"))).status()).isEqualTo(200);
      assertThat(registry.get("/subjects").send().array()).containsExactly("a-value", "c-value");
      assertThat(registry.get("/subjects?subjectPrefix=:.:c").send().array()).containsExactly("c-value");

      // Metadata.
      JsonObject clusters = registry.get("/v1/metadata/id").send().json().getJsonObject("scope")
          .getJsonObject("clusters");
      assertThat(clusters.getString("kafka-cluster")).isNotBlank();
      assertThat(clusters.getString("schema-registry-cluster")).startsWith("_schemas-listings");
      assertThat(registry.get("/v1/metadata/version").send().json().getString("version")).isNotBlank();
    }
  }

  @Test
  void metadataAndRuleSetAreStoredAndReturnedUnchanged() {
    try (TestServer server = TestServer.start(Map.of("embedded.schema.registry.topic",
        TestKafka.uniqueTopic("_schemas-extras")))) {
      Http registry = SchemaRegistryTestData.registry(server);
      JsonObject metadata = new JsonObject().put("properties", new JsonObject().put("owner", "billing"))
          .put("tags", new JsonObject().put("f", new JsonArray().add("PII")));
      JsonObject ruleSet = new JsonObject().put("domainRules", new JsonArray().add(new JsonObject()
          .put("name", "checkF").put("kind", "CONDITION").put("type", "CEL").put("mode", "WRITE")
          .put("expr", "message.f != ''")));
      String schema = avroRecord("Meta");
      JsonObject request = new JsonObject().put("schema", schema).put("metadata", metadata).put("ruleSet", ruleSet);
      int id = register(registry, "meta-value", request.encode()).json().getInteger("id");

      JsonObject v1 = registry.get("/subjects/meta-value/versions/1").send().json();
      assertThat(v1.getJsonObject("metadata")).isEqualTo(metadata);
      assertThat(v1.getJsonObject("ruleSet")).isEqualTo(ruleSet);
      JsonObject byId = registry.get("/schemas/ids/" + id).send().json();
      assertThat(byId.getJsonObject("metadata")).isEqualTo(metadata);
      assertThat(byId.getJsonObject("ruleSet")).isEqualTo(ruleSet);
      assertThat(registry.get("/schemas").send().array().getJsonObject(0).getJsonObject("metadata"))
          .isEqualTo(metadata);

      // A client that sends no metadata (a plain serializer) finds the version; other metadata is another schema.
      assertThat(register(registry, "meta-value", body(schema)).json().getInteger("id")).isEqualTo(id);
      JsonObject found = registry.post("/subjects/meta-value").contentType(SchemaRegistryTestData.SR)
          .body(body(schema)).send().json();
      assertThat(found.getInteger("version")).isEqualTo(1);
      assertThat(found.getJsonObject("ruleSet")).isEqualTo(ruleSet);
      JsonObject otherMetadata = new JsonObject().put("properties", new JsonObject().put("owner", "sales"));
      int other = register(registry, "meta-value", new JsonObject().put("schema", schema)
          .put("metadata", otherMetadata).encode()).json().getInteger("id");
      assertThat(other).isNotEqualTo(id);
      assertThat(registry.get("/subjects/meta-value/versions/2").send().json().getJsonObject("metadata"))
          .isEqualTo(otherMetadata);
      assertThat(registry.get("/subjects/meta-value/versions/2").send().json().containsKey("ruleSet")).isFalse();

      assertError(register(registry, "meta-value", new JsonObject().put("schema", schema)
          .put("metadata", "owner=billing").encode()), 422, 42201);
      assertThat(registry.get("/subjects/meta-value/versions").send().array()).containsExactly(1, 2);
    }
  }

  private static List<Integer> ids(JsonArray versions) {
    return versions.stream().map(v -> ((JsonObject) v).getInteger("id")).toList();
  }
}
