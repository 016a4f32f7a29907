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

  private static List<Integer> ids(JsonArray versions) {
    return versions.stream().map(v -> ((JsonObject) v).getInteger("id")).toList();
  }
}
